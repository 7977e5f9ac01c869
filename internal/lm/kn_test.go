package lm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestKNKeyPacking(t *testing.T) {
	ids := []WordID{knMaxVocab - 1, 7, 0, 123456, 3}
	for n := 1; n <= MaxOrder; n++ {
		key := knPack(ids[:n])
		got := key.words(n, nil)
		if fmt.Sprint(got) != fmt.Sprint(ids[:n]) {
			t.Errorf("order %d: words = %v, want %v", n, got, ids[:n])
		}
		if key.last() != ids[n-1] {
			t.Errorf("order %d: last = %d, want %d", n, key.last(), ids[n-1])
		}
		if n > 1 {
			if c := key.context(); c != knPack(ids[:n-1]) {
				t.Errorf("order %d: context = %v, want %v", n, c, knPack(ids[:n-1]))
			}
			if s := key.keep(n - 1); s != knPack(ids[1:n]) {
				t.Errorf("order %d: suffix = %v, want %v", n, s, knPack(ids[1:n]))
			}
		}
	}
	// Sliding a window longer than MaxOrder must forget the oldest words.
	long := knPack([]WordID{9, 9, 9, 9, 9, 9, 1, 2, 3, 4, 5}).keep(MaxOrder)
	if long != knPack([]WordID{1, 2, 3, 4, 5}) {
		t.Errorf("sliding window kept old words: %v", long.words(MaxOrder, nil))
	}
	if knCompare(knPack([]WordID{1, 5}), knPack([]WordID{2, 0})) >= 0 {
		t.Error("keys do not sort by their oldest word first")
	}
}

func TestKNDiscounts(t *testing.T) {
	// n1..n4 = 10, 5, 3, 2: Y = 10/20 = 0.5, D1 = 1 - 2·0.5·5/10 = 0.5,
	// D2 = 2 - 3·0.5·3/5 = 1.1, D3+ = 3 - 4·0.5·2/3 = 5/3.
	d, ok := KNDiscounts(10, 5, 3, 2)
	want := [3]float64{0.5, 1.1, 5.0 / 3}
	if !ok {
		t.Fatal("valid count-of-counts rejected")
	}
	for i := range d {
		if math.Abs(d[i]-want[i]) > 1e-12 {
			t.Errorf("D%d = %v, want %v", i+1, d[i], want[i])
		}
	}
	for _, n := range [][4]uint64{{0, 5, 3, 2}, {10, 5, 0, 2}, {10, 1, 10, 1}} {
		if d, ok := KNDiscounts(n[0], n[1], n[2], n[3]); ok || d != knFallbackDiscounts {
			t.Errorf("KNDiscounts%v = %v, %v; want fallback", n, d, ok)
		}
	}
}

// knSynthetic is a deterministic corpus with Zipfian words and a first-order
// Markov structure, so that n-grams of every order repeat enough for the
// discounts to be estimated.
func knSynthetic(sentences int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1))
	const vocab = 400
	zipf := rand.NewZipf(r, 1.1, 2, vocab-1)
	next := make([][]int, vocab)
	for i := range next {
		for range 3 {
			next[i] = append(next[i], int(zipf.Uint64()))
		}
	}
	var b strings.Builder
	for range sentences {
		w := int(zipf.Uint64())
		for j := range 1 + r.IntN(12) {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "w%d", w)
			if r.IntN(4) == 0 {
				w = int(zipf.Uint64())
			} else {
				w = next[w][r.IntN(3)]
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func knTrain(t testing.TB, corpus string, order int) *KNModel {
	t.Helper()
	m, err := Train(strings.NewReader(corpus), TrainOptions{Order: order})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainDiscountsInRange(t *testing.T) {
	m := knTrain(t, knSynthetic(3000, 1), 4)
	for k := 1; k <= m.Order(); k++ {
		d, ok := m.Discounts(k)
		if !ok {
			t.Errorf("order %d: discounts not estimated", k)
		}
		for i, v := range d {
			if !(v > 0 && v < float64(i+1)) {
				t.Errorf("order %d: D%d = %v outside (0, %d)", k, i+1, v, i+1)
			}
		}
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	for _, order := range []int{-1, 6} {
		if _, err := NewTrainer(TrainOptions{Order: order}); err == nil {
			t.Errorf("order %d accepted", order)
		}
	}
	if _, err := Train(strings.NewReader("\n  ,.;\n"), TrainOptions{}); err != errTrainEmpty {
		t.Errorf("corpus without words: err = %v, want %v", err, errTrainEmpty)
	}
}

func TestKNRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, order := range []int{1, 2, 3, 5} {
		pairs := make([]knPair, 5000)
		for i := range pairs {
			ids := make([]WordID, order)
			for j := range ids {
				ids[j] = WordID(r.IntN(300)) // small ids: the top bytes are all zero
			}
			if i%7 == 0 {
				ids[0] = knMaxVocab - 1 - WordID(r.IntN(3))
			}
			pairs[i] = knPair{knPack(ids), uint32(i)}
		}
		knRadixSort(pairs, order)
		for i := 1; i < len(pairs); i++ {
			if knCompare(pairs[i-1].key, pairs[i].key) > 0 {
				t.Fatalf("order %d: pairs %d and %d out of order", order, i-1, i)
			}
		}
	}
}

func TestTrainEstimateTwice(t *testing.T) {
	tr, err := NewTrainer(TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tr.AddSentence([]string{"a", "b"})
	if _, err := tr.Estimate(); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Estimate(); err == nil {
		t.Error("a second Estimate succeeded")
	}
}

func TestTrainRejectsBadWords(t *testing.T) {
	for _, bad := range [][]string{{"a", ""}, {"a b"}, {"x", "<s>"}, {"</s>"}, {"<unk>"}, {"tab\there"}} {
		tr, err := NewTrainer(TrainOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.AddSentence(bad); err == nil {
			t.Errorf("AddSentence(%q) accepted", bad)
		}
	}
}
