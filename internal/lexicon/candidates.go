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

// pool gathers alternatives, keeping the best channel per original.
type pool struct {
	spun  string
	best  map[string]Candidate
	known func(string) bool
}

func (p *pool) add(word string, channel float64, src Source) {
	if word == p.spun || strings.Contains(word, " ") {
		return
	}
	if c, ok := p.best[word]; ok && c.Channel >= channel {
		return
	}
	if _, seen := p.best[word]; !seen && !p.known(word) {
		return
	}
	p.best[word] = Candidate{Word: word, Channel: channel, Source: src}
}

func (l *Lexicon) generate(w string) []Candidate {
	p := &pool{spun: w, best: map[string]Candidate{}, known: l.known}
	for _, o := range l.swaps.bySpun[w] {
		p.add(o, math.Log10(l.opts.SwapRate/float64(l.swaps.fanout[o])), Swap)
	}
	if !l.closed[w] {
		l.thesaurusCandidates(p, w, Thesaurus)
		l.morphologyCandidates(p, w)
		l.spellingCandidates(p, w)
	}
	return l.prune(w, p.best)
}

// qChannel is log10 r·q(s|o) for a thesaurus root o with n synonyms.
func (l *Lexicon) qChannel(n int) float64 {
	return math.Log10(l.opts.ReplaceRate) - l.opts.Alpha*math.Log10(float64(max(n, 1)))
}

func (l *Lexicon) thesaurusCandidates(p *pool, w string, src Source) {
	l.th.rootsOf(w, func(r root) {
		if !l.closed[w] {
			p.add(r.word, l.qChannel(r.nSyn), src)
		}
	})
}

// morphologyCandidates reads w as an inflected form, looks its lemma up and
// re-inflects each root to w's form: pronounced -> pronounce -> say -> said.
func (l *Lexicon) morphologyCandidates(p *pool, w string) {
	m := l.morph()
	for _, a := range m.analyse(w, l.inThesaurus) {
		if a.lemma == w {
			continue
		}
		l.th.rootsOf(a.lemma, func(r root) {
			if strings.Contains(r.word, " ") || l.closed[r.word] {
				return
			}
			for _, f := range m.inflect(r.word, a.form) {
				p.add(f, l.qChannel(r.nSyn), Morphology)
			}
		})
	}
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
func (l *Lexicon) prune(w string, best map[string]Candidate) []Candidate {
	alts := make([]Candidate, 0, len(best))
	score := make(map[string]float64, len(best))
	for _, c := range best {
		alts = append(alts, c)
		score[c.Word] = c.Channel + l.unigram(c.Word)
	}
	sort.Slice(alts, func(i, j int) bool {
		si, sj := score[alts[i].Word], score[alts[j].Word]
		if si != sj {
			return si > sj
		}
		return alts[i].Word < alts[j].Word
	})
	if len(alts) > l.opts.K-1 {
		alts = alts[:l.opts.K-1]
	}
	out := make([]Candidate, 0, len(alts)+1)
	out = append(out, Candidate{Word: w, Channel: l.keepChannel(w), Source: Keep})
	return append(out, alts...)
}
