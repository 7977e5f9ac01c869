package lm

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// refAfter is log10 P(w | history) by the reference model, history oldest
// first and starting with <s>; an unknown word restarts the context.
func (m *refModel) after(history []string, w string) float64 {
	ctx := []string{}
	for _, h := range history {
		if _, known := m.prob[h]; !known {
			ctx = ctx[:0]
			continue
		}
		ctx = append(ctx, h)
	}
	if len(ctx) > m.order-1 {
		ctx = ctx[len(ctx)-(m.order-1):]
	}
	return m.cond(ctx, w)
}

// checkMerges walks histories, and whenever two reach the same State checks
// that the reference model, given the two full histories, predicts every
// word alike: equal states must be interchangeable.
func checkMerges(t *testing.T, m Model, ref *refModel, histories [][]string, words []string) int {
	t.Helper()
	first := map[State][]string{}
	merges := 0
	for _, h := range histories {
		s := m.BeginSentence()
		for _, w := range h[1:] {
			_, s = m.Score(s, m.ID(w))
		}
		prev, ok := first[s]
		if !ok {
			first[s] = h
			continue
		}
		merges++
		for _, w := range words {
			a, b := ref.after(prev, w), ref.after(h, w)
			if math.Abs(a-b) > 1e-6 {
				t.Fatalf("%q and %q share state %+v, yet the ARPA model gives %q %.4f and %.4f",
					prev, h, s, w, a, b)
			}
		}
	}
	return merges
}

func TestEqualStatesPredictAlike(t *testing.T) {
	m, _ := importFile(t, "small.arpa", ImportOptions{})
	ref := readRef(t, filepath.Join("testdata", "small.arpa"), nil)
	words := []string{"the", "cat", "sat", "mat", "</s>", "dog"}
	var hs [][]string
	var walk func(h []string)
	walk = func(h []string) {
		hs = append(hs, h)
		if len(h) < 5 {
			for _, w := range words[:len(words)-1] {
				walk(append(h[:len(h):len(h)], w))
			}
		}
	}
	walk([]string{bosWord})
	merges := checkMerges(t, m, ref, hs, words)
	// Most of the 781 histories end in a context the model cannot extend.
	if merges < len(hs)/2 {
		t.Errorf("only %d of %d histories merged: states keep context that cannot matter", merges, len(hs))
	}
}

// On the shipped model, random histories of common words that reach equal
// states are interchangeable under the ARPA source.
func TestShippedEqualStatesPredictAlike(t *testing.T) {
	arpa := testdata.Shared(t, "data/lm/cmusphinx-en-us.arpa.gz")
	common := []string{"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on",
		"he", "with", "as", "his", "at", "by", "said", "new", "year", "</s>"}
	vocab := map[string]bool{bosWord: true}
	for _, w := range common {
		vocab[w] = true
	}
	ref := readRef(t, arpa, func(w string) bool { return vocab[w] })
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var hs [][]string
	for range 3000 {
		h := []string{bosWord}
		for range 1 + r.IntN(4) {
			h = append(h, common[r.IntN(len(common)-1)])
		}
		hs = append(hs, h)
	}
	if merges := checkMerges(t, m, ref, hs, common); merges == 0 {
		t.Error("no two histories reached the same state")
	}
}
