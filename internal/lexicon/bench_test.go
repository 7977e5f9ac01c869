package lexicon

import (
	"os"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// seedArticle is the real spun article, in the shared data.
const seedArticle = "samples/seed-article.spun.txt"

// benchTokens are the words of a file of the shared data, punctuation
// trimmed.
func benchTokens(b *testing.B, path string) []string {
	data, err := os.ReadFile(testdata.Shared(b, path))
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
	toks := benchTokens(b, seedArticle)
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
	toks := benchTokens(b, seedArticle)
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
	toks := benchTokens(b, seedArticle)
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

// BenchmarkLoad is what Default costs: opening the embedded data in place
// (no checksum pass) and parsing the swap and closed-class lists.
func BenchmarkLoad(b *testing.B) {
	d := shipped()
	cpu := cpuTime()
	for range b.N {
		if _, err := loadTables(d, false, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkFirstLookup is the cost of a word the first time it is seen:
// each distinct word of a page once, with an empty cache. "filtered" asks
// the model about every original, as for a user's own model; "same-model"
// is the shipped model, which ranked the table.
func BenchmarkFirstLookup(b *testing.B) {
	seen := map[string]bool{}
	var distinct []string
	for _, w := range benchTokens(b, seedArticle) {
		if !seen[w] {
			seen[w] = true
			distinct = append(distinct, w)
		}
	}
	base := testLexicon(b, DefaultK)
	for _, same := range []bool{false, true} {
		name := map[bool]string{false: "filtered", true: "same-model"}[same]
		b.Run(name, func(b *testing.B) {
			o := base.Options()
			o.SameModel = same
			b.ReportAllocs()
			benchLookups(b, base, o, distinct)
		})
	}
}

// BenchmarkCorpus is a long text's lookups, every token, with an empty
// cache: Brown news, about 100,000 words, 14,000 of them distinct.
func BenchmarkCorpus(b *testing.B) {
	toks := benchTokens(b, "data/corpus/brown-news.txt")
	base := testLexicon(b, DefaultK)
	o := base.Options()
	o.SameModel = true
	b.ResetTimer()
	benchLookups(b, base, o, toks)
}

// benchLookups looks every word up, b.N times, each time in a fresh view
// with options o (an empty cache), and reports wall and CPU time a word.
func benchLookups(b *testing.B, base *Lexicon, o Options, words []string) {
	cpu := cpuTime()
	for range b.N {
		l := base.With(o)
		for _, w := range words {
			l.Candidates(w)
		}
	}
	n := float64(b.N * len(words))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/word")
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/n, "cpu-ns/word")
}
