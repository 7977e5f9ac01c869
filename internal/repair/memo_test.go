package repair

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// TestMemoMatchesFresh: a pass that reuses what the memo knows of earlier
// passes proposes exactly what a fresh run on its text would, so that the
// fixed point it reaches is one a fresh run agrees with; with the trained
// decision over context candidates too.
func TestMemoMatchesFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in model")
	}
	base, _ := builtIn(t)
	decision, err := DefaultDecision()
	if err != nil {
		t.Fatal(err)
	}
	decided := base.opts
	decided.Decision, decided.Context = decision, 3
	for _, r := range []*Repairer{base, New(base.model, base.lex, decided)} {
		for _, rel := range []string{"testdata/seed-article.spun.txt", "testdata/eval/brown-news-5k-fw.spun.txt",
			"internal/repair/testdata/golden/tortured-phrases.input", // phrases that drop and add words
		} {
			src, err := os.ReadFile(filepath.Join(testdata.RepoDir(), rel))
			if err != nil {
				t.Fatal(err)
			}
			m := r.newMemo()
			for pass := 1; pass <= 3; pass++ {
				got, want := m.repairOnce(src), r.RepairOnce(src)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s, decision %t, pass %d: the memo's %d edits differ from a fresh run's %d",
						rel, r.opts.Decision != nil, pass, len(got), len(want))
				}
				src = Apply(src, want)
			}
			m.release()
		}
	}
}
