package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/learn"
	"github.com/unspin/unspin/internal/lexicon"
)

type learnOptions struct {
	out       string
	rounds    int
	prior     float64
	minEvid   float64
	minDocs   int
	noPropose bool
	model     string
	k         int
}

const learnLong = `Learn the substitution table of the spinner that wrote the given texts.

learn decodes the spun texts with the generic lexicon and re-estimates
P(spun | original) from the decoder's posteriors, a few rounds of
expectation-maximisation with the language model held fixed, smoothed towards
the generic lexicon. It also proposes pairs the lexicon lacks: words far more
frequent in the texts than in clean English, with the language model's
predictions for their slots as originals. Give it a pile of one spinner's
output: the more text, the more of the table it finds; a short text leaves the
table nearly empty by design.

The table (-o) has one pair a line: spun, original, probability, evidence
(expected occurrences), tab-separated, after a '#' comment. Use it with
fix, diff, review and eval --table. Progress goes to stderr.`

func newLearnCmd(s Streams) *cobra.Command {
	var o learnOptions
	d := learn.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "learn -o TABLE.tsv SPUN...",
		Short: "Learn a spinner's substitution table from its output",
		Long:  learnLong,
		Args:  cobra.MinimumNArgs(1),
		RunE:  func(_ *cobra.Command, args []string) error { return runLearn(s, &o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "output", "o", "", "write the table to this file (required; - for stdout)")
	f.IntVar(&o.rounds, "rounds", d.Rounds, "expectation-maximisation rounds")
	f.Float64Var(&o.prior, "prior-weight", d.PriorWeight, "occurrences the generic prior counts for")
	f.Float64Var(&o.minEvid, "min-evidence", d.MinEvidence, "expected occurrences a pair needs")
	f.IntVar(&o.minDocs, "min-docs", d.MinDocs, "documents (pieces of "+strconv.Itoa(learnChunkWords)+" words) that must each show a pair")
	f.BoolVar(&o.noPropose, "no-propose", false, "learn only pairs the lexicon already has")
	f.StringVar(&o.model, "model", "", "language model file (default: the built-in model)")
	f.IntVar(&o.k, "candidates", lexicon.DefaultK, "candidate originals considered per word, the word itself included")
	return cmd
}

func runLearn(s Streams, o *learnOptions, args []string) error {
	if o.out == "" {
		return usageError{errors.New("learn needs -o TABLE.tsv")}
	}
	docs, err := readDocs(args)
	if err != nil {
		return err
	}
	// Copies of an article are not more evidence of the spinner, and
	// enough of them pass the two-document rule with one article's noise.
	docs, st := learn.Dedup(docs)
	fmt.Fprintf(s.Err, "learn: %d of %d paragraphs (%d of %d words) dropped as copies, emptying %d of %d documents\n",
		st.Dropped, st.Paragraphs, st.DroppedWords, st.Words, st.Emptied, st.Documents)
	model, lex, err := loadModelLexicon(o.model, o.k)
	if err != nil {
		return err
	}
	lo := learn.DefaultOptions()
	lo.Rounds, lo.PriorWeight, lo.MinEvidence, lo.MinDocs, lo.Progress = o.rounds, o.prior, o.minEvid, o.minDocs, s.Err
	var proposed []learn.Pair
	if !o.noPropose {
		proposed = learn.Propose(model, lex, docs, learn.DefaultProposeOptions())
		fmt.Fprintf(s.Err, "learn: %d pairs proposed beyond the lexicon\n", len(proposed))
	}
	table := learn.Learn(model, lex, learn.ChunkAll(docs, learnChunkWords), proposed, lo)
	return writeTable(s, o.out, table)
}

// learnChunkWords is the size of the pieces a pile is decoded in: large
// enough for a stable spin rate, small enough to spread over the cores.
const learnChunkWords = 2000

func writeTable(s Streams, path string, t *learn.Table) error {
	if path == "-" {
		return t.Write(s.Out)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := t.Write(f); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(s.Err, "learn: %d pairs written to %s\n", t.Len(), path)
	return f.Close()
}

// readDocs reads every file below the paths; "-" is stdin.
func readDocs(args []string) ([][]byte, error) {
	var docs [][]byte
	for _, it := range files.Collect(args) {
		if it.Err != nil {
			return nil, it.Err
		}
		b, err := os.ReadFile(it.Path)
		if err != nil {
			return nil, err
		}
		docs = append(docs, b)
	}
	return docs, nil
}
