package lm

import (
	"math/rand/v2"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
	"github.com/unspin/unspin/models"
)

type query struct {
	s State
	w WordID
}

// matched is the order of the longest n-gram Score finds for w after s.
func (m *Binary) matched(s State, w WordID) int {
	if m.blocked {
		return m.matchedBlocks(s, w)
	}
	h := wordKey(w)
	n := 1
	for j := 0; j < int(s.Len) && j+2 <= m.order; j++ {
		h = extendKey(h, s.Words[j])
		if _, _, ok := m.tables[j+2].find(h); !ok {
			break
		}
		n = j + 2
	}
	return n
}

func (m *Binary) matchedBlocks(s State, w WordID) int {
	if s.Len == 0 {
		return 1
	}
	if _, ok := m.blk.bigram(s.Words[0], w); !ok {
		return 1
	}
	if s.Len == 1 {
		return 2
	}
	if _, ok := m.blk.trigram(uint64(s.Words[2]), w); !ok {
		return 2
	}
	return 3
}

// benchQueries splits the queries of real sentences into those whose full
// n-gram is in the model (hits) and those that back off to the unigram.
func benchQueries(b *testing.B) (m *Binary, hits, misses []query) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := sampleSentences(b, testdata.Shared(b, "data/corpus/brown-news.txt"), 5000)
	for _, sent := range sents {
		s := m.BeginSentence()
		for _, w := range sent {
			id := m.ID(w)
			if id == Unknown {
				s = m.NullState()
				continue
			}
			switch n := m.matched(s, id); {
			case n == m.order && s.Len == uint8(m.order-1):
				hits = append(hits, query{s, id})
			case n == 1 && s.Len > 0:
				misses = append(misses, query{s, id})
			}
			_, s = m.Score(s, id)
		}
	}
	// Random words after real contexts: nearly all back off to the unigram.
	r := rand.New(rand.NewPCG(1, 2))
	for _, q := range hits[:min(len(hits), 20000)] {
		w := WordID(3 + r.IntN(m.VocabSize()-3))
		if m.matched(q.s, w) == 1 {
			misses = append(misses, query{q.s, w})
		}
	}
	r.Shuffle(len(hits), func(i, j int) { hits[i], hits[j] = hits[j], hits[i] })
	r.Shuffle(len(misses), func(i, j int) { misses[i], misses[j] = misses[j], misses[i] })
	return m, hits, misses
}

var sink float32

// benchScore cycles through qs, whose length is cut to a power of two so the
// loop indexes with a mask rather than a division.
func benchScore(b *testing.B, m *Binary, qs []query) {
	n := 1
	for n*2 <= len(qs) {
		n *= 2
	}
	qs = qs[:n]
	b.ReportAllocs()
	b.ResetTimer()
	var total float32
	for i := 0; b.Loop(); i++ {
		q := &qs[i&(n-1)]
		p, _ := m.Score(q.s, q.w)
		total += p
	}
	sink = total
}

func BenchmarkScore(b *testing.B) {
	m, hits, misses := benchQueries(b)
	b.Logf("%d trigram hits, %d unigram back-offs", len(hits), len(misses))
	// cold: queries spread over the whole model, nearly every probe a cache
	// and TLB miss; warm: 1,024 queries, as a decoder asks of one sentence's
	// lattice again and again, so the probed slots stay in cache.
	b.Run("hit/cold", func(b *testing.B) { benchScore(b, m, hits) })
	b.Run("miss/cold", func(b *testing.B) { benchScore(b, m, misses) })
	b.Run("hit/warm", func(b *testing.B) { benchScore(b, m, hits[:1024]) })
	b.Run("miss/warm", func(b *testing.B) { benchScore(b, m, misses[:1024]) })
	// hot: 16 queries, all in L1: the cost of the arithmetic alone.
	b.Run("hit/hot", func(b *testing.B) { benchScore(b, m, hits[:16]) })
	b.Run("miss/hot", func(b *testing.B) { benchScore(b, m, misses[:16]) })
}

// BenchmarkID looks up words of Brown news (nearly all known) and their
// spelling neighbours (nearly all unknown, as the lexicon's edits of an
// unknown word are).
func BenchmarkID(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var words, edits []string
	for _, s := range sampleSentences(b, testdata.Shared(b, "data/corpus/brown-news.txt"), 500) {
		words = append(words, s...)
		for _, w := range s {
			edits = append(edits, w+"q", "x"+w)
		}
	}
	for _, set := range []struct {
		name  string
		words []string
	}{{"known", words}, {"edits", edits}} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			var n WordID
			for i := 0; b.Loop(); i++ {
				n += m.ID(set.words[i%len(set.words)])
			}
			sink = float32(n)
		})
	}
}

// BenchmarkLoadDefault is the start-up cost of the built-in model: checking
// the header and section table, and the vocabulary offsets.
func BenchmarkLoadDefault(b *testing.B) {
	data := models.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyDefault(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(m.data)))
	for b.Loop() {
		if err := m.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreSentence scores whole sentences of news text word by word, as
// a decoder's first pass does: ns/op is per word.
func BenchmarkScoreSentence(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var ids []WordID // sentences separated by EOS
	for _, s := range sampleSentences(b, testdata.Shared(b, "data/corpus/brown-news.txt"), 5000) {
		for _, w := range s {
			ids = append(ids, m.ID(w))
		}
		ids = append(ids, EOS)
	}
	b.ReportAllocs()
	b.ResetTimer()
	s := m.BeginSentence()
	var total float32
	for i := 0; b.Loop(); i++ {
		w := ids[i%len(ids)]
		var p float32
		p, s = m.Score(s, w)
		total += p
		if w == EOS {
			s = m.BeginSentence()
		}
	}
	sink = total
}
