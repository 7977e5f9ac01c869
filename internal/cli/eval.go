package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/repair"
)

type evalOptions struct {
	spun, gold, clean string
	repaired          string // score this text instead of running the repairer
	format            string
	verbose           bool
	repair            repairOptions
}

func newEvalCmd(s Streams) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --spun FILE --gold FILE [--clean FILE]",
		Short: "Score repairs against an aligned gold original",
		Long: `eval repairs a spun text with the same options as fix and scores the result
word by word against an aligned gold original: precision, recall and F0.5 of
restored words, detection precision and recall, and, given a clean text, the
share of its words the repair changed.

The gold has the spun text's whitespace-separated tokens; a token is the
original word, {a|b} lists several right originals, {?} is not scored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runEval(s, &o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.spun, "spun", "", "spun text to repair (required)")
	f.StringVar(&o.gold, "gold", "", "gold original aligned with the spun text (required)")
	f.StringVar(&o.clean, "clean", "", "clean text to measure false positives on")
	f.StringVar(&o.repaired, "repaired", "", "score this plain repaired text (no {a|b} braces) instead of repairing the spun one")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "list every miss and every wrong change")
	o.repair.addFlags(f)
	return cmd
}

func runEval(s Streams, o *evalOptions) error {
	if o.spun == "" || o.gold == "" {
		return usageError{errors.New("eval needs --spun and --gold")}
	}
	if o.format != "text" && o.format != "json" {
		return usageError{fmt.Errorf("unknown --format %q (want text or json)", o.format)}
	}
	spun, gold, err := readTwo(o.spun, o.gold)
	if err != nil {
		return err
	}
	var fn func([]byte) []repair.Edit
	if o.repaired == "" || o.clean != "" {
		if fn, err = o.repairFunc(); err != nil {
			return err
		}
	}
	repaired, err := repairedText(fn, spun, o.repaired)
	if err != nil {
		return err
	}
	opts := eval.Options{Details: o.verbose}
	rep, err := eval.Score(spun, repaired, gold, opts)
	if err != nil {
		return fmt.Errorf("%s, %s: %w", o.spun, o.gold, err)
	}
	if o.clean != "" {
		if rep.Clean, err = evalClean(fn, o.clean, opts); err != nil {
			return err
		}
	}
	return writeEvalReport(s, o.format, rep)
}

func readTwo(a, b string) ([]byte, []byte, error) {
	da, err := os.ReadFile(a)
	if err != nil {
		return nil, nil, err
	}
	db, err := os.ReadFile(b)
	return da, db, err
}

// repairFunc is the repairer the flags describe, or the test fake (see fix).
func (o *evalOptions) repairFunc() (func([]byte) []repair.Edit, error) {
	if testRepairFunc != nil {
		return testRepairFunc, nil
	}
	r, err := o.repair.load()
	if err != nil {
		return nil, err
	}
	return r.Repair, nil
}

// repairedText runs the repairer on spun, or reads the given repaired file.
func repairedText(fn func([]byte) []repair.Edit, spun []byte, path string) ([]byte, error) {
	if path != "" {
		return os.ReadFile(path)
	}
	return repair.Apply(spun, fn(spun)), nil
}

func evalClean(fn func([]byte) []repair.Edit, path string, opts eval.Options) (*eval.CleanReport, error) {
	clean, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cr, err := eval.ScoreClean(clean, repair.Apply(clean, fn(clean)), opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cr, nil
}

func writeEvalReport(s Streams, format string, rep eval.Report) error {
	if format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteText(s.Out)
}
