package repair

import (
	"encoding/json"
	"math"
	"slices"
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

// A decision with a short one hands it the texts under ShortWords words,
// whose offset lowers its log-odds; a short decision of the wrong features
// does not parse.
func TestShortDecision(t *testing.T) {
	n := len(FeatureNames)
	plain := func(bias float64) *Decision {
		return &Decision{Features: FeatureNames, Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n), Bias: bias}
	}
	d := plain(2)
	d.Short, d.ShortWords = plain(1), 100
	d.Short.Offset = -1
	b, _ := json.Marshal(d)
	got, err := ParseDecision(b)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, n)
	if p := got.For(100).Probability(x); math.Abs(p-1/(1+math.Exp(-2))) > 1e-12 {
		t.Errorf("a 100-word text: probability %v, want the long decision's", p)
	}
	if p := got.For(99).Probability(x); math.Abs(p-0.5) > 1e-12 {
		t.Errorf("a 99-word text: probability %v, want 0.5 (bias 1, offset -1)", p)
	}
	d.Short.Features = append([]string{"renamed"}, FeatureNames[1:]...)
	b, _ = json.Marshal(d)
	if _, err := ParseDecision(b); err == nil || !strings.Contains(err.Error(), "short") {
		t.Errorf("a short decision of other features: err %v", err)
	}
}

// The shipped decision has a short one for lone sentences.
func TestDefaultDecisionShort(t *testing.T) {
	d, err := DefaultDecision()
	if err != nil {
		t.Fatal(err)
	}
	if d.Short == nil || d.ShortWords <= 0 || d.For(d.ShortWords-1) != d.Short || d.For(d.ShortWords) != d {
		t.Errorf("shipped decision: short %v for texts under %d words", d.Short != nil, d.ShortWords)
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
	x := st.features(words[0], 0, Analysis{}, -7)[0]
	if got := x[idx["doc_agree"]]; math.Abs(got-0.8) > 1e-12 {
		t.Errorf("doc_agree %v, want 0.8 (the mean of the two others)", got)
	}
	if got := x[idx["doc_count"]]; math.Abs(got-math.Log(3)) > 1e-12 {
		t.Errorf("doc_count %v, want ln 3", got)
	}
	if x[idx["src_thesaurus"]] != 1 || x[idx["src_swap"]] != 0 {
		t.Error("source indicators wrong")
	}
	alone := statsOf(words[:1], Analysis{}).features(words[0], 0, Analysis{}, -7)[0]
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

// A word's neighbour feature is the spun posterior of the word beside it,
// and words with other text between them are not neighbours.
func TestSpunNeighbours(t *testing.T) {
	word := func(start, end int, keep float64) Word {
		return Word{Start: start, End: end, Options: []Option{{Word: "w", Posterior: keep}, {Word: "v", Posterior: 1 - keep}}}
	}
	// "aaa bbb, ccc dd eee": bbb and ccc are adjacent across ", "; eee
	// follows a word without candidates.
	words := []Word{word(0, 3, 0.9), word(4, 7, 0.3), word(9, 12, 0.8), word(16, 19, 0.1)}
	got := spunNeighbours(words)
	want := []float64{0.7, 0.2, 0.7, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("word %d: %v, want %v", i, got[i], want[i])
		}
	}
}

// The margin of an alternative is over its strongest rival: the runner-up
// for the best alternative, the best for the others; a lone alternative
// has no rival.
func TestAltMargin(t *testing.T) {
	idx := slices.Index(FeatureNames, "alt_margin")
	w := Word{Options: []Option{
		{Word: "initial", Source: lexicon.Keep, Posterior: 0.2},
		{Word: "first", Source: lexicon.Thesaurus, Posterior: 0.5},
		{Word: "early", Source: lexicon.Thesaurus, Posterior: 0.25},
		{Word: "opening", Source: lexicon.Thesaurus, Posterior: 0.05},
	}}
	rows := statsOf([]Word{w}, Analysis{}).features(w, 0, Analysis{}, -7)
	for j, want := range []float64{math.Log(2), math.Log(0.5), math.Log(0.1)} {
		if got := rows[j][idx]; math.Abs(got-want) > 1e-9 {
			t.Errorf("option %d: alt_margin %v, want %v", j+1, got, want)
		}
	}
	lone := Word{Options: w.Options[:2]}
	if got := statsOf([]Word{lone}, Analysis{}).features(lone, 0, Analysis{}, -7)[0][idx]; got != 20 {
		t.Errorf("lone alternative: alt_margin %v, want the cap 20", got)
	}
}
