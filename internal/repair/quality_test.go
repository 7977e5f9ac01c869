package repair_test

import (
	"os"
	"testing"

	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/testdata"
)

// TestDevSampleQuality guards the measured quality on the real spun sample
// against regressions. The floors sit a little under the figures the README
// reports, so a change that loses restorations or adds wrong ones fails.
func TestDevSampleQuality(t *testing.T) {
	spun, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.dev.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.dev.gold.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := newDefault(t)
	edits := r.Repair(spun)
	checkEdits(t, spun, edits)
	rep, err := eval.Score(spun, repair.Apply(spun, edits), gold, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("precision %.3f recall %.3f F0.5 %.3f", rep.Precision, rep.Recall, rep.F05)
	if rep.Precision < 0.85 || rep.F05 < 0.70 {
		t.Errorf("dev sample: precision %.3f (floor 0.85), F0.5 %.3f (floor 0.70)", rep.Precision, rep.F05)
	}
}

// TestCleanNewsChangeRate: on clean news at most 0.5% of words may change.
func TestCleanNewsChangeRate(t *testing.T) {
	src, err := os.ReadFile(testdata.Shared(t, "data/corpus/brown-news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		src = src[:100_000]
	}
	r := newDefault(t)
	rep, err := eval.ScoreClean(src, repair.Apply(src, r.Repair(src)), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("clean news: %d of %d words changed (%.2f%%)", rep.Changed, rep.Words, 100*rep.Share)
	if rep.Share > 0.005 {
		t.Errorf("clean news: %.2f%% of words changed, limit 0.5%%", 100*rep.Share)
	}
}
