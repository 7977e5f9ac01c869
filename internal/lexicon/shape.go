package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Changeable reports whether a token, as it appears in the text, may be a
// spun word at all. The spinners seen never touch capitalised words, numbers,
// URLs, e-mail addresses, words with digits or code-like tokens, so those
// only ever get the keep candidate. A changeable token is lowercase letters,
// possibly joined by hyphens or apostrophes (ASCII or typographic).
func Changeable(surface string) bool {
	if surface == "" || strings.Contains(surface, "--") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(surface)
	if !unicode.IsLower(first) {
		return false
	}
	prev := first
	for _, r := range surface {
		switch {
		case unicode.IsLower(r):
		case r == '-' || r == '\'' || r == '’':
			if prev == '-' || prev == '\'' || prev == '’' {
				return false
			}
		default: // upper case inside (camelCase), digits, '.', '_', '/', '@', ':'
			return false
		}
		prev = r
	}
	return prev != '-'
}

// normalize lowercases a word and makes typographic apostrophes ASCII, the
// form the dictionaries and the language model use.
func normalize(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}
