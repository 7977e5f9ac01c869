package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// The committed synthetic sets must stay aligned and hold substitutions, or
// every figure measured on them is meaningless.
func TestCommittedSets(t *testing.T) {
	for _, name := range []string{"brown-news-5k", "brown-news-5k-fw"} {
		dir := filepath.Join(testdata.RepoDir(), "testdata", "eval")
		spun, err := os.ReadFile(filepath.Join(dir, name+".spun.txt"))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(filepath.Join(dir, name+".gold.txt"))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Score(spun, spun, gold, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Words < 4000 || rep.NeedRepair < rep.Words/5 {
			t.Errorf("%s: %d words, %d needing repair; want a 5,000-word set with substitutions", name, rep.Words, rep.NeedRepair)
		}
	}
}
