package lexicon

import (
	"math"
	"sort"
	"sync/atomic"
)

// The inverted thesaurus answers "which originals list the spun word". A
// spinner whose thesaurus holds the pair the other way round replaced a
// word of the spun word's own list instead, and Moby lists only 58% of its
// pairs both ways. So the spun word's own synonyms (and, for an inflected
// form, its lemma's, re-inflected) are candidates too, as Source Synonym.
//
// Their channel is r·w·q(s|o) with q = 1/n^Alpha, n being o's list size in
// the thesaurus made symmetric (the list a spinner with that relation
// draws s from), and w = synonymWeight: a pair listed only under the spun
// word is weaker evidence than one listed under the original, and at full
// weight the repairer changed a quarter more words of clean news for no
// more right fixes. A pair listed both ways keeps its Thesaurus channel,
// which is always the stronger.

// synonymWeight is w above.
const synonymWeight = 0.3

var logSynonymWeight = math.Log10(synonymWeight)

// forward is the thesaurus read from each root to its own synonyms. The
// shipped index is inverted, so only Precompute builds this.
type forward struct {
	lists  [][]int32       // word ids of each root's synonyms
	size   []int           // each word's list size with the relation made symmetric
	scores []atomic.Uint32 // each word's synonym channel + unigram as float32 bits, 0 until computed
}

func newForward(t *thesaurus) *forward {
	f := &forward{lists: t.synonymLists(), size: make([]int, t.nWords), scores: make([]atomic.Uint32, t.nWords)}
	seen := make([]int32, t.nWords) // 1 + the id of the last word whose list counted it
	for w := range t.nWords {
		n := 0
		count := func(o int32) {
			if seen[o] != int32(w)+1 {
				seen[o] = int32(w) + 1
				n++
			}
		}
		if r := t.rootIndex(t.word(w)); r >= 0 {
			for _, o := range f.lists[r] {
				count(o)
			}
		}
		t.rootIDsOf(w, func(r int) { count(int32(t.rootWordID(r))) })
		f.size[w] = n
	}
	return f
}

// synonymChannel is the channel of a Synonym candidate whose symmetric
// list has n words, with n as the table stores it.
func (l *Lexicon) synonymChannel(n int) float64 {
	return l.channelOf(Synonym, float64(level(n))/levels)
}

// synonymCandidates proposes the single words of w's own synonym list.
func (l *Lexicon) synonymCandidates(p *pool, w string) {
	for _, s := range l.synonymsOf(w) {
		if sc := l.synonymScore(s); !math.IsInf(sc, -1) {
			p.add(s.word, s.nSyn, l.synonymChannel(s.nSyn), sc, Synonym)
		}
	}
}

// synonymsOf returns w's own synonyms as roots of the symmetric thesaurus:
// each word with its list size there, idx its word id.
func (l *Lexicon) synonymsOf(w string) []root {
	r := l.th.rootIndex(w)
	if r < 0 {
		return nil
	}
	out := make([]root, len(l.fwd.lists[r]))
	for i, o := range l.fwd.lists[r] {
		out[i] = root{word: l.th.word(int(o)), nSyn: l.fwd.size[o], idx: int(o)}
	}
	return out
}

// synonymScore is synonymChannel + unigram of synonym s, -Inf for a
// multi-word synonym or one the model does not know; cached per word.
func (l *Lexicon) synonymScore(s root) float64 {
	return l.cachedScore(&l.fwd.scores[s.idx], s, l.synonymChannel)
}

// bestSynonyms returns up to n of w's own single-word synonyms the model
// knows, best first.
func (l *Lexicon) bestSynonyms(w string, n int) []root {
	var out []root
	var sc []float64
	for _, s := range l.synonymsOf(w) {
		if v := l.synonymScore(s); !math.IsInf(v, -1) {
			out = append(out, s)
			sc = append(sc, v)
		}
	}
	return best(out, sc, n)
}

// best returns the n roots of highest score, best first.
func best(rs []root, sc []float64, n int) []root {
	idx := make([]int, len(rs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return sc[idx[a]] > sc[idx[b]] })
	out := make([]root, 0, min(n, len(rs)))
	for _, i := range idx[:min(n, len(idx))] {
		out = append(out, rs[i])
	}
	return out
}
