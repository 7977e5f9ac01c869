package learn

import (
	"math"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// vote scores every shortlisted word in the slots of suspect s and returns
// the originals that enough occurrences agree on, closed-class ones only
// for a closed-class s.
func (c *corpus) vote(model lm.Model, lex *lexicon.Lexicon, s lm.WordID, short []lm.WordID, o ProposeOptions) []Pair {
	votes := map[lm.WordID]int{}
	seen := 0
	for si, sent := range c.sents {
		for i, id := range sent {
			if id != s || !c.spinnable[si][i] || seen >= o.Occurrences {
				continue
			}
			seen++
			for _, w := range topInSlot(model, sent, i, short, o.TopN) {
				votes[w]++
			}
		}
	}
	need := max(3, int(math.Ceil(o.MinShare*float64(seen))))
	spun := model.Word(s)
	var out []Pair
	for w, n := range votes {
		orig := model.Word(w)
		if n >= need && (!lex.Closed(orig) || lex.Closed(spun)) {
			out = append(out, Pair{Spun: spun, Orig: orig, Evidence: float64(n)})
		}
	}
	return out
}

// topInSlot returns the n words of short the model likes best at position
// i of sent, given two words on each side. A word whose first term alone
// falls below the current n-th best is skipped without the right context:
// those terms are log probabilities and can only lower it.
func topInSlot(model lm.Model, sent []lm.WordID, i int, short []lm.WordID, n int) []lm.WordID {
	left := leftState(model, sent, i)
	best := make([]lm.WordID, 0, n+1)
	score := make([]float64, 0, n+1)
	for _, w := range short {
		first, st := model.Score(left, w)
		if len(best) == n && float64(first) <= score[n-1] {
			continue
		}
		total := float64(first) + rightScore(model, st, sent, i)
		if len(best) == n && total <= score[n-1] {
			continue
		}
		k := len(best)
		best, score = append(best, w), append(score, total)
		for ; k > 0 && score[k-1] < total; k-- {
			best[k], score[k] = best[k-1], score[k-1]
		}
		best[k], score[k] = w, total
		best, score = best[:min(len(best), n)], score[:min(len(score), n)]
	}
	return best
}
