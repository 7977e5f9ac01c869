package lexicon

import "math"

// morphologyCandidates reads w as an inflected form, looks its lemma up and
// re-inflects the lemma's originals to w's form: pronounced -> pronounce ->
// say -> said. The originals are the roots listing the lemma (Morphology)
// and the lemma's own synonyms (Synonym). Only the best of each (by channel
// + unigram) are inflected, since each inflection costs a model lookup: 2K
// of them, so the K best survivors are rarely lost.
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
			l.reinflect(p, r.word, forms[lemma], r.nSyn, l.morphChannel(r.nSyn), Morphology)
		}
		for _, s := range l.bestSynonyms(lemma, 2*l.opts.K) {
			l.reinflect(p, s.word, forms[lemma], s.nSyn, l.synonymChannel(s.nSyn), Synonym)
		}
		for _, r := range l.wordnetMates(lemma) {
			for _, f := range forms[lemma] {
				for _, inf := range m.inflect(r.word, f) {
					p.addWordNet(inf, r.nSyn)
				}
			}
		}
	}
}

// reinflect proposes original o put in each of the forms.
func (l *Lexicon) reinflect(p *pool, o string, forms []Form, n int, channel float64, src Source) {
	m := l.morph()
	for _, f := range forms {
		for _, inf := range m.inflect(o, f) {
			p.add(inf, n, channel, math.NaN(), src)
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
	return best(rs, sc, n)
}
