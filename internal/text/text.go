// Package text splits prose into tokens and sentences with byte offsets,
// transfers letter case, and applies edits without touching any other byte.
package text

import (
	"strings"
	"unicode"
)

// LMWords splits running text into sentences of normalised words, the form
// the language model is trained and queried on: lowercased, typographic
// apostrophes made ASCII, punctuation dropped.
//
// This is a placeholder the tokenizer replaces; its contract is the stable part.
func LMWords(line string) []string {
	f := strings.FieldsFunc(strings.ToLower(line), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	})
	for i, w := range f {
		f[i] = strings.ReplaceAll(w, "’", "'")
	}
	return f
}
