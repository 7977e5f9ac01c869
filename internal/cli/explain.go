package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

type explainOptions struct {
	repair  repairOptions
	suggest bool
}

func newExplainCmd(s Streams) *cobra.Command {
	o := &explainOptions{}
	cmd := &cobra.Command{
		Use:   "explain [flags] [PATH...]",
		Short: "Show why each fix is proposed, in the model's numbers",
		Long: `For each fix that fix would make, explain prints the source of the candidate
and its channel probability log10 P(spun | original), the language model's
log10 probability of the words around the fix (two on each side, in the
context of the sentence before them) with the spun word and with the fix, and
the fix's confidence with the alternatives: the trained decision's
probability for a content word, the decoder's posterior for a swap-table
word or under --decision=false. With no path it reads standard
input. --suggest explains the fixes below --min-confidence too.`,
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	o.repair.addFlags(cmd.Flags())
	cmd.Flags().BoolVar(&o.suggest, "suggest", false, "also explain the suggestions below --min-confidence")
	return cmd
}

func (o *explainOptions) run(s Streams, args []string) error {
	rs := newResolver(&o.repair)
	if isStdin(args) {
		src, err := io.ReadAll(s.In)
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
		return o.explain(s.Out, rs, stdinName, "", src)
	}
	for _, it := range excludeItems(rs, files.Collect(args), args) {
		if it.Err != nil {
			return it.Err
		}
		src, err := os.ReadFile(it.Path)
		if err != nil {
			return err
		}
		enc, reason := files.Detect(src, true)
		if reason != "" {
			continue
		}
		if src, err = enc.Decode(src); err != nil {
			return fmt.Errorf("%s: %w", it.Path, err)
		}
		if err := o.explain(s.Out, rs, it.Path, it.Path, src); err != nil {
			return err
		}
	}
	return nil
}

func (o *explainOptions) explain(w io.Writer, rs *resolver, name, path string, src []byte) error {
	st, err := rs.forPath(path)
	if err != nil {
		return err
	}
	lines := render.NewLines(src)
	for _, e := range render.Select(st.propose(src), o.suggest) {
		line, col := lines.Position(e.Start)
		fmt.Fprintf(w, "%s:%d:%d: %s -> %s (%s)\n", name, line, col, text.OneLine(e.From), text.OneLine(e.To), status(e))
		if st.rep != nil {
			writeExplanation(w, st.rep.Explain(src, e))
		}
		if _, err := fmt.Fprintf(w, "  confidence %.3f%s\n", e.Confidence, alternatives(e)); err != nil {
			return err
		}
	}
	return nil
}

func status(e repair.Edit) string {
	if e.Applied {
		return "applied"
	}
	return "suggestion"
}

func writeExplanation(w io.Writer, x repair.Explanation) {
	if x.Found {
		fmt.Fprintf(w, "  source     %s, log10 P(%s | %s) = %.2f (keeping it: %.2f)\n",
			x.Source, strings.ToLower(x.Edit.From), strings.ToLower(x.Edit.To), x.Channel, x.KeepChannel)
	} else {
		fmt.Fprintf(w, "  source     %s (not among the lexicon's candidates)\n", x.Source)
	}
	if x.Original != "" {
		fmt.Fprintf(w, "  language   %q %.2f vs %q %.2f (%+.2f for the fix)\n",
			x.Replaced, x.LMReplaced, x.Original, x.LMOriginal, x.LMReplaced-x.LMOriginal)
	}
}

func alternatives(e repair.Edit) string {
	if len(e.Alternatives) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("; alternatives:")
	for _, a := range e.Alternatives {
		fmt.Fprintf(&b, " %s %.3f", a.Word, a.Confidence)
	}
	return b.String()
}
