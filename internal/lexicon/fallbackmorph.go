package lexicon

import "strings"

// The table holds the inflections of thesaurus words the ranking model
// knows. A spinner also writes ones it does not know ("metropolises",
// "egressed"): for those, inflectedOriginals reads the word by the regular
// rules, and re-inflects the thesaurus roots the table lists for the lemma.
// Only regular rules are used, so no verb table is parsed at query time;
// an irregular root ("say" -> "said") is left out.

// regularReading is one way to read a word as lemma + suffix.
type regularReading struct {
	suffix, add string
	forms       []Form
	double      bool // the lemma's final consonant was doubled (stopped)
}

var regularReadings = []regularReading{
	{"ies", "y", []Form{Plural, ThirdSg}, false},
	{"es", "", []Form{Plural, ThirdSg}, false},
	{"s", "", []Form{Plural, ThirdSg}, false},
	{"ied", "y", []Form{Past, Participle}, false},
	{"ed", "", []Form{Past, Participle}, true},
	{"ed", "", []Form{Past, Participle}, false},
	{"d", "", []Form{Past, Participle}, false},
	{"ing", "", []Form{Ing}, true},
	{"ing", "", []Form{Ing}, false},
	{"ing", "e", []Form{Ing}, false},
	{"ier", "y", []Form{Comparative}, false},
	{"iest", "y", []Form{Superlative}, false},
	{"er", "", []Form{Comparative}, false},
	{"r", "", []Form{Comparative}, false},
	{"est", "", []Form{Superlative}, false},
	{"st", "", []Form{Superlative}, false},
}

// inflectedOriginals appends the re-inflected roots of w's regular lemmas.
func (l *Lexicon) inflectedOriginals(alts []ranked, w string) []ranked {
	for _, r := range regularReadings {
		if !strings.HasSuffix(w, r.suffix) || len(w) <= len(r.suffix)+2 {
			continue
		}
		lemma := w[:len(w)-len(r.suffix)] + r.add
		if r.double {
			if !doubled(lemma) {
				continue
			}
			lemma = lemma[:len(lemma)-1]
		}
		id := l.cand.find(lemma)
		if id < 0 || !l.cand.flag(id, flagKey) || l.closed[lemma] {
			continue
		}
		for _, f := range r.forms {
			alts = l.reinflectList(alts, id, f)
		}
	}
	return alts
}

// reinflectList appends the thesaurus and WordNet originals of string id
// put in form f by the regular rules, those the model knows.
func (l *Lexicon) reinflectList(alts []ranked, id int, f Form) []ranked {
	a, b := l.cand.list(id)
	for e := a; e < b; e++ {
		wi, src, logN := l.cand.entry(e)
		if src != Thesaurus && src != WordNet {
			continue
		}
		o := regularForm(l.cand.str(wi), f)
		u, known := l.knownUnigram(o)
		if !known || l.closed[o] {
			continue
		}
		if src == Thesaurus {
			src = Morphology
		}
		ch := l.channelOf(src, logN)
		alts = append(alts, ranked{Candidate{Word: o, Channel: ch, Source: src}, ch + u, -1})
	}
	return alts
}

// regularForm is lemma in form f by the regular English rules.
func regularForm(lemma string, f Form) string {
	switch f {
	case Plural, ThirdSg:
		return sForm(lemma)
	case Past, Participle:
		return edForm(lemma)
	case Ing:
		return ingForm(lemma)
	case Comparative:
		return gradeForm(lemma, "er")
	case Superlative:
		return gradeForm(lemma, "est")
	}
	return lemma
}

// knownUnigram is the ranking unigram of w and whether w may be proposed:
// the table's model must know it, or without it in the table, the
// options' model.
func (l *Lexicon) knownUnigram(w string) (float64, bool) {
	if i := l.cand.find(w); i >= 0 {
		if u, ok := l.cand.unigram(i); ok {
			return u, true
		}
		return 0, false
	}
	if l.opts.Unigram == nil {
		return 0, false
	}
	return l.unigram(w), l.known(w)
}
