// Command unspin-beam repairs a corpus of spun documents on Apache Beam:
// JSON Lines records, or plain text files a document each, to sharded JSON
// Lines. It takes Beam's own flags (--runner and the runner's options) and
// runs on the local Prism runner by default:
//
//	unspin-beam --input 'corpus/*.jsonl' --output out/repaired
//
// writes out/repaired-00000-of-00004.jsonl and its siblings, and prints the
// pipeline's counters on standard error.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	unspinbeam "github.com/unspin/unspin/beam"
)

// list is a repeatable flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	c := unspinbeam.Config{Repair: unspinbeam.DefaultRepair()}
	r := &c.Repair
	flag.StringVar(&c.Input, "input", "", "glob of the input files (required)")
	flag.StringVar(&c.Format, "input-format", "", `"jsonl" or "text" (default: jsonl for .jsonl, .ndjson and .json, else text: one document a file)`)
	flag.StringVar(&c.Output, "output", "", "prefix of the output shards (required)")
	flag.IntVar(&c.Shards, "shards", 4, "output files")
	flag.IntVar(&c.Parallel, "parallel", runtime.GOMAXPROCS(0), "documents a worker's bundle repairs at once")
	flag.StringVar(&r.Field, "field", r.Field, "the member holding each document's text")
	flag.StringVar(&r.CountsField, "counts-field", "", "add each record's counts under this member")
	flag.StringVar(&r.Model, "model", "", "language model file (default: the built-in model)")
	flag.Var((*list)(&r.Tables), "table", "learned table (unspin learn); repeatable")
	flag.Float64Var(&r.MinConfidence, "min-confidence", r.MinConfidence, "apply a fix only when its confidence reaches this (0-1)")
	flag.IntVar(&r.Candidates, "candidates", r.Candidates, "candidate originals considered per word")
	flag.StringVar(&r.Allow, "allow", "", "allowlist file")
	flag.StringVar(&r.Deny, "deny", "", "denylist file")
	flag.Var((*list)(&r.Dictionaries), "dictionary", "extra dictionary file; repeatable")
	flag.Parse()
	beam.Init()

	if err := run(c); err != nil {
		fmt.Fprintf(os.Stderr, "unspin-beam: %v\n", err)
		os.Exit(2)
	}
}

func run(c unspinbeam.Config) error {
	p, s := beam.NewPipelineWithRoot()
	if err := unspinbeam.Build(s, c); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		return err
	}
	if res != nil {
		for _, m := range res.Metrics().AllMetrics().Counters() {
			fmt.Fprintf(os.Stderr, "unspin-beam: %s %d\n", m.Key.Name, m.Committed)
		}
	}
	return nil
}
