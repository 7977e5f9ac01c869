package repair

import (
	"math"

	"github.com/unspin/unspin/internal/lm"
)

// The fast match.
//
// A word may have thirty candidate originals, and decoding them all in every
// expectation-maximisation round would cost the square of that in language
// model queries. Most are absurd in context ("bottom" for "base" is plausible
// after "military"; "dog" for "pointer" is not), and a cheap look at the
// words around each position shows it: score each candidate with the spun
// words on either side as context, as if it were the only change in the
// sentence, and keep only those that come within a margin of the best. The
// channel is scored with the highest spin rate the repairer would ever
// estimate, so that a candidate that could win in a heavily spun document
// survives. Speech recognisers call this the fast match; it makes decoding
// nearly linear in the number of words.

// optimisticRate is the spin rate the fast match assumes: the highest a
// document can plausibly show (the real sample replaced about 95% of the
// function words its spinner knew).
const optimisticRate = 0.95

// prefilter drops the options of each slot whose local score falls more than
// margin (natural log) below the spun word's. The right-context terms of a
// score are log probabilities, never positive, so an option whose first
// term alone already falls short is dropped without asking for the rest,
// and the right context's later queries are mostly shared between options
// (see tailMemo): the fast match costs about two queries a candidate.
func prefilter(m lm.Model, slots []slot, margin, weight float64) {
	lnKeep, lnR := math.Log1p(-optimisticRate), math.Log(optimisticRate)
	spun := spunPath(m, slots)
	for i := range slots {
		opts := slots[i].opts
		if len(opts) < 2 {
			continue
		}
		left := spun.states[i]
		var tail tailMemo
		keep := &opts[0]
		keep.first, keep.after = spun.lp[i], spun.states[i+1]
		if i+1 < len(slots) {
			keep.then, keep.thenState, keep.thenKnown = spun.lp[i+1], spun.states[i+2], true
		}
		keep.local = spun.local(i)
		bar := keep.local - margin
		if keep.replaceable {
			bar += weight * lnKeep
		}
		kept := opts[:1] // the spun word always stays
		for _, o := range opts[1:] {
			if o.phrase {
				// Its neighbours are spun words of the same phrase: judged
				// by them it would look absurd, so the decoder weighs it.
				o.local = localScore(m, left, slots, i, &o, &tail)
				kept = append(kept, o)
				continue
			}
			ch := weight * (lnR + o.lnq)
			first, st := m.Score(left, o.id)
			if float64(first)*ln10+ch < bar {
				continue
			}
			o.first, o.after = first, st
			right, ok := rightScore(m, &o, slots, i, bar-ch-float64(first)*ln10, &tail)
			if ok {
				o.local = float64(first)*ln10 + right
				kept = append(kept, o)
			}
		}
		slots[i].opts = kept
		slots[i].left, slots[i].leftKnown = left, true
	}
}

// spunScores is the sentence as written, scored once: states[k] is the
// state after the first k spun words (states[0] after <s>), lp[k] is
// log10 P of spun word k from states[k], and lp[n] that of the sentence end.
// Every slot's left context and its spun word's local score come from it.
type spunScores struct {
	states []lm.State
	lp     []float32
}

func spunPath(m lm.Model, slots []slot) spunScores {
	n := len(slots)
	s := spunScores{states: make([]lm.State, n+1), lp: make([]float32, n+1)}
	s.states[0] = m.BeginSentence()
	for k := range slots {
		s.lp[k], s.states[k+1] = m.Score(s.states[k], slots[k].opts[0].id)
	}
	s.lp[n], _ = m.Score(s.states[n], lm.EOS)
	return s
}

// local is what localScore gives the spun word at i: ln P of it and the two
// spun words after it, and of the sentence end when it comes within them.
func (s spunScores) local(i int) float64 {
	n := len(s.lp) - 1
	var sum float64
	for k := i; k < n && k <= i+2; k++ {
		sum += float64(s.lp[k])
	}
	if i+2 >= n {
		sum += float64(s.lp[n])
	}
	return sum * ln10
}

// localScore is ln P of o and the two spun words after it, given left. It
// keeps o's queries for the lattice.
func localScore(m lm.Model, left lm.State, slots []slot, i int, o *option, tail *tailMemo) float64 {
	o.first, o.after = m.Score(left, o.id)
	right, _ := rightScore(m, o, slots, i, math.Inf(-1), tail)
	return float64(o.first)*ln10 + right
}

// rightScore is ln P of the two spun words after position i (and of the
// sentence end, when it comes within them) from the state after option o.
// It gives up, returning false, as soon as the sum falls below floor: no
// later term can raise it. It keeps o's query of the next word for the
// lattice.
func rightScore(m lm.Model, o *option, slots []slot, i int, floor float64, tail *tailMemo) (float64, bool) {
	var total float64
	st := o.after
	for k := i + 1; k < len(slots) && k <= i+2; k++ {
		var lp float32
		if k == i+1 {
			lp, st = m.Score(st, slots[k].opts[0].id)
			o.then, o.thenState, o.thenKnown = lp, st, true
		} else {
			lp, st = tail.score(m, st, slots[k].opts[0].id)
		}
		if total += float64(lp) * ln10; total < floor {
			return total, false
		}
	}
	if i+2 >= len(slots) {
		lp, _ := tail.score(m, st, lm.EOS)
		total += float64(lp) * ln10
	}
	return total, total >= floor
}

// tailMemo remembers the queries of one slot's right context that come
// after its first spun word. Those queries differ between candidates only
// through the state, and the state forgets the candidate whenever the
// candidate and the next spun word form no bigram the model knows, which is
// so for most candidates: their states then compare equal, and the query is
// asked once for the slot instead of once for each of them.
type tailMemo struct {
	entries [4]tailEntry
	n       int // entries filled
	next    int // the entry to overwrite when full
}

type tailEntry struct {
	state lm.State
	word  lm.WordID
	p     float32
	next  lm.State
}

func (t *tailMemo) score(m lm.Model, st lm.State, w lm.WordID) (float32, lm.State) {
	for k := range t.n {
		if e := &t.entries[k]; e.word == w && e.state == st {
			return e.p, e.next
		}
	}
	p, next := m.Score(st, w)
	t.entries[t.next] = tailEntry{state: st, word: w, p: p, next: next}
	t.n = max(t.n, t.next+1)
	t.next = (t.next + 1) % len(t.entries)
	return p, next
}
