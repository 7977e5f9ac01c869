package lm

import (
	"math"
	"strings"
	"testing"
)

// The corpus below is small enough to work out by hand. Sentences:
//
//	<s> a b </s>   <s> a b </s>   <s> c b </s>   <s> a </s>
//
// Bigram counts: <s> a 3, <s> c 1, a b 2, a </s> 1, c b 1, b </s> 3.
// Unigram continuation counts (distinct left neighbours): a 1 {<s>},
// b 2 {a c}, c 1 {<s>}, </s> 2 {a b}; <unk> and <s> 0.
// No n-gram is seen 4 times, so both orders use the fallback discounts
// 0.5, 1, 1.5.
//
// Unigrams: total 6, N1 = 2 (a, c), N2 = 2 (b, </s>),
// γ = (0.5·2 + 1·2)/6 = 0.5 over the 5 ids other than <s>, 0.1 each:
//
//	P(a) = P(c) = 0.5/6 + 0.1,  P(b) = P(</s>) = 1/6 + 0.1,  P(<unk>) = 0.1
//
// Context a: total 3, N1 = 1, N2 = 1, γ = (0.5 + 1)/3 = 0.5:
//
//	P(b | a) = 1/3 + 0.5·P(b),  P(</s> | a) = 0.5/3 + 0.5·P(</s>),  P(c | a) = 0.5·P(c)
//
// Context <s>: total 4, N1 = 1 (c), N3+ = 1 (a), γ = (0.5 + 1.5)/4 = 0.5:
//
//	P(a | <s>) = 1.5/4 + 0.5·P(a)
const knHandCorpus = "a b\nA, b!\nc b\n\na\n"

func TestTrainHandChecked(t *testing.T) {
	m := knTrain(t, knHandCorpus, 2)
	id := func(w string) WordID {
		t.Helper()
		i := m.ID(w)
		if i == Unknown && w != "<unk>" {
			t.Fatalf("%q not in the vocabulary", w)
		}
		return i
	}
	a, b, c := id("a"), id("b"), id("c")
	if got := m.levels[1].counts[b]; got != 2 {
		t.Errorf("continuation count of b = %d, want 2 (raw count is 3)", got)
	}
	uni := map[WordID]float64{a: 0.5/6 + 0.1, b: 1.0/6 + 0.1, c: 0.5/6 + 0.1, EOS: 1.0/6 + 0.1, Unknown: 0.1}
	cases := []struct {
		name string
		ctx  []WordID
		w    WordID
		want float64
	}{
		{"P(a)", nil, a, uni[a]},
		{"P(b)", nil, b, uni[b]},
		{"P(<unk>)", nil, Unknown, uni[Unknown]},
		{"P(b | a)", []WordID{a}, b, 1.0/3 + 0.5*uni[b]},
		{"P(</s> | a)", []WordID{a}, EOS, 0.5/3 + 0.5*uni[EOS]},
		{"P(c | a), backed off", []WordID{a}, c, 0.5 * uni[c]},
		{"P(a | <s>)", []WordID{BOS}, a, 1.5/4 + 0.5*uni[a]},
		{"P(b | unseen context)", []WordID{Unknown}, b, uni[b]},
	}
	for _, tc := range cases {
		if got := math.Pow(10, m.LogProb(tc.ctx, tc.w)); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s = %.9f, want %.9f", tc.name, got, tc.want)
		}
	}
	if p := m.LogProb(nil, BOS); !math.IsInf(p, -1) {
		t.Errorf("log P(<s>) = %v, want -Inf", p)
	}
}

// At order 3, a bigram that starts with <s> keeps its raw count, while other
// bigrams count their distinct left neighbours.
func TestTrainStartNGramsKeepRawCounts(t *testing.T) {
	m := knTrain(t, knHandCorpus, 3)
	count := func(words ...string) uint32 {
		ids := make([]WordID, len(words))
		for i, w := range words {
			ids[i] = m.ID(w)
		}
		if w := words[0]; w == "<s>" {
			ids[0] = BOS
		}
		i, ok := m.lookup(2, knPack(ids))
		if !ok {
			t.Fatalf("bigram %v missing", words)
		}
		return m.levels[2].counts[i]
	}
	if got := count("<s>", "a"); got != 3 {
		t.Errorf("count(<s> a) = %d, want the raw count 3", got)
	}
	if got := count("a", "b"); got != 1 {
		t.Errorf("count(a b) = %d, want 1 distinct left neighbour (<s>)", got)
	}
	if got := count("b", "</s>"); got != 2 {
		t.Errorf("count(b </s>) = %d, want 2 distinct left neighbours (a, c)", got)
	}
	var arpa strings.Builder
	if err := m.WriteARPA(&arpa); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\\data\\\nngram 1=6\nngram 2=6\nngram 3=5\n", "-99\t<s>\t", "\t<unk>\t0\n", "\n\\end\\\n"} {
		if !strings.Contains(arpa.String(), want) {
			t.Errorf("ARPA output lacks %q:\n%s", want, arpa.String())
		}
	}
}
