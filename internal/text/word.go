package text

import (
	"unicode"
	"unicode/utf8"
)

// word scans a word starting at s.i. Words are runs of letters, digits and
// combining marks joined by:
//   - an apostrophe (' ’ ʼ) between letters: can't, Washington’s, rock'n'roll;
//   - a trailing apostrophe after s, unless a single quote is open:
//     countries’ (the model has 600 such plural possessives);
//   - a hyphen (- ‐ ‑) between word characters: long-term, al-Assad,
//     some-more, brother-in-law, COVID-19; a double hyphen is a dash;
//   - dots in single-letter acronyms, final dot included: U.S., e.g., a.m.
//
// A word containing a digit (mp3, 50-minute, 1990s) is Protected. A word that
// turns out to be the start of a URL or an e-mail address becomes one.
func (s *scanner) word(flags Flag) {
	s.wordFrom(s.i, flags)
}

// wordFrom continues the word that starts at s.i from offset j.
func (s *scanner) wordFrom(j int, flags Flag) {
	src := s.src
	for {
		j, flags = s.wordRun(j, flags)
		if j >= len(src) {
			break
		}
		r, n := s.runeAt(j)
		if isApostrophe(r) {
			if s.isLetterAt(j + n) {
				j += n
				continue
			}
			if last := src[j-1]; (last == 's' || last == 'S') && !s.openSingle {
				j += n // plural possessive: countries’
			}
			break
		}
		if r == '-' || r == '‐' || r == '‑' {
			if r2, n2 := s.runeAt(j + n); n2 > 0 && isWordRune(r2) {
				j += n
				continue
			}
			break
		}
		if k := s.acronymEnd(j); k > j {
			j = k
			break
		}
		if end, kind, ok := s.special(j); ok {
			s.emit(end, kind, Protected)
			return
		}
		break
	}
	s.emit(j, Word, flags)
}

// wordRun consumes letters, digits and marks from j, flagging digits.
func (s *scanner) wordRun(j int, flags Flag) (int, Flag) {
	src := s.src
	for j < len(src) {
		c := src[j]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cLetter:
				j++
				continue
			case cDigit:
				j++
				flags |= Protected
				continue
			}
			return j, flags
		}
		r, n := utf8.DecodeRune(src[j:])
		if !isWordRune(r) {
			return j, flags
		}
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			flags |= Protected
		}
		j += n
	}
	return j, flags
}

// acronymEnd returns the end of a dotted acronym whose first letter is the
// whole word so far (U.S., U.S.A., e.g., a.m.), or j if there is none.
// Every letter must be followed by a dot, so "U.S" and "a.b" are not acronyms.
func (s *scanner) acronymEnd(j int) int {
	src := s.src
	if j-s.i != 1 || asciiClass[src[s.i]] != cLetter {
		return j
	}
	k := j
	for k+2 < len(src) && src[k] == '.' && asciiClass[src[k+1]] == cLetter && src[k+2] == '.' {
		k += 2
	}
	if k == j {
		return j
	}
	if k+1 < len(src) && isWordRune(rune(src[k+1])) && src[k+1] < utf8.RuneSelf {
		return j // "a.b.c" runs on into letters: not an acronym
	}
	return k + 1
}

// number scans digits with internal separators between digits (1,000.50,
// 3.14, 5:30). Digits running on into letters or a hyphenated word (1990s,
// 3D, 50-minute, 2015-09-18) make a Protected word instead.
func (s *scanner) number() {
	src := s.src
	j := s.i
	for {
		for j < len(src) && asciiClass[src[j]] == cDigit {
			j++
		}
		if j+1 < len(src) && (src[j] == ',' || src[j] == '.' || src[j] == ':') &&
			asciiClass[src[j+1]] == cDigit {
			j++
			continue
		}
		break
	}
	r, n := s.runeAt(j)
	switch {
	case n > 0 && r != utf8.RuneError && isWordRune(r):
		s.wordFrom(j, Protected)
		return
	case r == '-' || r == '‐' || r == '‑':
		if r2, n2 := s.runeAt(j + n); n2 > 0 && isWordRune(r2) {
			s.wordFrom(j, Protected)
			return
		}
	}
	s.emit(j, Number, Protected)
}

// elisions are the words the model spells with a leading apostrophe
// (CMU Sphinx en-us vocabulary: 'bout 'cause 'em 'n 'til), plus 'tis and
// 'twas. Any other leading apostrophe is an opening quote.
var elisions = []string{"bout", "cause", "em", "n", "til", "tis", "twas"}

// quote scans an apostrophe or single quote of n bytes that starts a token:
// an elision ('em), a year ('90s), or a quotation mark.
func (s *scanner) quote(n int) {
	j, _ := s.wordRun(s.i+n, 0)
	letters := s.src[s.i+n : j]
	if len(letters) > 0 {
		if r, _ := s.runeAt(j); !isApostrophe(r) && r != '-' {
			for _, e := range elisions {
				if equalFoldASCII(letters, e) {
					s.emit(j, Word, 0)
					return
				}
			}
			if len(letters) >= 2 && asciiClass[letters[0]] == cDigit && asciiClass[letters[1]] == cDigit {
				s.emit(j, Word, Protected) // '90s
				return
			}
		}
	}
	prevLetter := len(s.dst) > 0 && s.dst[len(s.dst)-1].End == s.i && s.dst[len(s.dst)-1].Kind == Word
	if len(letters) > 0 && !prevLetter {
		s.openSingle = true
	} else if !s.isLetterAt(s.i + n) {
		s.openSingle = false
	}
	s.emit(s.i+n, Punct, 0)
}

// equalFoldASCII reports whether b equals the lowercase ASCII word w, ignoring case.
func equalFoldASCII(b []byte, w string) bool {
	if len(b) != len(w) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
