package repair_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/testdata"
)

// TestAssessSeparates checks that the fast match's rates tell the spun news
// from its own clean original.
func TestAssessSeparates(t *testing.T) {
	r := newDefault(t)
	gold, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "eval", "brown-news-5k.gold.txt"))
	if err != nil {
		t.Fatal(err)
	}
	spun, clean := r.Assess(spunNews(t), 3), r.Assess(gold, 3)
	if spun.ContentRate < 2*clean.ContentRate || spun.Changed < 3*clean.Changed {
		t.Errorf("spun %+v vs clean %+v", spun, clean)
	}
	if len(spun.Examples) != 3 {
		t.Errorf("got %d examples, want 3", len(spun.Examples))
	}
}

// BenchmarkAssessSpunNews is check's throughput on one core.
func BenchmarkAssessSpunNews(b *testing.B) {
	r := newDefault(b)
	src := spunNews(b)
	r.Assess(src, 3) // warm the lexicon's cache, as a crawl does
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r.Assess(src, 3)
	}
}

func TestAssessmentAdd(t *testing.T) {
	a := repair.Assessment{Analysis: repair.Analysis{Words: 100, Decoded: 40, ContentRate: 0.1, FunctionRate: 0.5}, Changed: 5,
		Examples: []repair.Example{{Spun: "a", Original: "the", Posterior: 0.9}, {Spun: "infantry", Original: "military", Posterior: 0.7}}}
	b := repair.Assessment{Analysis: repair.Analysis{Words: 300, Decoded: 60, ContentRate: 0.3, FunctionRate: 0.1}, Changed: 20,
		Examples: []repair.Example{{Spun: "a", Original: "the", Posterior: 0.95}, {Spun: "pronounced", Original: "said", Posterior: 0.8}}}
	a.Add(b, 2)
	if a.Words != 400 || a.Decoded != 100 || a.Changed != 25 {
		t.Errorf("counts %d words, %d decoded, %v changed; want 400, 100, 25", a.Words, a.Decoded, a.Changed)
	}
	if math.Abs(a.ContentRate-0.25) > 1e-12 || math.Abs(a.FunctionRate-0.2) > 1e-12 {
		t.Errorf("rates %v, %v; want the word-weighted 0.25, 0.2", a.ContentRate, a.FunctionRate)
	}
	want := []repair.Example{{Spun: "a", Original: "the", Posterior: 0.95}, {Spun: "pronounced", Original: "said", Posterior: 0.8}}
	if !slices.Equal(a.Examples, want) {
		t.Errorf("examples %v, want %v (the strongest, one per pair)", a.Examples, want)
	}
}
