package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/testdata"
)

func readSet(tb testing.TB, name string) (spun, gold []byte) {
	tb.Helper()
	dir := filepath.Join(testdata.RepoDir(), "testdata", "eval")
	spun, err := os.ReadFile(filepath.Join(dir, name+".spun.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	gold, err = os.ReadFile(filepath.Join(dir, name+".gold.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return spun, gold
}

func TestCandidateCoverage(t *testing.T) {
	spun := []byte("a infantry bottom {x}\n")
	gold := []byte("{a|the} military base {?}\n")
	c, err := CandidateCoverage(spun, gold, func(w string) []string {
		return map[string][]string{"infantry": {"troops", "military"}, "bottom": {"floor"}}[w]
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.NeedRepair != 2 || c.Covered != 1 {
		t.Errorf("coverage = %+v, want 1 of 2", c)
	}
}

func BenchmarkScore(b *testing.B) {
	spun, gold := readSet(b, "brown-news-5k")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Score(spun, gold, gold, Options{Details: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSpin(b *testing.B) {
	wn := realWordNet(b)
	_, clean := readSet(b, "brown-news-5k")
	b.ReportAllocs()
	for b.Loop() {
		NewSpinner(WordNetSynonyms{WN: wn, Join: true}, SpinOptions{FunctionWords: true}).Spin(clean)
	}
}

// BenchmarkLexiconCoverage reports, for each committed set and the real dev
// sample, the share of substitutions whose original is among the repairer's
// candidates (the built-in lexicon without a language model ranking them),
// with the default budget and with no budget.
func BenchmarkLexiconCoverage(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Skipf("no built-in lexicon: %v", err)
	}
	sets := map[string][2][]byte{}
	for _, name := range []string{"brown-news-5k", "brown-news-5k-fw"} {
		s, g := readSet(b, name)
		sets[name] = [2][]byte{s, g}
	}
	if d := testdata.SharedDir(); d != "" {
		s, err1 := os.ReadFile(filepath.Join(d, "samples", "seed-article.dev.spun.txt"))
		g, err2 := os.ReadFile(filepath.Join(d, "samples", "seed-article.dev.gold.txt"))
		if err1 == nil && err2 == nil {
			sets["seed-dev"] = [2][]byte{s, g}
		}
	}
	for name, set := range sets {
		for _, k := range []int{lexicon.DefaultK, 100000} {
			l := lex.With(lexicon.Options{K: k})
			cands := func(w string) []string {
				var out []string
				for _, c := range l.Candidates(w) {
					out = append(out, c.Word)
				}
				return out
			}
			b.Run(name+"/k="+strconv.Itoa(k), func(b *testing.B) {
				var c Coverage
				for b.Loop() {
					if c, err = CandidateCoverage(set[0], set[1], cands); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(c.Share, "coverage")
				b.ReportMetric(float64(c.NeedRepair), "substitutions")
			})
		}
	}
}
