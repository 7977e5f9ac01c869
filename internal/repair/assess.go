package repair

import (
	"cmp"
	"slices"

	"github.com/unspin/unspin/internal/text"
)

// Assessing a document without decoding it.
//
// Triage of a crawl asks one question of each document, is it spun, and
// must answer it at megabytes a second. The spin rates Analyze estimates
// already come from the fast match's local posteriors, which cost no
// decoding; Assess stops there, and reads the same local posteriors once
// more with the final rates to count the words whose likely original
// differs and to pick the strongest examples.
//
// Its fast match also judges each word from the two words before it only
// (assessRight). The words after cost most of the fast match's queries,
// and a document's evidence, summed over hundreds of words, hardly needs
// them. Measured on the detection sets of docs/learning.md against the
// repairer's one word after: the first set stays at precision and recall
// 1.00, false alarms among the clean Brown documents fall from 27 to 6 of
// 1,434, and the lighter held-out spinner loses 2 of its 116 documents.

// assessRight is the number of words after a position that Assess's fast
// match scores.
const assessRight = 0

// Assessment is a document's spin evidence from the fast match alone.
type Assessment struct {
	Analysis
	// Changed is the expected number of words whose original differs from
	// the word written, by the local posteriors under the estimated rates.
	Changed float64
	// Examples are the most confident such words, most confident first,
	// one per (spun, original) pair.
	Examples []Example
}

// Example is one word whose likely original differs.
type Example struct {
	Spun, Original string
	Posterior      float64
}

// Assess estimates src's spin rates and changed words from the fast match,
// keeping at most examples examples.
func (r *Repairer) Assess(src []byte, examples int) Assessment {
	if j := r.dehyphenate(src); j != nil {
		src = j.Text // words broken at a line end are read whole (hyphen.go)
	}
	arena := r.arenas.Get().(*optionArena)
	defer r.putArena(arena)
	toks, sents, rate, an := r.read(src, assessRight, arena)
	a := Assessment{Analysis: an}
	var local localPosteriors
	f := factorsOf(rate, r.opts.ChannelWeight)
	posteriors := func(slots []slot) [][]float64 { return local.of(slots, f) }
	a.Decoded = r.eachDecodable(sents, posteriors, func(p position, s slot, post []float64) {
		a.Changed += 1 - post[0]
		if ex, ok := r.example(src, toks, p, s, post); ok {
			a.Examples = append(a.Examples, ex)
		}
	})
	a.Examples = strongest(a.Examples, examples)
	return a
}

// Add folds in b, the assessment of the next piece of the same document,
// keeping the examples strongest examples. The rates become the averages of
// the pieces' weighted by their words.
func (a *Assessment) Add(b Assessment, examples int) {
	if words := a.Words + b.Words; words > 0 {
		a.ContentRate = (a.ContentRate*float64(a.Words) + b.ContentRate*float64(b.Words)) / float64(words)
		a.FunctionRate = (a.FunctionRate*float64(a.Words) + b.FunctionRate*float64(b.Words)) / float64(words)
	}
	a.Words += b.Words
	a.Decoded += b.Decoded
	a.Changed += b.Changed
	a.Examples = strongest(append(a.Examples, b.Examples...), examples)
}

// example is the word's best alternative when it beats keeping the word.
func (r *Repairer) example(src []byte, toks []text.Token, p position, s slot, post []float64) (Example, bool) {
	best := 0
	for j := range post {
		if post[j] > post[best] {
			best = j
		}
	}
	if best == 0 {
		return Example{}, false
	}
	return Example{Spun: p.cands[0].Word, Original: p.cands[s.opts[best].cand].Word, Posterior: post[best]}, true
}

// strongest keeps the n most confident examples, one per pair.
func strongest(ex []Example, n int) []Example {
	slices.SortStableFunc(ex, func(a, b Example) int { return cmp.Compare(b.Posterior, a.Posterior) })
	var out []Example
	seen := map[Example]bool{}
	for _, e := range ex {
		k := Example{Spun: e.Spun, Original: e.Original}
		if len(out) == n || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}
