package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/jsonl"
)

// corpusOptions are the flags of fix's JSON Lines corpus mode, in which
// each input line is a document record (the convention of datatrove and
// dolma: {"id", "text", "metadata"}) and the records are written back, in
// order, with their text repaired and every other member kept.
type corpusOptions struct {
	format  string // --input-format: text or jsonl
	field   string // --field: the member holding the text
	counts  string // --counts-field: the member to set to the counts
	skipBad bool   // --skip-bad: drop bad records instead of stopping
}

const jsonlHelp = `
With --input-format jsonl each line of the input is a JSON object holding a
document in --field; the records are written to standard output in input
order, each with its text repaired as fix repairs a file of that text alone,
and every other member kept as it was. --counts-field NAME adds
{"words","fixes","suggestions"} to each record under NAME. A line that is not
such a record stops the run with its line number, or with --skip-bad is
dropped and counted on standard error. Blank lines are dropped.`

func (c *corpusOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&c.format, "input-format", "text", `input format: "text", or "jsonl" for one JSON record a line`)
	f.StringVar(&c.field, "field", "text", "with --input-format jsonl: the member holding each document's text")
	f.StringVar(&c.counts, "counts-field", "", "with --input-format jsonl: add each record's counts under this member")
	f.BoolVar(&c.skipBad, "skip-bad", false, "with --input-format jsonl: drop bad records and count them instead of stopping")
}

// validate rejects what the corpus mode cannot do with the flags given.
func (c *corpusOptions) validate(o *fixOptions) error {
	usage := func(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }
	fs := o.repair.flags
	if c.format == "" {
		c.format = "text" // diff, which has no such flag
	}
	switch {
	case c.format != "text" && c.format != "jsonl":
		return usage("--input-format %q: want text or jsonl", c.format)
	case c.format == "text":
		for _, name := range []string{"field", "counts-field", "skip-bad"} {
			if fs != nil && fs.Changed(name) {
				return usage("--%s needs --input-format jsonl", name)
			}
		}
	case o.write || o.list || o.diff || o.check || o.format != "text" || o.suggest:
		return usage("--input-format jsonl writes the records to standard output: it cannot be combined with -w, -l, -d, --check, --format or --suggest")
	case c.field == "":
		return usage("--field: want a member name")
	case c.field == c.counts:
		return usage("--counts-field %q: it is the text's --field", c.counts)
	}
	return nil
}

// corpusRun is one run of the corpus mode.
type corpusRun struct {
	o   *fixOptions
	s   Streams
	out *bufio.Writer
	sum corpusSummary
}

type corpusSummary struct{ records, words, fixes, suggestions, bad int }

func (c corpusSummary) String() string {
	return fmt.Sprintf("%d records, %d words, %d fixes, %d suggestions, %d bad records skipped",
		c.records, c.words, c.fixes, c.suggestions, c.bad)
}

// runJSONL repairs the records of standard input or of the files named.
func (o *fixOptions) runJSONL(s Streams, args []string) error {
	o.resolver = newResolver(&o.repair) // each file's configuration and repairer
	r := &corpusRun{o: o, s: s, out: bufio.NewWriterSize(s.Out, 64<<10)}
	err := r.inputs(args)
	if ferr := r.out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing output: %w", ferr)
	}
	if o.verbose {
		fmt.Fprintf(s.Err, "unspin: %s\n", r.sum)
	} else if r.sum.bad > 0 {
		fmt.Fprintf(s.Err, "unspin: %d bad records skipped\n", r.sum.bad)
	}
	return err
}

func (r *corpusRun) inputs(args []string) error {
	if isStdin(args) {
		return r.input(stdinName, readErrors{r.s.In})
	}
	for _, path := range args {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		err = r.input(path, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// repaired is one record's outcome.
type repaired struct {
	rec []byte // nil for a blank line
	out engine.Outcome
}

// input repairs the records of one input, up to -j at once, and writes
// them in order.
func (r *corpusRun) input(path string, in io.Reader) error {
	st, err := r.o.resolver.forPath(path)
	if err != nil {
		return err
	}
	c := r.o.corpus
	fn := func(line []byte) (repaired, error) {
		if jsonl.Blank(line) {
			return repaired{}, nil
		}
		rec, out, err := engine.Record(st.propose, line, c.field, c.counts)
		return repaired{rec, out}, err
	}
	return jsonl.Map(in, r.o.jobs, fn, func(l jsonl.Line[repaired]) error {
		switch {
		case l.Err != nil && errors.Is(l.Err, jsonl.ErrBad) && c.skipBad:
			r.sum.bad++
			fmt.Fprintf(r.s.Err, "unspin: %s:%d: %v (skipped)\n", path, l.N, l.Err)
			return nil
		case l.Err != nil:
			return fmt.Errorf("%s:%d: %w", path, l.N, l.Err)
		case l.Out.rec == nil:
			return nil
		}
		r.sum.records++
		r.sum.words += l.Out.out.Words
		r.sum.fixes += l.Out.out.Fixes()
		r.sum.suggestions += l.Out.out.Suggestions()
		r.out.Write(l.Out.rec)
		if err := r.out.WriteByte('\n'); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	})
}
