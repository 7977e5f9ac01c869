package repair

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

func TestParseDecision(t *testing.T) {
	n := len(FeatureNames)
	d := Decision{Features: FeatureNames, Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n), Bias: 2}
	b, _ := json.Marshal(d)
	got, err := ParseDecision(b)
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Probability(make([]float64, n)); math.Abs(p-1/(1+math.Exp(-2))) > 1e-12 {
		t.Errorf("bias-only decision: probability %v", p)
	}
	d.Features = append([]string{"renamed"}, FeatureNames[1:]...)
	b, _ = json.Marshal(d)
	if _, err := ParseDecision(b); err == nil || !strings.Contains(err.Error(), "renamed") {
		t.Errorf("a decision of other features: err %v", err)
	}
	if _, err := ParseDecision([]byte(`{"features": []}`)); err == nil {
		t.Error("an empty decision parsed")
	}
}

func TestTreeValue(t *testing.T) {
	// x[1] <= 0.5 ? -1 : (x[0] <= 2 ? 3 : 4)
	tree := Tree{Nodes: []Node{
		{Feature: 1, Threshold: 0.5, Left: 1, Right: 2},
		{Feature: -1, Value: -1},
		{Feature: 0, Threshold: 2, Left: 3, Right: 4},
		{Feature: -1, Value: 3},
		{Feature: -1, Value: 4},
	}}
	for _, c := range []struct {
		x    []float64
		want float64
	}{{[]float64{9, 0.5}, -1}, {[]float64{2, 1}, 3}, {[]float64{2.5, 1}, 4}} {
		if v := tree.Value(c.x); v != c.want {
			t.Errorf("Value(%v) = %v, want %v", c.x, v, c.want)
		}
	}
}

// TestFeaturesDocument: the document-level features see the other
// occurrences of the same spun word, and only them.
func TestFeaturesDocument(t *testing.T) {
	word := func(post float64) Word {
		return Word{Options: []Option{
			{Word: "initial", Source: lexicon.Keep, Posterior: 1 - post},
			{Word: "first", Source: lexicon.Thesaurus, Posterior: post},
		}}
	}
	words := []Word{word(0.2), word(0.6), word(1.0)}
	st := statsOf(words, Analysis{})
	idx := map[string]int{}
	for i, n := range FeatureNames {
		idx[n] = i
	}
	x := st.features(words[0], Analysis{}, -7)[0]
	if got := x[idx["doc_agree"]]; math.Abs(got-0.8) > 1e-12 {
		t.Errorf("doc_agree %v, want 0.8 (the mean of the two others)", got)
	}
	if got := x[idx["doc_count"]]; math.Abs(got-math.Log(3)) > 1e-12 {
		t.Errorf("doc_count %v, want ln 3", got)
	}
	if x[idx["src_thesaurus"]] != 1 || x[idx["src_swap"]] != 0 {
		t.Error("source indicators wrong")
	}
	alone := statsOf(words[:1], Analysis{}).features(words[0], Analysis{}, -7)[0]
	if alone[idx["doc_agree"]] != 0 {
		t.Error("a word seen once has document agreement")
	}
}

func TestDefaultDecisionParses(t *testing.T) {
	if _, err := DefaultDecision(); err != nil {
		t.Fatal(err)
	}
}

// A word the document holds more often than its frequency predicts bursts
// above 0, one it lacks though its frequency predicts several below, and a
// text that was not counted, or a word the model does not know, says
// nothing.
func TestBurst(t *testing.T) {
	a := Analysis{Words: 1000, counts: []int32{7: 5}, powers: newUnigramPowers(10)}
	often := Option{id: 7, Unigram: -4}   // 0.1 expected, 5 found
	missing := Option{id: 8, Unigram: -2} // 10 expected, none found
	if b := a.burst(often); math.Abs(b-math.Log(6/1.1)) > 1e-9 {
		t.Errorf("a repeated word bursts %.3f, want ln(6/1.1)", b)
	}
	if b := a.burst(missing); math.Abs(b-math.Log(1/11.0)) > 1e-9 {
		t.Errorf("a missing frequent word bursts %.3f, want ln(1/11)", b)
	}
	if b := (Analysis{Words: 1000}).burst(often); b != 0 {
		t.Errorf("an uncounted text bursts %.3f, want 0", b)
	}
	if b := a.burst(Option{id: lm.Unknown, Unigram: -7}); b != 0 {
		t.Errorf("an unknown word bursts %.3f, want 0", b)
	}
}
