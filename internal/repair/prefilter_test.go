package repair

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
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

// TestAddContext checks the fast match's choice of context candidates
// against a plain sort over random models: those that beat the spun word
// after the word before and with the word after, shortlisted by the first
// term plus the weighted channel, the best fm.context of them by local
// score plus weighted channel.
func TestAddContext(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"<unk>", "<s>", "</s>"}
	for i := range 20 {
		words = append(words, string(rune('a'+i)))
	}
	for trial := range 200 {
		m := newBigramModel(rng, words)
		word := func() lm.WordID { return lm.WordID(3 + rng.IntN(len(words)-3)) }
		slots := []slot{{opts: []option{{id: word()}}}, {opts: []option{{id: word()}}}, {opts: []option{{id: word()}}}}
		for range rng.IntN(12) {
			// Never the spun word itself (the lexicon leaves it out),
			// whose tie with itself rounding would decide.
			if id := word(); id != slots[1].opts[0].id {
				slots[1].ctx = append(slots[1].ctx, contextOption{id: id, lnq: float32(-3 * rng.Float64())})
			}
		}
		fm := fastMatch{weight: 1.25, right: 1, context: 1 + rng.IntN(3)}
		left := m.state(slots[0].opts[0].id)
		next := slots[2].opts[0].id
		local := func(id lm.WordID) (float64, float64) {
			first := float64(m.logp[left.Words[0]][id]) * ln10
			return first, first + float64(m.logp[id][next])*ln10
		}
		keepFirst, keepLocal := local(slots[1].opts[0].id)
		got := addContext(m, left, slots, 1, fm, slots[1].opts[:1:1], keepFirst, keepLocal)[1:]

		var short []option
		for _, c := range slots[1].ctx {
			if first, _ := local(c.id); first >= keepFirst && first >= keepLocal {
				short = append(short, c.option())
			}
		}
		key1 := func(o option) float64 { f, _ := local(o.id); return f + fm.weight*o.lnq }
		key := func(o option) float64 { _, l := local(o.id); return l + fm.weight*o.lnq }
		slices.SortStableFunc(short, func(a, b option) int { return cmp.Compare(key1(b), key1(a)) })
		short = short[:min(len(short), 2*fm.context)]
		var want []option
		for _, o := range short {
			if _, l := local(o.id); l >= keepLocal {
				want = append(want, o)
			}
		}
		slices.SortStableFunc(want, func(a, b option) int { return cmp.Compare(key(b), key(a)) })
		want = want[:min(len(want), fm.context)]
		if len(got) != len(want) {
			t.Fatalf("trial %d: kept %d context candidates, want %d", trial, len(got), len(want))
		}
		for j := range got {
			if got[j].id != want[j].id && key(got[j]) != key(want[j]) {
				t.Fatalf("trial %d: context candidate %d is %v, want %v", trial, j, got[j].id, want[j].id)
			}
			if _, l := local(got[j].id); math.Abs(got[j].evidence-l) > 1e-9 {
				t.Errorf("trial %d: evidence %v, want the local score %v", trial, got[j].evidence, l)
			}
		}
	}
}
