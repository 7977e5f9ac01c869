package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

func newLMCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lm",
		Short: "Import, inspect and query n-gram language models",
		Long: `lm works with unspin's language models: import converts an ARPA model (as
SRILM, KenLM's lmplz and the CMU tools write it) to unspin's binary format,
score reports how likely a model finds each line of a text, and info describes
a model file.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newLMImportCmd(s), newLMScoreCmd(s), newLMInfoCmd(s))
	return cmd
}

// loadModel opens the model file at path, or returns the built-in model when
// path is "". Errors name the file.
func loadModel(path string) (*lm.Binary, error) {
	if path == "" {
		return lm.Default()
	}
	return lm.Open(path)
}

type lmImportOptions struct {
	out    string
	unk    float32
	source string
}

func newLMImportCmd(s Streams) *cobra.Command {
	o := &lmImportOptions{}
	cmd := &cobra.Command{
		Use:   "import MODEL.arpa[.gz] -o MODEL.unlm",
		Short: "Convert an ARPA language model to unspin's binary format",
		Long: `import reads an ARPA language model, plain or gzipped ("-" for stdin), and
writes it in unspin's binary format, which loads instantly and takes under
10 bytes an n-gram. Log10 probabilities are stored to within 0.001.

A model without <unk> gives unknown words the log10 probability --unk.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args[0]) },
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "binary model file to write (required)")
	cmd.Flags().Float32Var(&o.unk, "unk", lm.DefaultUnknownLog10, "log10 probability of an unknown word, when the model has no <unk>")
	cmd.Flags().StringVar(&o.source, "source", "", "provenance and licence to record in the file (default: the input's name)")
	return cmd
}

func (o *lmImportOptions) run(s Streams, in string) error {
	if o.out == "" {
		return usageError{fmt.Errorf("lm import: -o MODEL.unlm is required")}
	}
	if o.unk >= 0 {
		return usageError{fmt.Errorf("lm import: --unk must be a negative log10 probability")}
	}
	r := s.In
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if o.source == "" {
		o.source = "imported from " + filepath.Base(in)
	}
	tmp, err := createModelTemp(filepath.Dir(o.out))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	info, err := lm.ImportARPA(r, tmp, lm.ImportOptions{UnknownLog10: o.unk, Source: o.source})
	if err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), o.out); err != nil {
		return err
	}
	for _, w := range info.Warnings {
		fmt.Fprintf(s.Err, "unspin: %s: warning: %s\n", in, w)
	}
	fmt.Fprintf(s.Err, "%s: order %d, %d n-grams, %.2f bytes an n-gram\n",
		o.out, info.Order, info.NGrams(), float64(info.FileSize)/float64(info.NGrams()))
	return nil
}

// createModelTemp creates the hidden file a model is written to before it
// is renamed into place. Unlike os.CreateTemp, which makes it 0600, it asks
// for 0644 and lets the umask take its share, as for any file a program
// writes: a model is data to share, not a secret.
func createModelTemp(dir string) (*os.File, error) {
	for {
		name := filepath.Join(dir, fmt.Sprintf(".unspin-lm-%d", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

func newLMInfoCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "info [MODEL.unlm]",
		Short: "Describe a binary language model (default: the built-in one)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			return runLMInfo(s, path)
		},
	}
}

func runLMInfo(s Streams, path string) error {
	m, err := loadModel(path)
	if err != nil {
		return err
	}
	info := m.Info()
	if path == "" {
		path = "(built-in)"
	}
	var counts []string
	for i, c := range info.Counts {
		counts = append(counts, fmt.Sprintf("%d-grams=%d", i+1, c))
	}
	fmt.Fprintf(s.Out, "model:       %s\norder:       %d\ncounts:      %s\nvocabulary:  %d words\n",
		path, info.Order, strings.Join(counts, " "), info.VocabSize)
	fmt.Fprintf(s.Out, "size:        %d bytes, %.2f bytes an n-gram\nunknown:     log10 %g\nsource:      %s\n",
		info.FileSize, float64(info.FileSize)/float64(info.NGrams()), info.UnknownLog10, info.Source)
	return nil
}

type lmScoreOptions struct{ model string }

func newLMScoreCmd(s Streams) *cobra.Command {
	o := &lmScoreOptions{}
	cmd := &cobra.Command{
		Use:   "score [--model MODEL.unlm] [FILE...]",
		Short: "Score each line of a text with a language model",
		Long: `score treats each line of the files (stdin when none, or "-") as a sentence
and prints its total log10 probability, word count, unknown-word count and
perplexity, then a total line. Lines with no words are skipped.

Words are lowercased and stripped of punctuation as the repairer does. As SRILM
does, unknown (out-of-vocabulary) words are left out of the totals and of the
perplexity, and the context restarts after them; the end of sentence counts as
a word in the perplexity.`,
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	cmd.Flags().StringVar(&o.model, "model", "", "language model file (default: the built-in model)")
	return cmd
}

// lineScore accumulates log10 probability, words and unknown words.
type lineScore struct {
	log10     float64
	words     int
	oovs      int
	sentences int
}

func (t lineScore) perplexity() float64 {
	return math.Pow(10, -t.log10/float64(t.words-t.oovs+t.sentences))
}

func (o *lmScoreOptions) run(s Streams, files []string) error {
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	w := bufio.NewWriter(s.Out)
	var total lineScore
	for _, name := range files {
		if err := scoreFile(s, m, name, w, &total); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "total: sentences=%d words=%d oovs=%d logprob=%.4f ppl=%.2f\n",
		total.sentences, total.words, total.oovs, total.log10, total.perplexity())
	return w.Flush()
}

func scoreFile(s Streams, m lm.Model, name string, w io.Writer, total *lineScore) error {
	r := s.In
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		words := text.LMWords(sc.Text())
		if len(words) == 0 {
			continue
		}
		l := scoreWords(m, words)
		fmt.Fprintf(w, "logprob=%.4f words=%d oovs=%d ppl=%.2f\n", l.log10, l.words, l.oovs, l.perplexity())
		total.log10 += l.log10
		total.words += l.words
		total.oovs += l.oovs
		total.sentences++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// scoreWords scores <s> words </s>.
func scoreWords(m lm.Model, words []string) lineScore {
	l := lineScore{words: len(words), sentences: 1}
	st := m.BeginSentence()
	for i := 0; i <= len(words); i++ {
		id := lm.EOS
		if i < len(words) {
			id = m.ID(words[i])
		}
		p, next := m.Score(st, id)
		st = next
		if id == lm.Unknown {
			l.oovs++
			continue
		}
		l.log10 += float64(p)
	}
	return l
}
