// Package text splits prose into tokens and sentences with byte offsets,
// transfers letter case, and applies edits without touching any other byte.
//
// Everything works on offsets into the caller's bytes, so that a repair can
// change a word and leave every other byte (white space, CRLF, quotes, invalid
// UTF-8) exactly as it was. The tokenizer is a hand-written byte scanner with
// no regular expressions: the decoder runs it over every input, and it
// allocates nothing but the token slice (AppendTokens reuses even that).
//
// Decisions a caller should know:
//   - A word keeps internal apostrophes and hyphens (can't, Washington’s,
//     long-term, some-more, al-Assad) because the language model's vocabulary
//     holds such forms; a word the model lacks ("some-more") is for the
//     lexicon to map, not for the tokenizer to split.
//   - A word with a digit (50-minute, COVID-19, mp3) is one Protected word:
//     spinners leave numbers alone and the model has no digits.
//   - Curly and straight quotes around words are punctuation; an apostrophe
//     opening a known elision ('em) or ending a plural possessive
//     (countries’) belongs to the word.
//   - Dotted acronyms keep their dots (U.S.) and normalise without them
//     ("us"), the form in which the model knows "the U.S.".
//   - URLs, e-mail addresses, @handles, #tags, inline code, fenced code and
//     HTML are single Protected tokens; all but fenced code and markup sit in
//     the model's word stream as unknown words (see Token.IsWord).
package text

import (
	"unicode"
	"unicode/utf8"
)

// LMWords returns the normalised words of a line or sentence, the exact forms
// the language model is trained and queried on: Norm of every token of
// Tokenize for which IsWord holds (see AppendLM), punctuation and space dropped.
func LMWords(line string) []string {
	src := []byte(line)
	toks := Tokenize(src)
	out := make([]string, 0, len(toks)/2+1)
	var buf []byte
	for _, t := range toks {
		if t.IsWord() {
			buf = AppendLM(buf[:0], src, t)
			out = append(out, string(buf))
		}
	}
	return out
}

// AppendLM appends the language-model form of token t to dst: Norm of its
// text. Protected word-like tokens that are not words (URLs, addresses,
// handles, tags, code) keep their text, which no model knows, so they score as
// unknown words.
func AppendLM(dst []byte, src []byte, t Token) []byte {
	return AppendNorm(dst, src[t.Start:t.End])
}

// Norm returns the language-model form of a word: lowercase, typographic
// apostrophes (’ ʼ ‘) as ', Unicode hyphens as -, soft hyphens removed, the
// fi/fl ligatures spelled out, and the dots of a dotted acronym removed
// (U.S. -> us, a.m. -> am: the model spells "the U.S." as "the us").
func Norm(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '.' {
			return string(AppendNorm(make([]byte, 0, len(word)), []byte(word)))
		}
	}
	return word
}

// AppendNorm appends Norm(word) to dst without allocating when dst has room.
func AppendNorm(dst []byte, word []byte) []byte {
	dropDots := isDottedAcronym(word)
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != '.' || !dropDots {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(word[i:])
		i += n
		switch r {
		case '’', 'ʼ', '‘', '′':
			dst = append(dst, '\'')
		case '‐', '‑':
			dst = append(dst, '-')
		case '\u00AD':
		case 'ﬁ':
			dst = append(dst, "fi"...)
		case 'ﬂ':
			dst = append(dst, "fl"...)
		case utf8.RuneError:
			dst = append(dst, word[i-n:i]...) // keep invalid bytes as they are
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// isDottedAcronym reports whether w is letters each followed by a dot: U.S., e.g.
func isDottedAcronym(w []byte) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if asciiClass[w[i]] != cLetter || w[i] >= 0x80 || w[i+1] != '.' {
			return false
		}
	}
	return true
}
