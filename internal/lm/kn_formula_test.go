package lm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// knFormula evaluates the interpolated modified Kneser-Ney formula directly
// from a model's adjusted counts and discounts, recursing down the orders,
// with none of the stored probabilities or back-off weights: an independent
// check that what the model stores (and writes to ARPA) is the interpolated
// distribution, for seen and unseen contexts alike.
type knFormula struct {
	m      *KNModel
	counts []map[knKey]uint32 // [k]: adjusted count of each k-gram
	mass   []map[knKey]knMass // [k]: per context of a k-gram
}

func newKNFormula(m *KNModel) *knFormula {
	f := &knFormula{m: m, counts: make([]map[knKey]uint32, m.order+1), mass: make([]map[knKey]knMass, m.order+1)}
	for k := 1; k <= m.order; k++ {
		f.counts[k], f.mass[k] = map[knKey]uint32{}, map[knKey]knMass{}
		for i, key := range m.levels[k].keys {
			c := m.levels[k].counts[i]
			f.counts[k][key] = c
			ms := f.mass[k][key.context()]
			ms.add(c)
			f.mass[k][key.context()] = ms
		}
	}
	return f
}

// prob is P(w | ctx), ctx oldest first and at most order-1 words.
func (f *knFormula) prob(ctx []WordID, w WordID) float64 {
	k := len(ctx) + 1
	d := f.m.discounts[k]
	if k == 1 {
		if w == BOS {
			return 0
		}
		ms := f.mass[1][knKey{}]
		return knDiscounted(f.counts[1][knKey{lo: uint64(w)}], d)/ms.sum + ms.gamma(d)/float64(f.m.VocabSize()-1)
	}
	lower := f.prob(ctx[1:], w)
	ms, seen := f.mass[k][knPack(ctx)]
	if !seen {
		return lower
	}
	return knDiscounted(f.counts[k][knPack(ctx).push(w)], d)/ms.sum + ms.gamma(d)*lower
}

func TestTrainStoresTheInterpolatedDistribution(t *testing.T) {
	for _, order := range []int{2, 3, 4} {
		m := knTrain(t, knSynthetic(2000, uint64(10+order)), order)
		f := newKNFormula(m)
		r := rand.New(rand.NewPCG(uint64(order), 9))
		for _, ctx := range knContexts(m, r, 6) {
			if len(ctx) > order-1 {
				continue
			}
			for id := range WordID(m.VocabSize()) {
				if id == BOS {
					continue
				}
				want := math.Log10(f.prob(ctx, id))
				if got := m.LogProb(ctx, id); math.Abs(got-want) > 1e-9 {
					t.Fatalf("order %d: log P(%d | %v) = %v stored, %v by the formula", order, id, ctx, got, want)
				}
			}
		}
	}
}
