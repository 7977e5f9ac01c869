package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

type candidatesOptions struct {
	k      int
	format string
}

func newCandidatesCmd(s Streams) *cobra.Command {
	o := &candidatesOptions{}
	cmd := &cobra.Command{
		Use:   "candidates WORD...",
		Short: "Show the originals considered for spun words, and why",
		Long: `candidates lists, for each word, the originals the repairer considers: the
word itself first, then the alternatives best first, each with its channel
probability P(word | original), its unigram probability under the language
model, and the source that proposed it: thesaurus (a thesaurus list that holds
the word), synonym (the word's own thesaurus list, weighted lower), morphology
(either of those through the word's lemma, re-inflected), swap (the table of
spinner swaps), spelling (a known word one edit away, or a spelling variant),
phrase (a tortured phrase).
Capitalised words, numbers and the like are never changed and get no alternatives.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	cmd.Flags().IntVarP(&o.k, "k", "k", lexicon.DefaultK, "candidates per word, the word itself included")
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table or json")
	return cmd
}

// candidateRecord is one line of output.
type candidateRecord struct {
	Spun     string  `json:"spun"`
	Original string  `json:"original"`
	Channel  float64 `json:"channel"` // P(spun | original)
	Unigram  float64 `json:"unigram"` // log10 P(original); -999 when unknown
	Source   string  `json:"source"`
}

func (o *candidatesOptions) run(s Streams, words []string) error {
	if o.format != "table" && o.format != "json" {
		return usageError{fmt.Errorf("--format must be table or json, not %q", o.format)}
	}
	if o.k < 1 {
		return usageError{fmt.Errorf("-k must be at least 1")}
	}
	model, lex, err := loadModelLexicon("", o.k)
	if err != nil {
		return err
	}
	uni := lm.UnigramFunc(model)
	var recs []candidateRecord
	for _, w := range words {
		for _, c := range lex.Candidates(w) {
			u := uni(c.Word)
			if math.IsInf(u, -1) {
				u = -999
			}
			recs = append(recs, candidateRecord{w, c.Word, math.Pow(10, c.Channel), u, c.Source.String()})
		}
	}
	if o.format == "json" {
		enc := json.NewEncoder(s.Out)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	return writeCandidateTable(s, recs)
}

func writeCandidateTable(s Streams, recs []candidateRecord) error {
	tw := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WORD\tORIGINAL\tP(WORD|ORIGINAL)\tLOG10 P(ORIGINAL)\tSOURCE")
	for _, r := range recs {
		uni := fmt.Sprintf("%.2f", r.Unigram)
		if r.Unigram <= -999 {
			uni = "unknown"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2g\t%s\t%s\n", r.Spun, r.Original, r.Channel, uni, r.Source)
	}
	return tw.Flush()
}
