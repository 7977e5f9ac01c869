// Command mkdecision trains the repairer's decision (internal/repair,
// decide.go): a model of whether a candidate original is right, over the
// features the repairer computes for it. It decodes synthetic spun/gold
// sets (tools/mksynth), labels every candidate from the gold, fits a
// logistic model by Newton's method with an L2 penalty and, with -trees,
// gradient-boosted trees beside it, and writes them as JSON. With -test it
// then scores other sets with the decision in place, so that a decision
// trained on some spinners can be measured on another. The shipped one:
//
//	tools/mksynth/trainsets.sh OUT
//	go run ./tools/mkdecision -train "$(cat OUT/decision-train.txt)" -more-docs 20000 \
//	    -trees 150 -depth 5 -shrink 0.1 \
//	    -short-docs 30 -short-clean-weight 10 -short-offset -0.847298 \
//	    -out internal/repair/decision.json
//
// Each set is a prefix P naming P.spun.txt and P.gold.txt; P@TABLE decodes
// it with the learned table TABLE (unspin learn) layered over the lexicon,
// as `unspin fix --table` does, so that the decision learns what a learned
// candidate is worth. A set is cut into documents of about -doc words
// (whole lines), as the document-level features (spin rates, the same
// change elsewhere) need documents of an article's length; -more-docs cuts
// it again into longer and shorter ones, as a whole file is repaired in
// windows of about 20,000 words, a sentence may be repaired alone, and
// those features grow with the text. With -short-docs a second decision is
// trained on documents of those sizes and judges texts under -short-words
// words: a lone sentence's document features mean something else.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/learn"
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
)

