package lexicon

import (
	"math"
	"sort"
	"strings"
)

// Candidates returns the possible originals of one word token, given as it
// appears in the text: first the word itself (lowercased, Source Keep), then
// the alternatives best first by channel × unigram probability, at most K in
// all. A token that is not Changeable gets the keep candidate only. The
// returned slice is shared: do not modify it.
func (l *Lexicon) Candidates(word string) []Candidate {
	if !Changeable(word) {
		return []Candidate{{Word: normalize(word), Source: Keep}}
	}
	w := normalize(word)
	if c, ok := l.cache.Load(w); ok {
		return c.([]Candidate)
	}
	c := l.generate(w)
	l.cache.Store(w, c)
	return c
}

// scored is a candidate with its pruning score, channel + log10 unigram.
type scored struct {
	Candidate
	score float64
}

// pool gathers alternatives, keeping the best channel per original.
type pool struct {
	l    *Lexicon
	spun string
	best map[string]scored
}

// add proposes word; score is its channel + unigram, or NaN to compute it.
func (p *pool) add(word string, channel, score float64, src Source) {
	if word == p.spun || strings.Contains(word, " ") {
		return
	}
	if c, ok := p.best[word]; ok {
		if c.Channel < channel {
			p.best[word] = scored{Candidate{word, channel, src}, c.score - c.Channel + channel}
		}
		return
	}
	if math.IsNaN(score) {
		score = channel + p.l.unigram(word)
	}
	if math.IsInf(score, -1) || math.IsNaN(score) {
		return // the language model does not know the word
	}
	p.best[word] = scored{Candidate{word, channel, src}, score}
}

func (l *Lexicon) generate(w string) []Candidate {
	p := &pool{l: l, spun: w, best: make(map[string]scored, 256)}
	for _, o := range l.swaps.bySpun[w] {
		p.add(o, math.Log10(l.opts.SwapRate/float64(l.swaps.fanout[o])), math.NaN(), Swap)
	}
	if !l.closed[w] {
		l.thesaurusCandidates(p, w)
		l.morphologyCandidates(p, w)
		l.spellingCandidates(p, w)
	}
	return l.prune(w, p.best)
}

// qChannel is log10 r·q(s|o) for a thesaurus root o with n synonyms.
func (l *Lexicon) qChannel(n int) float64 {
	return math.Log10(l.opts.ReplaceRate) - l.opts.Alpha*math.Log10(float64(max(n, 1)))
}

// rootScore is qChannel + unigram of a root, -Inf for a multi-word root or
// one the model does not know; cached per root.
func (l *Lexicon) rootScore(r root) float64 {
	if b := l.scores[r.idx].Load(); b != 0 {
		return float64(math.Float32frombits(b))
	}
	s := math.Inf(-1)
	if !strings.Contains(r.word, " ") {
		s = l.qChannel(r.nSyn) + l.unigram(r.word)
	}
	if math.IsNaN(s) {
		s = math.Inf(-1)
	}
	l.scores[r.idx].Store(math.Float32bits(float32(s)))
	return s
}

func (l *Lexicon) thesaurusCandidates(p *pool, w string) {
	l.th.rootsOf(w, func(r root) {
		if s := l.rootScore(r); !math.IsInf(s, -1) {
			p.add(r.word, l.qChannel(r.nSyn), s, Thesaurus)
		}
	})
}

func (l *Lexicon) inThesaurus(w string) bool { return l.th.find(w) >= 0 }

// keepChannel is log10 P(s | o = s) = log10(1 - r(s)).
func (l *Lexicon) keepChannel(w string) float64 {
	switch {
	case l.swaps.original[w]:
		return math.Log10(1 - l.opts.SwapRate)
	case !l.closed[w] && l.th.rootSize(w) > 0:
		return math.Log10(1 - l.opts.ReplaceRate)
	}
	return 0
}

// prune keeps the K-1 best alternatives by channel + unigram, after the
// keep candidate.
func (l *Lexicon) prune(w string, best map[string]scored) []Candidate {
	alts := make([]scored, 0, len(best))
	for _, c := range best {
		alts = append(alts, c)
	}
	sort.Slice(alts, func(i, j int) bool {
		if alts[i].score != alts[j].score {
			return alts[i].score > alts[j].score
		}
		return alts[i].Word < alts[j].Word
	})
	alts = alts[:min(len(alts), l.opts.K-1)]
	out := make([]Candidate, 0, len(alts)+1)
	out = append(out, Candidate{Word: w, Channel: l.keepChannel(w), Source: Keep})
	for _, a := range alts {
		out = append(out, a.Candidate)
	}
	return out
}
