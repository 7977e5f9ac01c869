package learn

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
)

// Options tune the learner.
type Options struct {
	// Rounds of expectation-maximisation.
	Rounds int
	// PriorWeight is how many occurrences the generic prior q0 counts for
	// in the smoothed estimate (c + PriorWeight·q0) / (c(o→·) + PriorWeight).
	// Strong smoothing keeps one short document from rewriting the lexicon.
	PriorWeight float64
	// MinEvidence is the expected count a pair needs to enter the table.
	MinEvidence float64
	// MinDocs is the number of documents (chunks) that must each show the
	// pair with an expected count of half an occurrence or more. One
	// article's repeats of a word are one decision of its topic, not
	// independent evidence of the spinner: on the real sample, one article
	// alone taught "quarrel"->"war" where its originals were fight, battle
	// and combat.
	MinDocs int
	// ProposePrior is q0 for a pair the lexicon lacks and Propose found.
	ProposePrior float64
	// Repair are the decoder's options.
	Repair repair.Options
	// Progress, when set, receives a line per round.
	Progress io.Writer
}

// DefaultOptions are the measured defaults (docs/learning.md).
func DefaultOptions() Options {
	return Options{Rounds: 3, PriorWeight: 10, MinEvidence: 3, MinDocs: 2, ProposePrior: 0.02, Repair: repair.DefaultOptions()}
}

// pairKey is an (original, spun) pair.
type pairKey struct{ spun, orig string }

// counts are expected pair counts from one E-step, and the generic prior
// q0 of each pair seen.
type counts struct {
	c     map[pairKey]float64
	docs  map[pairKey]int // documents with an expected count of 0.5 or more
	prior map[pairKey]float64
}

func newCounts() *counts {
	return &counts{c: map[pairKey]float64{}, docs: map[pairKey]int{}, prior: map[pairKey]float64{}}
}

// Learn induces the table of the spinner that wrote docs. lex is the
// generic lexicon; proposed are extra pairs it lacks (from Propose), which
// start at ProposePrior.
func Learn(model lm.Model, lex repair.Candidates, docs [][]byte, proposed []Pair, o Options) *Table {
	table := NewTable(nil)
	prior := map[pairKey]float64{} // q0, from the first round's generic channel
	seed := NewTable(nil)
	for _, p := range proposed {
		seed.Add(Pair{Spun: p.Spun, Orig: p.Orig, Prob: o.ProposePrior})
	}
	for round := 1; round <= o.Rounds; round++ {
		start := time.Now()
		cur := NewTable(seed.Pairs())
		cur.Merge(table)
		rep := repair.New(model, Layer(lex, cur), o.Repair)
		cs := expect(rep, docs)
		for k, v := range cs.prior {
			if _, ok := prior[k]; !ok {
				prior[k] = v
			}
		}
		cs.prior = prior
		table = maximise(cs, seed, o)
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "learn: round %d/%d: %d pairs seen, %d learned (%.1fs)\n",
				round, o.Rounds, len(cs.c), table.Len(), time.Since(start).Seconds())
		}
	}
	return table
}

// expect is the E-step: decode every document and add up the posteriors of
// each (spun, original) pair. Documents are decoded in parallel.
func expect(rep *repair.Repairer, docs [][]byte) *counts {
	total := newCounts()
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan []byte)
	base := rep.Options().Base.Replace
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := newCounts()
			for doc := range next {
				one := newCounts()
				rep.Analyze(doc, func(w repair.Word) { one.add(w, base) })
				local.merge(one)
			}
			mu.Lock()
			total.merge(local)
			mu.Unlock()
		}()
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
	return total
}

// add counts one decoded word's alternatives.
func (cs *counts) add(w repair.Word, base float64) {
	spun := w.Options[0].Word
	for _, opt := range w.Options[1:] {
		k := pairKey{spun, opt.Word}
		cs.c[k] += opt.Posterior
		if _, ok := cs.prior[k]; !ok {
			cs.prior[k] = min(math.Pow(10, opt.Channel)/base, 1)
		}
	}
}

func (cs *counts) merge(o *counts) {
	for k, v := range o.c {
		cs.c[k] += v
		cs.docs[k] += o.docs[k]
		if len(o.docs) == 0 && v >= 0.5 { // o is one document
			cs.docs[k]++
		}
	}
	for k, v := range o.prior {
		if _, ok := cs.prior[k]; !ok {
			cs.prior[k] = v
		}
	}
}

// maximise is the M-step: q(s|o) = (c(o→s) + w·q0) / (c(o→·) + w) for the
// pairs with enough evidence, kept when it raises the prior (the table only
// ever adds to the lexicon). q0 is the generic lexicon's, or the proposal
// prior for pairs it lacks.
func maximise(cs *counts, seed *Table, o Options) *Table {
	byOrig := map[string]float64{}
	for k, v := range cs.c {
		byOrig[k.orig] += v
	}
	t := NewTable(nil)
	for k, v := range cs.c {
		if v < o.MinEvidence || cs.docs[k] < o.MinDocs {
			continue
		}
		q0 := cs.prior[k]
		if seedHas(seed, k) {
			q0 = min(q0, o.ProposePrior)
		}
		q := (v + o.PriorWeight*q0) / (byOrig[k.orig] + o.PriorWeight)
		if q > q0 {
			t.Add(Pair{Spun: k.spun, Orig: k.orig, Prob: q, Evidence: v})
		}
	}
	return t
}

func seedHas(seed *Table, k pairKey) bool {
	for _, p := range seed.Originals(k.spun) {
		if p.Orig == k.orig {
			return true
		}
	}
	return false
}
