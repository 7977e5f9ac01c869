package lexicon

import (
	"math"
	"sort"
	"strings"
	"sync/atomic"
)

// This file is the slow path that ranks a spun word's originals by walking
// the thesaurus both ways, the morphology and the spelling rules, 40-110 µs
// a word. Precompute runs it once per spun form at build time; Candidates
// only reads its results.

// scored is a proposed original with its pruning score, channel + log10
// unigram, and what its channel is made of: the source and n, the synonym
// count of its thesaurus root (Thesaurus, Morphology), its list size in the
// thesaurus made symmetric (Synonym) or the edit distance (Spelling).
type scored struct {
	Candidate
	n     int
	score float64
}

// pool gathers alternatives, keeping the best channel per original.
type pool struct {
	l       *Lexicon
	spun    string
	spunUni float64 // log10 P(spun), -Inf when the model does not know it
	best    map[string]scored
}

// add proposes word; score is its channel + unigram, or NaN to compute it.
// Closed-class originals come from the swap table only: thesauri list
// "on" under "opposite" and "with" under "despite", which no spinner seen
// undoes.
func (p *pool) add(word string, n int, channel, score float64, src Source) {
	if word == p.spun || strings.Contains(word, " ") || p.l.closed[word] || isPart(word, p.spun) {
		return
	}
	if c, ok := p.best[word]; ok {
		if c.Channel < channel {
			p.best[word] = scored{Candidate{Word: word, Channel: channel, Source: src}, n, c.score - c.Channel + channel}
		}
		return
	}
	if math.IsNaN(score) {
		score = channel + p.l.unigram(word)
	}
	if math.IsInf(score, -1) || math.IsNaN(score) {
		return // the language model does not know the word
	}
	p.best[word] = scored{Candidate{Word: word, Channel: channel, Source: src}, n, score}
}

// isPart says word is one of the parts of hyphenated compound w: WordNet
// puts "drop" in a synset with "drop-off", but a spinner that drops half
// a compound is a swap of its own (the swap table's).
func isPart(word, w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for part := range strings.SplitSeq(w, "-") {
		if part == word {
			return true
		}
	}
	return false
}

// generate ranks the thesaurus, synonym, morphology and spelling originals
// of w, best first, at most K-1 of them; swaps are added at query time.
func (l *Lexicon) generate(w string) []scored {
	if l.closed[w] {
		return nil
	}
	p := &pool{l: l, spun: w, spunUni: l.unigram(w), best: make(map[string]scored, 256)}
	l.thesaurusCandidates(p, w)
	l.synonymCandidates(p, w)
	l.wordnetCandidates(p, w)
	l.morphologyCandidates(p, w)
	l.spellingCandidates(p, w)
	alts := make([]scored, 0, len(p.best))
	for _, c := range p.best {
		alts = append(alts, c)
	}
	sort.Slice(alts, func(i, j int) bool {
		if alts[i].score != alts[j].score {
			return alts[i].score > alts[j].score
		}
		return alts[i].Word < alts[j].Word
	})
	return alts[:min(len(alts), l.opts.K-1)]
}

// qChannel is log10 r·q(s|o) for a thesaurus root o with n synonyms.
func (l *Lexicon) qChannel(n int) float64 {
	return math.Log10(l.opts.ReplaceRate) - l.opts.Alpha*math.Log10(float64(max(n, 1)))
}

// wordnetLevel is n's code step for a WordNet candidate: log10 n in
// 1/wordnetLevels.
func wordnetLevel(n int) int {
	return min(int(math.Round(math.Log10(float64(max(n, 1)))*wordnetLevels)), wordnetMax)
}

// level is n's code step in the table: log10 n in 1/levels.
func level(n int) int {
	return min(int(math.Round(math.Log10(float64(max(n, 1)))*levels)), maxLevel)
}

// morphChannel is qChannel with n as the table stores it, so a
// re-inflected original ranks the same at build and at query time.
func (l *Lexicon) morphChannel(n int) float64 {
	return l.channelOf(Morphology, float64(level(n))/levels)
}

// rootScore is qChannel + unigram of a root, -Inf for a multi-word root or
// one the model does not know; cached per root.
func (l *Lexicon) rootScore(r root) float64 {
	return l.cachedScore(&l.scores[r.idx], r, l.qChannel)
}

// cachedScore is channel(list size) + unigram of r's word, -Inf for a
// multi-word root or one the model does not know, kept in cache as float32
// bits (0 until computed).
func (l *Lexicon) cachedScore(cache *atomic.Uint32, r root, channel func(n int) float64) float64 {
	if b := cache.Load(); b != 0 {
		return float64(math.Float32frombits(b))
	}
	s := math.Inf(-1)
	if !strings.Contains(r.word, " ") {
		s = channel(r.nSyn) + l.unigram(r.word)
	}
	if math.IsNaN(s) {
		s = math.Inf(-1)
	}
	cache.Store(math.Float32bits(float32(s)))
	return s
}

func (l *Lexicon) thesaurusCandidates(p *pool, w string) {
	l.th.rootsOf(w, func(r root) {
		if s := l.rootScore(r); !math.IsInf(s, -1) {
			p.add(r.word, r.nSyn, l.qChannel(r.nSyn), s, Thesaurus)
		}
	})
}

// inThesaurus says a thesaurus, Moby or WordNet, has w: a lemma worth
// re-inflecting the originals of.
func (l *Lexicon) inThesaurus(w string) bool {
	return l.th.find(w) >= 0 || (l.wn != nil && l.wn.find(w) >= 0)
}

// wordnetChannel is the channel of a WordNet candidate whose synset-mates
// number n, with n as the table stores it.
func (l *Lexicon) wordnetChannel(n int) float64 {
	return l.channelOf(WordNet, float64(wordnetLevel(n))/wordnetLevels)
}

// wordnetCandidates proposes the single words that share a WordNet synset
// with w. When Moby pairs them too, the better channel of the two wins
// (pool.add), and WordNet's short lists make it WordNet's.
func (l *Lexicon) wordnetCandidates(p *pool, w string) {
	for _, r := range l.wordnetMates(w) {
		p.addWordNet(r.word, r.nSyn)
	}
}

// addWordNet proposes a WordNet original, unless it is rarer than the spun
// word. A spinner's pick is usually the rarer word of a pair, and WordNet's
// rare senses otherwise turn plain words into rarer ones ("exact" into
// "accurate"): on the clean-text suite they were most of the changes
// WordNet brought. Moby may still propose the same word.
func (p *pool) addWordNet(word string, n int) {
	if !math.IsInf(p.spunUni, -1) && p.l.unigram(word) < p.spunUni {
		return
	}
	p.add(word, n, p.l.wordnetChannel(n), math.NaN(), WordNet)
}

// wordnetMates returns the single words sharing a WordNet synset with w.
func (l *Lexicon) wordnetMates(w string) []root {
	if l.wn == nil {
		return nil
	}
	var out []root
	l.wn.rootsOf(w, func(r root) {
		if !strings.Contains(r.word, " ") {
			out = append(out, r)
		}
	})
	return out
}