func main() {
	train := flag.String("train", "", "comma-separated set prefixes to train on")
	test := flag.String("test", "", "comma-separated set prefixes to score with the trained decision")
	thresholds := flag.String("min-confidence", "0.5", "comma-separated confidence thresholds to score the test sets at")
	out := flag.String("out", "", "write the decision here (JSON)")
	decisionFile := flag.String("decision", "", "without -train, score the test sets with this decision (JSON) instead of the shipped one")
	doc := flag.Int("doc", 800, "words a document")
	moreDocs := flag.String("more-docs", "", "comma-separated document sizes (words) to cut each training set into too; the document-level features grow with a document, and inputs range from a sentence to a whole file")
	shortDocs := flag.String("short-docs", "", "comma-separated document sizes (words) to train a second decision on, for texts under -short-words words; none: one decision for every length")
	shortWords := flag.Int("short-words", 100, "texts of fewer words than this are judged by the short decision")
	shortClean := flag.Float64("short-clean-weight", 1, "weight of a clean training set (no candidate right) against a spun one, for the short decision: a lone sentence's features say little of whether its text was spun, so the mixture's share of clean text is its prior")
	shortOffset := flag.Float64("short-offset", 0, "log-odds added to the short decision's output")
	l2 := flag.Float64("l2", 1, "L2 penalty on the standardised weights")
	trees := flag.Int("trees", 0, "boosted trees to fit instead of a linear model (0: linear)")
	depth := flag.Int("depth", 3, "depth of each boosted tree")
	shrink := flag.Float64("shrink", 0.1, "learning rate of the boosting")
	context := flag.Int("context", 0, "context candidates a word may keep (the repairer's Options.Context)")
	candidates := flag.Int("candidates", repair.DefaultOptions().Candidates, "candidate originals a word, the word included (the repairer's Options.Candidates)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("mkdecision: ")

	model, err := lm.Default()
	check(err)
	lex, err := lexicon.Default()
	check(err)
	lx := repair.LexiconFor(model, lex, *candidates)
	opts := repair.OptionsFor(lx)
	opts.Candidates = *candidates
	opts.Decision = nil // features do not depend on it
	opts.Context = *context
	r := repair.New(model, lx, opts)

	if *train != "" {
		var data examples
		short := examples{cleanWeight: *shortClean}
		for _, p := range split(*train) {
			r, prefix := withTable(model, lx, opts, r, p)
			n := data.add(r, prefix, *doc)
			log.Printf("%s: %d candidates", p, n)
			for _, size := range split(*moreDocs) {
				n := data.add(r, prefix, atoi(size))
				log.Printf("%s in %d-word documents: %d candidates", p, atoi(size), n)
			}
			for _, size := range split(*shortDocs) {
				n := short.add(r, prefix, atoi(size))
				log.Printf("%s in %d-word documents, for the short decision: %d candidates", p, atoi(size), n)
			}
		}
		fitDecision := func(data examples) *repair.Decision {
			d := fit(data, *l2)
			if *trees > 0 {
				check(d.UseTrees(boost(data, *trees, *depth, *shrink)))
			}
			d.Trained = fmt.Sprintf("%d candidates of %s", len(data.y), strings.Join(baseNames(split(*train)), ", "))
			report(d, data)
			return d
		}
		d := fitDecision(data)
		if len(short.y) > 0 {
			log.Printf("the short decision, for texts under %d words:", *shortWords)
			d.Short, d.ShortWords = fitDecision(short), *shortWords
			d.Short.Offset = *shortOffset
		}
		if *out != "" {
			b, err := json.MarshalIndent(d, "", "  ")
			check(err)
			check(os.WriteFile(*out, append(b, '\n'), 0o644))
		}
		opts.Decision = d
	} else if *decisionFile != "" {
		data, err := os.ReadFile(*decisionFile)
		check(err)
		opts.Decision, err = repair.ParseDecision(data)
		check(err)
	} else if opts.Decision, err = repair.DefaultDecision(); err != nil {
		log.Fatal(err)
	}
	if *test != "" {
		for _, p := range split(*test) {
			for _, t := range split(*thresholds) {
				mc, err := strconv.ParseFloat(t, 64)
				check(err)
				o := opts
				o.MinConfidence = mc
				r, prefix := withTable(model, lx, o, nil, p)
				score(prefix, "decision@"+t, r, *doc)
				o.Decision = nil
				r, prefix = withTable(model, lx, o, nil, p)
				score(prefix, "posterior@"+t, r, *doc)
			}
		}
	}
}

// withTable returns the repairer and prefix of set p: r itself, or for
// "prefix@table" one whose candidates the learned table layers.
func withTable(model lm.Model, lx *lexicon.Lexicon, opts repair.Options, r *repair.Repairer, p string) (*repair.Repairer, string) {
	prefix, table, ok := strings.Cut(p, "@")
	if !ok {
		if r == nil {
			r = repair.New(model, lx, opts)
		}
		return r, p
	}
	t, err := engine.ReadTables([]string{table})
	check(err)
	return repair.New(model, learn.Layer(lx, t), opts), prefix
}

// examples are labelled candidates: features and whether each is right,
// with a weight that gives every set the same total.
type examples struct {
	x [][]float64
	y []float64
	w []float64

	cleanWeight float64 // a clean set's total against a spun one's; 0: the same
}

func (e *examples) add(r *repair.Repairer, prefix string, docWords int) int {
	spun, gold := read(prefix)
	from := len(e.y)
	for _, d := range documents(spun, gold, docWords) {
		lab, err := eval.NewLabeler(d.spun, d.gold)
		check(err)
		for _, c := range r.Features(d.spun) {
			right, ok := lab.Label(c.Start, string(d.spun[c.Start:c.End]), c.Word)
			if !ok || !repair.Decides(c.Source) {
				continue
			}
			e.x = append(e.x, c.Features)
			e.y = append(e.y, b2f(right))
		}
	}
	n := len(e.y) - from
	total := 10000.0
	if !slices.Contains(e.y[from:], 1) && e.cleanWeight != 0 {
		total *= e.cleanWeight
	}
	for range n {
		e.w = append(e.w, total/float64(max(n, 1)))
	}
	return n
}

type document struct{ spun, gold []byte }

// documents cuts aligned texts into pieces of about n words at line ends.
func documents(spun, gold []byte, n int) []document {
	sl, gl := bytes.SplitAfter(spun, []byte("\n")), bytes.SplitAfter(gold, []byte("\n"))
	if len(sl) != len(gl) {
		log.Fatalf("spun has %d lines, gold %d", len(sl), len(gl))
	}
	var docs []document
	var s, g []byte
	words := 0
	for i := range sl {
		s, g = append(s, sl[i]...), append(g, gl[i]...)
		words += len(bytes.Fields(sl[i]))
		if words >= n || i == len(sl)-1 {
			docs = append(docs, document{s, g})
			s, g, words = nil, nil, 0
		}
	}
	return docs
}

func score(prefix, name string, r *repair.Repairer, docWords int) {
	spun, gold := read(prefix)
	var total eval.Report
	for _, d := range documents(spun, gold, docWords) {
		rep, err := eval.Score(d.spun, repair.Apply(d.spun, r.Repair(d.spun)), d.gold, eval.Options{})
		check(err)
		total.Add(rep)
	}
	fmt.Printf("%-40s %-14s P %.3f R %.3f F0.5 %.3f (%d need repair, %d changed)\n",
		prefix, name, total.Precision, total.Recall, total.F05, total.NeedRepair, total.Changed)
}

func read(prefix string) (spun, gold []byte) {
	spun, err := os.ReadFile(prefix + ".spun.txt")
	check(err)
	gold, err = os.ReadFile(prefix + ".gold.txt")
	check(err)
	return spun, gold
}

func split(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func baseNames(ps []string) []string {
	out := make([]string, len(ps))
	base := func(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }
	for i, p := range ps {
		prefix, table, ok := strings.Cut(p, "@")
		out[i] = base(prefix)
		if ok {
			out[i] += "@" + base(table)
		}
	}
	return out
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	check(err)
	return n
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
