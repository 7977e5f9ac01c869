package lexicon

import (
	"math"
	"sort"
)

// morphologyCandidates reads w as an inflected form, looks its lemma up and
// re-inflects the lemma's roots to w's form: pronounced -> pronounce -> say
// -> said. Only the best roots of each lemma (by channel + unigram) are
// inflected, since each inflection costs a model lookup: 2K of them, so the
// K best survivors are rarely lost.
func (l *Lexicon) morphologyCandidates(p *pool, w string) {
	m := l.morph()
	forms := map[string][]Form{}
	var lemmas []string
	for _, a := range m.analyse(w, l.inThesaurus) {
		if a.lemma == w {
			continue
		}
		if _, seen := forms[a.lemma]; !seen {
			lemmas = append(lemmas, a.lemma)
		}
		forms[a.lemma] = append(forms[a.lemma], a.form)
	}
	for _, lemma := range lemmas {
		for _, r := range l.bestRoots(lemma, 2*l.opts.K) {
			for _, f := range forms[lemma] {
				for _, inf := range m.inflect(r.word, f) {
					p.add(inf, r.nSyn, l.morphChannel(r.nSyn), math.NaN(), Morphology)
				}
			}
		}
	}
}

// bestRoots returns up to n single-word roots listing w, best first.
func (l *Lexicon) bestRoots(w string, n int) []root {
	var rs []root
	var sc []float64
	l.th.rootsOf(w, func(r root) {
		if s := l.rootScore(r); !math.IsInf(s, -1) {
			rs = append(rs, r)
			sc = append(sc, s)
		}
	})
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
