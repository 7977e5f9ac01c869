package eval

import "strings"

// Infl is the inflection of a word form, as far as a spinner that re-inflects
// synonyms needs to know it.
type Infl uint8

// Inflections the spinner reproduces. Comparatives and superlatives are left
// out: "more X" would break the token alignment and irregular ones are rare.
const (
	Base      Infl = iota
	Plural         // nouns: bases
	ThirdSing      // verbs: takes
	Past           // verbs: took, taken, stopped (past and participle alike)
	Ing            // verbs: taking
)

// Lemma is one reading of a word form: its WordNet lemma, part of speech and
// inflection.
type Lemma struct {
	Word string
	POS  POS
	Infl Infl
}

// suffixRule is one of WordNet's morphy detachment rules: a form ending in
// suffix may be the lemma ending in ending, with the given inflection.
type suffixRule struct {
	pos            POS
	suffix, ending string
	infl           Infl
}

// rules are morphy's detachment rules (WordNet's morph.c), adjectives left
// out as explained at Infl.
var rules = []suffixRule{
	{Noun, "s", "", Plural}, {Noun, "ses", "s", Plural}, {Noun, "xes", "x", Plural},
	{Noun, "zes", "z", Plural}, {Noun, "ches", "ch", Plural}, {Noun, "shes", "sh", Plural},
	{Noun, "men", "man", Plural}, {Noun, "ies", "y", Plural},
	{Verb, "s", "", ThirdSing}, {Verb, "ies", "y", ThirdSing}, {Verb, "es", "e", ThirdSing},
	{Verb, "es", "", ThirdSing}, {Verb, "ed", "e", Past}, {Verb, "ed", "", Past},
	{Verb, "ing", "e", Ing}, {Verb, "ing", "", Ing},
}

// Lemmas returns every reading of a lowercase form: the form itself as a
// lemma, its irregular lemmas from the exception lists, and the lemmas the
// detachment rules give, kept only when WordNet has them.
func (w *WordNet) Lemmas(form string) []Lemma {
	var out []Lemma
	seen := map[Lemma]bool{}
	add := func(l Lemma) {
		if !seen[l] && w.Has(l.Word, l.POS) {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, p := range allPOS {
		add(Lemma{form, p, Base})
		if p == Noun || p == Verb {
			for _, l := range w.exc[posWord{p, form}] {
				add(Lemma{l, p, irregularInfl(p, form)})
			}
		}
	}
	for _, r := range rules {
		if strings.HasSuffix(form, r.suffix) && len(form) > len(r.suffix) {
			add(Lemma{form[:len(form)-len(r.suffix)] + r.ending, r.pos, r.infl})
		}
	}
	return out
}

// irregularInfl guesses the inflection of an irregular form from the
// exception list: nouns are plurals; verbs in -ing are participles, the rest
// past forms (the lists hold few others, and those are auxiliaries the
// spinner never touches).
func irregularInfl(p POS, form string) Infl {
	switch {
	case p == Noun:
		return Plural
	case strings.HasSuffix(form, "ing"):
		return Ing
	default:
		return Past
	}
}

// Inflect returns lemma in the given inflection, or false when the form is
// not certain: a multi-word lemma, or an irregular verb with several past
// forms (took/taken) when the caller cannot say which one it needs.
func (w *WordNet) Inflect(lemma string, p POS, infl Infl) (string, bool) {
	if infl == Base {
		return lemma, true
	}
	if strings.ContainsAny(lemma, "_- ") {
		return "", false
	}
	irregular := w.irregularForms(lemma, p, infl)
	switch {
	case len(irregular) == 1:
		return irregular[0], true
	case len(irregular) > 1:
		return "", false
	}
	switch infl {
	case Plural, ThirdSing:
		return addS(lemma), true
	case Past:
		return addEd(lemma), true
	default:
		return addIng(lemma), true
	}
}

// irregularForms are the exception-list forms of lemma with the given
// inflection.
func (w *WordNet) irregularForms(lemma string, p POS, infl Infl) []string {
	var out []string
	for _, f := range w.forms[posWord{p, lemma}] {
		if irregularInfl(p, f) == infl {
			out = append(out, f)
		}
	}
	return out
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func addS(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// addEd and addIng do not double final consonants: WordNet's verb exception
// list already holds the doubled forms (stopped, stopping).
func addEd(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func addIng(w string) string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "oe"), strings.HasSuffix(w, "ye"):
		return w + "ing"
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return w[:len(w)-1] + "ing"
	}
	return w + "ing"
}
