package lexicon

import (
	"math"
	"strings"

	"github.com/agnivade/levenshtein"
)

// spellingCandidates adds American spellings of British ones (the spinners
// seen write "honour" and "vigour"), the joined form of a hyphenated word
// ("team-work"), and for a word the language model does not know, its known
// neighbours at edit distance one. Each variant is also looked up in the
// thesaurus and morphology, so "honour" reaches "respect" through "honor".
func (l *Lexicon) spellingCandidates(p *pool, w string) {
	for _, v := range variants(w) {
		if !strings.Contains(v, " ") && (l.known(v) || l.inThesaurus(v)) {
			d := spellDistance(w, v)
			p.add(v, d, l.spellChannel(d), math.NaN(), Spelling)
		}
		l.thesaurusCandidates(p, v)
		l.synonymCandidates(p, v)
		if !strings.Contains(v, " ") {
			l.morphologyCandidates(p, v)
		}
	}
	// A hyphenated compound's edit neighbours are other compounds or its
	// parts with a letter changed, never its original: its spelling
	// variants are the joined and spaced forms above.
	if l.opts.Unigram == nil || l.known(w) || strings.Contains(w, "-") {
		return
	}
	forEachEdit1(w, func(v []byte) {
		if l.knownBytes(v) {
			p.add(string(v), 1, l.spellChannel(1), math.NaN(), Spelling)
		}
	})
}

// spellDistance is the edit distance between a word and its variant, at
// least 1 (the n of a Spelling candidate).
func spellDistance(w, v string) int {
	return max(levenshtein.ComputeDistance(w, v), 1)
}

// spellChannel weighs a spelling neighbour at edit distance d.
func (l *Lexicon) spellChannel(d int) float64 {
	return math.Log10(l.opts.SpellRate) - math.Log10(float64(max(d, 1)))
}

// britishRules rewrite British spellings to American ones; each applies to
// the last occurrence of its pattern.
var britishRules = []struct{ from, to string }{
	{"our", "or"}, // honour, vigour, behaviour
	{"isation", "ization"},
	{"ise", "ize"}, // revitalise
	{"ising", "izing"},
	{"ised", "ized"},
	{"yse", "yze"},    // analyse
	{"tre", "ter"},    // centre
	{"ence", "ense"},  // defence, offence
	{"lled", "led"},   // travelled
	{"lling", "ling"}, // travelling
	{"ogue", "og"},    // catalogue
}

// variants returns other spellings of w: American forms of British ones,
// and for a hyphenated word its joined form ("teamwork") and its spaced
// form ("cease fire", looked up in the thesaurus only). Never one of its
// parts: "year-old" is not a spelling of "old", and the spinner swaps that
// do drop a part ("some-more" for "more") are in the swap table.
func variants(w string) []string {
	var out []string
	for _, r := range britishRules {
		if i := strings.LastIndex(w, r.from); i > 0 {
			out = append(out, w[:i]+r.to+w[i+len(r.from):])
		}
	}
	if strings.Contains(w, "-") {
		out = append(out, strings.ReplaceAll(w, "-", ""), strings.ReplaceAll(w, "-", " "))
	}
	return out
}

// maxSpellLen is the longest word given edit-distance neighbours. There
// are about 54 times its length of them, each as long as the word, so the
// cost grows with the square of the length; English words past 30 letters
// are chemistry, and a longer "word" is a hash or code.
const maxSpellLen = 30

// forEachEdit1 calls fn with each string one deletion, transposition,
// substitution or insertion of a lowercase letter away from w, none for a
// word longer than maxSpellLen. The strings are built in one buffer: fn
// must copy what it keeps.
func forEachEdit1(w string, fn func(v []byte)) {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	if len(w) > maxSpellLen {
		return
	}
	var space [maxSpellLen + 1]byte
	edit := func(parts ...string) {
		v := space[:0]
		for _, p := range parts {
			v = append(v, p...)
		}
		fn(v)
	}
	for i := 0; i <= len(w); i++ {
		a, b := w[:i], w[i:]
		if b != "" {
			edit(a, b[1:])
		}
		if len(b) > 1 {
			edit(a, b[1:2], b[:1], b[2:])
		}
		for j := 0; j < len(letters); j++ {
			if b != "" && b[0] != letters[j] {
				edit(a, letters[j:j+1], b[1:])
			}
			edit(a, letters[j:j+1], b)
		}
	}
}
