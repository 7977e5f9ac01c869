package repair_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/testdata"
	"github.com/unspin/unspin/internal/text"
)

// newDefault is the repairer of repair.OptionsFor: fixes decided by the
// decoder's posterior alone, the command's --decision=false.
func newDefault(tb testing.TB) *repair.Repairer { return newWith(tb, func(*repair.Options) {}) }

// newDecided is the command's default repairer, the trained decision,
// with up to context contextual candidates a word (--context).
func newDecided(tb testing.TB, context int) *repair.Repairer {
	return newWith(tb, func(o *repair.Options) {
		d, err := repair.DefaultDecision()
		if err != nil {
			tb.Fatal(err)
		}
		o.Decision, o.Context = d, context
	})
}

// newWith builds a repairer over the built-in model and lexicon, its
// options those of repair.OptionsFor changed by set.
func newWith(tb testing.TB, set func(*repair.Options)) *repair.Repairer {
	tb.Helper()
	model, err := lm.Default()
	if err != nil {
		tb.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	opts := repair.OptionsFor(lex)
	set(&opts)
	return repair.New(model, repair.LexiconFor(model, lex, opts.Candidates), opts)
}

// spunNews is synthetic spun news prose committed with the repository.
func spunNews(tb testing.TB) []byte {
	b, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "eval", "brown-news-5k.spun.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func benchRepair(b *testing.B, src []byte) { benchRepairWith(b, newDefault(b), src) }

func benchRepairWith(b *testing.B, r *repair.Repairer, src []byte) {
	r.Repair(src) // warm the lexicon's cache, as a long run does
	words := len(text.LMWords(string(src)))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r.Repair(src)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkRepairSpunNews is the command's default, the trained decision;
// the Posterior variant decides by the posterior alone (--decision=false),
// the Context one adds --context 3.
func BenchmarkRepairSpunNews(b *testing.B) { benchRepairWith(b, newDecided(b, 0), spunNews(b)) }

func BenchmarkRepairSpunNewsPosterior(b *testing.B) { benchRepair(b, spunNews(b)) }

func BenchmarkRepairSpunNewsContext(b *testing.B) { benchRepairWith(b, newDecided(b, 3), spunNews(b)) }

func BenchmarkRepairSeedArticle(b *testing.B) {
	src, err := os.ReadFile(testdata.Shared(b, "samples/seed-article.spun.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchRepair(b, src)
}

func BenchmarkRepairCleanNews(b *testing.B) {
	src, err := os.ReadFile(testdata.Shared(b, "data/corpus/brown-news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchRepair(b, bytes.Clone(src[:200_000]))
}
