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
// words around it as context (the two before and, by default, the one
// after), as if it were the only change in the sentence, and keep only
// those that come within a margin of the best. The channel is scored with
// the highest spin rate the repairer would ever estimate, so that a
// candidate that could win in a heavily spun document survives. Speech
// recognisers call this the fast match; it makes decoding nearly linear in
// the number of words.

// firstTerm is an alternative's first term in the fast match: its
// log10 P after the words before, the state after it, its weighted
// channel, and whether it comes within the bar.
type firstTerm struct {
	first float32
	st    lm.State
	ch    float64
	pass  bool
}

// touchRight touches the first probes of the right terms of the
// alternatives that passed.
func touchRight(t lm.Toucher, firsts []firstTerm, slots []slot, i, right int) uint64 {
	if right < 1 {
		return 0
	}
	next := lm.EOS
	if i+1 < len(slots) {
		o := &slots[i+1].opts[0]
		if o.parts != nil {
			return 0
		}
		next = o.id
	}
	var x uint64
	for k := range firsts {
		if firsts[k].pass {
			x += t.Touch(firsts[k].st, next)
		}
	}
	return x
}

// optimisticRate is the spin rate the fast match assumes: the highest a
// document can plausibly show (the real sample replaced about 95% of the
// function words its spinner knew).
const optimisticRate = 0.95

// fastMatch are the fast match's settings: the margin, the channel's
// weight, and how many spun words after a position it scores.
type fastMatch struct {
	margin, weight float64
	right          int
	context        int // most context candidates a slot may gain, at most maxContext
}

// prefilter drops the options of each slot whose local score falls more than
// margin (natural log) below the spun word's, and leaves the local scores of
// those it keeps in their evidence, for setEvidence. The right-context terms
// of a score are log probabilities, never positive, so an option whose first
// term alone already falls short is dropped without asking for the rest:
// most are, and the fast match costs little more than one query a
// candidate.
//
// It returns what its touches of the model read (see lm.Toucher), for the
// caller to keep where it likes, so that those loads are not dropped as
// dead.
func prefilter(m lm.Model, slots []slot, fm fastMatch) (touched uint64) {
	margin, weight := fm.margin, fm.weight
	lnKeep, lnR := math.Log1p(-optimisticRate), math.Log(optimisticRate)
	for i := range slots {
		opts := slots[i].opts
		if len(opts) < 2 && len(slots[i].ctx) == 0 {
			continue
		}
		left := leftState(m, slots, i)
		keep := &opts[0]
		keepFirst, keepState := scoreOption(m, left, keep)
		keepRight, _ := rightScore(m, keepState, slots, i, fm.right, math.Inf(-1))
		keep.evidence = float64(keepFirst)*ln10 + keepRight // ln, until setEvidence
		bar := keep.evidence - margin
		if keep.replaceable {
			bar += weight * lnKeep
		}
		// The alternatives are scored in two rounds, each over all of them:
		// their first terms, then the right terms of those that pass. A
		// query is a probe into a block that is mostly not in cache, and the
		// probes of one round are touched before they are asked
		// (prefetch), so that their misses overlap rather than follow one
		// another; the branch on each score would otherwise keep the
		// processor from running ahead to the next one.
		t, touch := m.(lm.Toucher)
		var buf [32]firstTerm
		firsts := buf[:0]
		if len(opts) > len(buf) {
			firsts = make([]firstTerm, 0, len(opts))
		}
		if touch {
			var x uint64
			for j := 1; j < len(opts); j++ {
				x += t.Touch(left, opts[j].id)
			}
			touched += x
		}
		for j := 1; j < len(opts); j++ {
			o := &opts[j]
			if o.phrase {
				firsts = append(firsts, firstTerm{})
				continue
			}
			ch := weight * (lnR + o.lnq)
			first, st := m.Score(left, o.id) // an alternative is one known word
			firsts = append(firsts, firstTerm{first: first, st: st, ch: ch, pass: float64(first)*ln10+ch >= bar})
		}
		if touch {
			touched += touchRight(t, firsts, slots, i, fm.right)
		}
		kept := opts[:1] // the spun word always stays
		for j, f := range firsts {
			o := opts[j+1] // not yet overwritten: kept is shorter
			if o.phrase {
				// Its neighbours are spun words of the same phrase: judged
				// by them it would look absurd, so the decoder weighs it.
				o.evidence = localScore(m, left, slots, i, fm.right, &o)
				kept = append(kept, o)
				continue
			}
			if !f.pass {
				continue
			}
			right, ok := rightScore(m, f.st, slots, i, fm.right, bar-f.ch-float64(f.first)*ln10)
			if ok {
				o.evidence = float64(f.first)*ln10 + right
				kept = append(kept, o)
			}
		}
		if len(slots[i].ctx) > 0 && fm.context > 0 {
			kept = addContext(m, left, slots, i, fm, kept, float64(keepFirst)*ln10, keep.evidence)
		}
		slots[i].opts = kept
	}
	return touched
}

