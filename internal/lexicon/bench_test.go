package lexicon

import (
	"os"
	"strings"
	"testing"

	"github.com/unspin/unspin/dictionaries"
	"github.com/unspin/unspin/internal/testdata"
)

func benchTokens(b *testing.B) []string {
	data, err := os.ReadFile(testdata.Shared(b, "samples/seed-article.spun.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var toks []string
	for _, w := range strings.Fields(string(data)) {
		if w = trimPunct(w); w != "" {
			toks = append(toks, w)
		}
	}
	return toks
}

// BenchmarkCandidatesCold is the cost of a page's words with an empty cache.
func BenchmarkCandidatesCold(b *testing.B) {
	toks := benchTokens(b)
	base := testLexicon(b, DefaultK)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		l := base.With(base.Options())
		for _, w := range toks {
			l.Candidates(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(toks)), "ns/word")
}

// BenchmarkCandidatesWarm is the amortised cost once words repeat.
func BenchmarkCandidatesWarm(b *testing.B) {
	toks := benchTokens(b)
	l := testLexicon(b, DefaultK)
	for _, w := range toks {
		l.Candidates(w)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		l.Candidates(toks[i%len(toks)])
	}
}

func BenchmarkPhrasesCold(b *testing.B) {
	toks := benchTokens(b)
	base := testLexicon(b, DefaultK)
	b.ResetTimer()
	for range b.N {
		l := base.With(base.Options())
		for i := range toks {
			l.Phrases(toks, i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(toks)), "ns/word")
}

// BenchmarkLoad is what Default costs: opening the embedded data (no
// checksum pass) and parsing the morphology.
func BenchmarkLoad(b *testing.B) {
	d := Data{dictionaries.Thesaurus, dictionaries.Verbs, dictionaries.Exceptions, dictionaries.Swaps, dictionaries.Closed}
	for range b.N {
		l, err := load(d, false)
		if err != nil {
			b.Fatal(err)
		}
		l.morph()
	}
}
