package lexicon

import "strings"

// inflect returns the spellings of lemma in form f, best guess first. Verb
// forms come from the paradigms when the verb is listed, irregular noun and
// adjective forms from WordNet; otherwise regular English rules apply, and
// the caller keeps only spellings the language model knows.
func (m *morphology) inflect(lemma string, f Form) []string {
	if f == Base {
		return []string{lemma}
	}
	if p, ok := m.verbs[lemma]; ok {
		for i, slot := range verbSlots {
			if slot == f && p[i] != "" {
				return []string{p[i]}
			}
		}
	}
	if w, ok := m.irregOf[analysis{lemma, f}]; ok {
		return []string{w}
	}
	switch f {
	case Plural, ThirdSg:
		return []string{sForm(lemma)}
	case Past, Participle:
		return []string{edForm(lemma)}
	case Ing:
		return []string{ingForm(lemma)}
	case Comparative:
		return []string{gradeForm(lemma, "er")}
	case Superlative:
		return []string{gradeForm(lemma, "est")}
	}
	return nil
}

func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2])
}

func sForm(w string) string {
	switch {
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

func edForm(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case consonantY(w):
		return w[:len(w)-1] + "ied"
	case shortCVC(w):
		return w + w[len(w)-1:] + "ed"
	}
	return w + "ed"
}

func ingForm(w string) string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee"):
		return w[:len(w)-1] + "ing"
	case shortCVC(w):
		return w + w[len(w)-1:] + "ing"
	}
	return w + "ing"
}

func gradeForm(w, suffix string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + suffix[1:]
	case consonantY(w):
		return w[:len(w)-1] + "i" + suffix
	case shortCVC(w):
		return w + w[len(w)-1:] + suffix
	}
	return w + suffix
}

// shortCVC reports a one-syllable consonant-vowel-consonant word whose
// final consonant doubles before a vowel suffix (big -> bigger, stop ->
// stopped). Longer words are not doubled: their stress is unknown here.
func shortCVC(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	c, v, p := w[n-1], w[n-2], w[n-3]
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) {
			vowels++
		}
	}
	return vowels == 1 && !isVowel(c) && isVowel(v) && !isVowel(p) && strings.IndexByte("wxy", c) < 0
}
