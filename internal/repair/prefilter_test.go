package repair

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/unspin/unspin/internal/lm"
)

// TestRightScore checks how many words after a position the fast match
// scores, and that the sentence end counts only when it comes within them.
func TestRightScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	words := []string{"<unk>", "<s>", "</s>", "a", "b", "c", "d"}
	m := newBigramModel(rng, words)
	slots := make([]slot, 4)
	for i := range slots {
		slots[i].opts = []option{{id: lm.WordID(3 + i)}}
	}
	score := func(prev, w lm.WordID) float64 { return float64(m.logp[prev][w]) * ln10 }
	st := m.state(4) // after the word at position 1
	for _, tc := range []struct {
		i, right int
		want     float64
	}{
		{1, 0, 0},
		{1, 1, score(4, 5)},
		{1, 2, score(4, 5) + score(5, 6)},
		{3, 0, 0},                // the end is not within no words
		{3, 1, score(4, lm.EOS)}, // but within one
		{2, 2, score(4, 6) + score(6, lm.EOS)},
	} {
		got, ok := rightScore(m, st, slots, tc.i, tc.right, math.Inf(-1))
		if !ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("rightScore(i=%d, right=%d) = %v, %v; want %v", tc.i, tc.right, got, ok, tc.want)
		}
	}
}
