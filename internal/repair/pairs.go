package repair

import (
	"math"

	"github.com/unspin/unspin/internal/lm"
)

// Pairs the document keeps using.
//
// A spinner replaces a word with the same synonym every time ("first" became
// "initial" at every occurrence in the real sample): its q(s | o) is nearly
// one for its chosen synonym and zero for the others. The thesaurus can only
// offer the uniform guess 1/|syn(o)|, which is far too small for the pair the
// spinner actually uses. So alongside the rates, the EM rounds re-estimate
// q for the pairs the document itself supports:
//
//	q(s | o) = (c(o→s) + β·q₀(s | o)) / (c(o→·) + β)
//
// where c are the expected counts of the decoded replacements and q₀ the
// lexicon's guess. One weak hint stays weak; a pair supported at several
// places becomes the spinner's rule, which is what a reader does too.

type pairKey struct{ spun, orig lm.WordID }

// pairCounts are the expected replacement counts of one EM round.
type pairCounts struct {
	pair map[pairKey]float64
	orig map[lm.WordID]float64
}

func newPairCounts() pairCounts {
	return pairCounts{pair: make(map[pairKey]float64), orig: make(map[lm.WordID]float64)}
}

func (pc *pairCounts) reset() {
	clear(pc.pair)
	clear(pc.orig)
}

// add counts one sentence's replacement posteriors.
func (pc *pairCounts) add(slots []slot, post [][]float64) {
	if post == nil {
		return
	}
	for i, s := range slots {
		for j := 1; j < len(s.opts); j++ {
			p := post[i][j]
			if p < 1e-4 {
				continue
			}
			o := s.opts[j].id
			pc.pair[pairKey{s.opts[0].id, o}] += p
			pc.orig[o] += p
		}
	}
}

// update re-estimates ln q for every alternative from the counts, smoothed
// towards the lexicon's q₀ with weight beta.
func (pc *pairCounts) update(slots []slot, beta float64) {
	for i := range slots {
		s := slots[i]
		for j := 1; j < len(s.opts); j++ {
			o := &s.opts[j]
			k := pairKey{s.opts[0].id, o.id}
			q := (pc.pair[k] + beta*math.Exp(o.lnq0)) / (pc.orig[o.id] + beta)
			o.lnq = math.Log(q)
		}
	}
}
