package repair_test

import (
	"os"
	"path/filepath"
	"testing"

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
