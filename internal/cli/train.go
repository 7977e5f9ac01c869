package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/lm"
)

// trainOptions are the flags of train.
type trainOptions struct {
	order   int
	arpa    string // --arpa: also write the ARPA text here ("-": stdout)
	output  string // -o: the binary model
	source  string // --source: provenance recorded in the binary model
	text    bool   // --running-text: split paragraphs into sentences
	heldout string // --heldout: report perplexity on this text
}

const trainLong = `Train an n-gram language model on plain text.

Each line of each CORPUS file is one sentence, or with --running-text the
lines up to a blank line form a paragraph that is split into sentences.
gzip-compressed files are recognised and decompressed; "-" reads standard
input. Words are normalised exactly as the repairer normalises them when it
queries the model. The model
is interpolated modified Kneser-Ney (Chen and Goodman), the smoothing of
KenLM's lmplz; <unk> gets the share of the unigram interpolation mass that
each word of the vocabulary gets, as in KenLM.

-o writes the binary model that fix and diff load with --model; --arpa also
(or only) writes the ARPA text, which other toolkits read. --heldout reports
the model's perplexity on other text, counted as SRILM's "ngram -ppl" counts
it: </s> included, out-of-vocabulary words excluded and counted.

Training keeps the n-grams in memory: the Brown corpus (a million words, 1.3
million distinct n-grams at order 3) peaks at about 170 MB. For a corpus
larger than memory allows, build an ARPA file with KenLM's lmplz and import
it with "unspin lm import".

Progress goes to standard error every million words or so.`

func newTrainCmd(s Streams) *cobra.Command {
	o := &trainOptions{}
	cmd := &cobra.Command{
		Use:   "train [--order N] [--arpa FILE] -o MODEL.unlm CORPUS...",
		Short: "Train a language model on plain text",
		Long:  trainLong,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.validate(args); err != nil {
				return usageError{err}
			}
			return o.run(s, args)
		},
	}
	f := cmd.Flags()
	f.IntVarP(&o.order, "order", "n", lm.DefaultTrainOrder, fmt.Sprintf("n-gram order, 1 to %d", lm.MaxOrder))
	f.StringVar(&o.arpa, "arpa", "", `also write the model as ARPA text to this file ("-" for stdout)`)
	f.StringVarP(&o.output, "output", "o", "", "write the binary model to this file")
	f.BoolVar(&o.text, "running-text", false, "input is running prose: split paragraphs into sentences instead of taking each line as one")
	f.StringVar(&o.heldout, "heldout", "", "report the model's perplexity on this text (one sentence a line; OOVs excluded, as SRILM)")
	f.StringVar(&o.source, "source", "", "provenance recorded in the binary model (default: the corpus file names)")
	return cmd
}

func (o *trainOptions) validate(args []string) error {
	switch {
	case len(args) == 0:
		return errors.New("train: no corpus given")
	case o.order < 1 || o.order > lm.MaxOrder:
		return fmt.Errorf("train: --order %d out of range: must be 1 to %d", o.order, lm.MaxOrder)
	case o.output == "" && o.arpa == "":
		return errors.New("train: nothing to write: give -o MODEL.unlm, --arpa FILE, or both")
	case o.output == "-":
		return errors.New("train: -o needs a file name: the binary model is not written to stdout")
	}
	return nil
}

func (o *trainOptions) run(s Streams, corpora []string) error {
	inputs := corpora
	if o.heldout != "" {
		inputs = append(inputs[:len(inputs):len(inputs)], o.heldout)
	}
	for _, c := range inputs {
		if c == "-" {
			continue
		}
		f, err := os.Open(c) // fail before a long training run, not after it
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		f.Close()
	}
	m, err := o.train(s, corpora)
	if err != nil {
		return err
	}
	if err := m.Summary(s.Err); err != nil {
		return err
	}
	if err := o.reportHeldout(s, m); err != nil {
		return err
	}
	return o.write(s, m, corpora)
}

