package lexicon

import (
	"strings"
)

// Form is the inflection of a word relative to its lemma.
type Form uint8

const (
	Base        Form = iota // lemma, or a form we do not analyse
	Plural                  // nouns: warriors
	ThirdSg                 // verbs: says
	Ing                     // verbs: saying
	Past                    // verbs: said (simple past)
	Participle              // verbs: said (past participle)
	Comparative             // adjectives: bigger
	Superlative             // adjectives: biggest
)

// analysis is one reading of a word: its lemma and form.
type analysis struct {
	lemma string
	form  Form
}

// morphology holds verb paradigms and irregular forms both ways.
type morphology struct {
	verbs   map[string][4]string  // lemma -> 3sg, ing, past, participle
	verbOf  map[string][]analysis // verb form -> readings
	irreg   map[string][]analysis // irregular noun/adj/adv form -> readings
	irregOf map[analysis]string   // (lemma, form) -> irregular form
}

var verbSlots = [4]Form{ThirdSg, Ing, Past, Participle}

func parseMorphology(verbs, exceptions string) *morphology {
	// Sized from the shipped files (8,400 verbs with 25,000 distinct forms, 6,000 exceptions) so the
	// maps never grow while loading.
	m := &morphology{
		verbs: make(map[string][4]string, 8500), verbOf: make(map[string][]analysis, 26000),
		irreg: make(map[string][]analysis, 6500), irregOf: make(map[analysis]string, 6500),
	}
	var f [5]string
	for line := range strings.Lines(verbs) {
		if splitN(strings.TrimSuffix(line, "\n"), ',', f[:]) != 5 {
			continue
		}
		p := [4]string{f[1], f[2], f[3], f[4]}
		m.verbs[f[0]] = p
		for i, w := range p {
			if w != "" {
				m.verbOf[w] = append(m.verbOf[w], analysis{f[0], verbSlots[i]})
			}
		}
	}
	for _, line := range strings.Split(exceptions, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		a := analysis{f[1], excForm(f[0], f[2])}
		if a.form == Base {
			continue
		}
		m.irreg[f[0]] = append(m.irreg[f[0]], a)
		if _, ok := m.irregOf[a]; !ok {
			m.irregOf[a] = f[0]
		}
	}
	return m
}

// excForm guesses the form a WordNet exception stands for; verbs are
// covered by the XTAG paradigms.
func excForm(form, pos string) Form {
	switch pos {
	case "noun":
		return Plural
	case "adj", "adv":
		if strings.HasSuffix(form, "st") {
			return Superlative
		}
		return Comparative
	}
	return Base
}

// analyse returns the readings of w other than "w is its own lemma":
// paradigm and exception entries first, then regular suffix rules. known
// filters lemmas guessed by rules.
func (m *morphology) analyse(w string, known func(string) bool) []analysis {
	out := append([]analysis(nil), m.verbOf[w]...)
	out = append(out, m.irreg[w]...)
	for _, r := range suffixRules {
		if !strings.HasSuffix(w, r.suffix) || len(w) <= len(r.suffix)+2 {
			continue
		}
		lemma := w[:len(w)-len(r.suffix)] + r.add
		if r.double && !doubled(lemma) {
			continue
		}
		if r.double {
			lemma = lemma[:len(lemma)-1]
		}
		a := analysis{lemma, r.form}
		if known(lemma) && !containsAnalysis(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// isVerb reports whether the paradigms list w as a verb's lemma.
func (m *morphology) isVerb(w string) bool {
	_, ok := m.verbs[w]
	return ok
}

func containsAnalysis(as []analysis, a analysis) bool {
	for _, b := range as {
		if b == a {
			return true
		}
	}
	return false
}

func doubled(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && !isVowel(w[n-1])
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// suffixRules undo regular noun and adjective inflection (verbs come from
// the paradigms, which list 8,400 of them with their regular forms).
var suffixRules = []struct {
	suffix, add string
	form        Form
	double      bool
}{
	{"ies", "y", Plural, false},
	{"es", "", Plural, false},
	{"s", "", Plural, false},
	{"ier", "y", Comparative, false},
	{"iest", "y", Superlative, false},
	{"er", "", Comparative, true},
	{"est", "", Superlative, true},
	{"er", "", Comparative, false},
	{"est", "", Superlative, false},
	{"r", "", Comparative, false},
	{"st", "", Superlative, false},
}

// splitN splits s at sep into out without allocating and returns the number
// of fields, or len(out)+1 when there are more.
func splitN(s string, sep byte, out []string) int {
	n := 0
	for n < len(out) {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			out[n] = s
			return n + 1
		}
		out[n], s = s[:i], s[i+1:]
		n++
	}
	return n + 1
}