// addContext appends to kept the context candidates of slot i that read
// better than the spun word, at most fm.context of them, with their local
// scores as evidence. No thesaurus line pairs a context candidate with the
// spun word, so coming within the margin is not enough: it must beat the
// word itself by the model, after the word before (keepFirst, ln) and with
// the words after (keepLocal). Among those, the best by local score plus
// weighted channel are kept, the order of the local posteriors the rates
// are estimated from: ranked by the model alone, common words that fit
// anywhere crowded out the right ones on both synthetic sets.
//
// The first pass scores every candidate after the words before: all probe
// the same bigram block of the model, which stays in cache, so it is
// cheap. Only a shortlist of twice fm.context is then scored with the
// words after, each a cold probe into the candidate's own block; a longer
// one kept no more originals (the notes in TestLatticeRecall).
func addContext(m lm.Model, left lm.State, slots []slot, i int, fm fastMatch, kept []option, keepFirst, keepLocal float64) []option {
	var buf [2 * maxContext]contextPick
	n := 2 * fm.context
	list := buf[:0]
	for _, c := range slots[i].ctx {
		first, st := m.Score(left, c.id)
		lnFirst := float64(first) * ln10
		if lnFirst < keepFirst || lnFirst < keepLocal { // right terms only lower it
			continue
		}
		o := c.option()
		list = insertPick(list, n, contextPick{o, st, lnFirst, lnFirst + fm.weight*o.lnq})
	}
	var top [maxContext]contextPick
	best := top[:0]
	for _, c := range list {
		floor := keepLocal
		if len(best) == fm.context { // full: a newcomer must beat the worst kept
			floor = max(floor, best[len(best)-1].key-(c.key-c.lnFirst))
		}
		right, ok := rightScore(m, c.st, slots, i, fm.right, floor-c.lnFirst)
		if !ok {
			continue
		}
		c.o.evidence = c.lnFirst + right
		c.key += right
		best = insertPick(best, fm.context, c)
	}
	for _, c := range best {
		kept = append(kept, c.o)
	}
	return kept
}

// maxContext bounds Options.Context: the fast match's scratch for context
// candidates lives on the stack.
const maxContext = 8

// contextPick is a context candidate the fast match is weighing.
type contextPick struct {
	o       option
	st      lm.State // after it
	lnFirst float64  // ln P of it after the words before
	key     float64  // its local score so far + weighted channel
}

// insertPick inserts x into list, best key first, keeping at most n.
func insertPick(list []contextPick, n int, x contextPick) []contextPick {
	k := len(list)
	switch {
	case k < n:
		list = append(list, x)
	case k == 0 || x.key <= list[k-1].key:
		return list
	default:
		k--
		list[k] = x
	}
	for ; k > 0 && list[k].key > list[k-1].key; k-- {
		list[k], list[k-1] = list[k-1], list[k]
	}
	return list
}

// leftState is the model state after the two spun words before position i.
func leftState(m lm.Model, slots []slot, i int) lm.State {
	if i < 2 {
		st := m.BeginSentence()
		for k := 0; k < i; k++ {
			_, st = scoreOption(m, st, &slots[k].opts[0])
		}
		return st
	}
	st := m.NullState()
	_, st = scoreOption(m, st, &slots[i-2].opts[0])
	_, st = scoreOption(m, st, &slots[i-1].opts[0])
	return st
}

// localScore is ln P of option o and the right spun words after it, given
// left.
func localScore(m lm.Model, left lm.State, slots []slot, i, right int, o *option) float64 {
	lp, st := scoreOption(m, left, o)
	rs, _ := rightScore(m, st, slots, i, right, math.Inf(-1))
	return float64(lp)*ln10 + rs
}

// rightScore is ln P of the right spun words after position i (and of the
// sentence end, when it comes within them) from state st. It gives up,
// returning false, as soon as the sum falls below floor: no later term can
// raise it.
func rightScore(m lm.Model, st lm.State, slots []slot, i, right int, floor float64) (float64, bool) {
	var total float64
	for k := i + 1; k < len(slots) && k <= i+right; k++ {
		var lp float32
		if o := &slots[k].opts[0]; o.parts == nil { // as in extend
			lp, st = m.Score(st, o.id)
		} else {
			lp, st = scoreParts(m, st, *o.parts)
		}
		if total += float64(lp) * ln10; total < floor {
			return total, false
		}
	}
	if i+right >= len(slots) {
		lp, _ := m.Score(st, lm.EOS)
		total += float64(lp) * ln10
	}
	return total, total >= floor
}

// setEvidence turns the local scores the fast match left in the options'
// evidence (0 where it did not run) into the rate-free part of the local
// posteriors: e^(local + weight·ln q), divided by the slot's largest. The
// rate estimation then costs a multiplication an option per round rather
// than an exponential.
func setEvidence(slots []slot, weight float64) {
	for _, s := range slots {
		top := math.Inf(-1)
		for j := range s.opts {
			o := &s.opts[j]
			o.evidence += weight * o.lnq // ln q is 0 for the kept word
			top = max(top, o.evidence)
		}
		for j := range s.opts {
			s.opts[j].evidence = math.Exp(s.opts[j].evidence - top)
		}
	}
}