// reportHeldout prints the perplexity of the held-out text, if one was given.
func (o *trainOptions) reportHeldout(s Streams, m *lm.KNModel) error {
	if o.heldout == "" {
		return nil
	}
	f, err := os.Open(o.heldout)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	defer f.Close()
	p, err := m.Perplexity(f)
	if err != nil {
		return fmt.Errorf("train: %s: %w", o.heldout, err)
	}
	_, err = fmt.Fprintf(s.Err, "train: held-out %s: %v (OOVs excluded)\n", o.heldout, p)
	return err
}

// train counts every corpus and estimates the model.
func (o *trainOptions) train(s Streams, corpora []string) (*lm.KNModel, error) {
	t, err := lm.NewTrainer(lm.TrainOptions{Order: o.order, RunningText: o.text, Progress: s.Err})
	if err != nil {
		return nil, err
	}
	for _, c := range corpora {
		if err := trainAddFile(t, s, c); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(s.Err, "train: %d sentences, %d words; estimating\n", t.Sentences(), t.Tokens())
	m, err := t.Estimate()
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return m, nil
}

func trainAddFile(t *lm.Trainer, s Streams, name string) error {
	if name == "-" {
		if err := t.AddText(s.In); err != nil {
			return fmt.Errorf("train: %s: %w", stdinName, err)
		}
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	defer f.Close()
	if err := t.AddText(f); err != nil {
		return fmt.Errorf("train: %s: %w", name, err)
	}
	return nil
}

func (o *trainOptions) sourceFor(corpora []string) string {
	if o.source != "" {
		return o.source
	}
	names := make([]string, len(corpora))
	for i, c := range corpora {
		names[i] = filepath.Base(c)
	}
	return fmt.Sprintf("unspin train --order %d: %s", o.order, strings.Join(names, " "))
}

// write writes the ARPA text and the binary model. The ARPA text goes to a
// file first and the binary model is imported from it, so the trained model
// can be freed before ImportARPA builds its own copy: peak memory is the
// larger of the two, not their sum. That file is the --arpa file when it is
// a regular one, else a scratch file beside the model, copied to --arpa
// (standard output, a device or a pipe) and removed.
func (o *trainOptions) write(s Streams, m *lm.KNModel, corpora []string) error {
	if o.output == "" {
		if o.arpa == "-" {
			return m.WriteARPA(s.Out)
		}
		return trainWriteFile(o.arpa, m.WriteARPA)
	}
	keep := o.arpa != "" && o.arpa != "-" && trainIsRegular(o.arpa)
	var arpa *trainFile
	var err error
	if keep {
		arpa, err = trainCreate(o.arpa)
	} else {
		arpa, err = trainScratch(filepath.Dir(o.output))
	}
	if err != nil {
		return err
	}
	defer arpa.abort()
	if err := m.WriteARPA(arpa.f); err != nil {
		return trainOutputError(arpa.name(), err)
	}
	m = nil // the ARPA text holds the model from here on
	if !keep && o.arpa != "" {
		if err := o.copyARPA(s, arpa.f); err != nil {
			return err
		}
	}
	if _, err := arpa.f.Seek(0, io.SeekStart); err != nil {
		return trainOutputError(arpa.name(), err)
	}
	info, err := trainWriteFileInfo(o.output, func(w io.Writer) (lm.Info, error) {
		return lm.ImportARPA(arpa.f, w, lm.ImportOptions{Source: o.sourceFor(corpora)})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "train: wrote %s: order %d, %d n-grams, %d words, %d bytes\n",
		o.output, info.Order, info.NGrams(), info.VocabSize, info.FileSize)
	if !keep {
		return nil // the deferred abort removes the scratch file
	}
	return arpa.commit()
}

// copyARPA copies the finished ARPA text in f to --arpa.
func (o *trainOptions) copyARPA(s Streams, f *os.File) error {
	copyTo := func(w io.Writer) error {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		_, err := io.Copy(w, f)
		return err
	}
	if o.arpa == "-" {
		return copyTo(s.Out)
	}
	return trainWriteFile(o.arpa, copyTo)
}
