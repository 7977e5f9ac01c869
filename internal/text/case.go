package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shape is the letter case pattern of a word, transferred from a spun word to
// its replacement.
type Shape uint8

const (
	Lower Shape = iota // no capital letters: "the", "long-term", also words without letters
	Title              // first letter capital, the rest of its part lower: "The", "Some-more", "A"
	Upper              // two or more letters, all capitals: "THE", "U.S."
	Mixed              // anything else: "iPhone", "McDonald", "ISIL's"
)

var shapeNames = [...]string{"Lower", "Title", "Upper", "Mixed"}

func (s Shape) String() string {
	if int(s) < len(shapeNames) {
		return shapeNames[s]
	}
	return "Shape(?)"
}

// ShapeOf returns the case pattern of word. A single capital ("A", "I") is
// Title; ShapeAt tells when it belongs to all-capital text. Parts after a
// hyphen or apostrophe may be capitalised in a Title word ("Long-Term",
// "Al-Assad" are Title); "O'Neill" too.
func ShapeOf(word string) Shape {
	word = trimPossessive(word)
	var letters, uppers int
	first := true // at the first letter of the word
	partStart := true
	title := true
	for _, r := range word {
		if !unicode.IsLetter(r) {
			if r == '-' || r == '‐' || r == '‑' || isApostrophe(r) {
				partStart = true
			}
			continue
		}
		letters++
		up := unicode.IsUpper(r) || unicode.IsTitle(r)
		if up {
			uppers++
			if !first && !partStart {
				title = false
			}
			if first && !up {
				title = false
			}
		} else if first {
			title = false
		}
		first, partStart = false, false
	}
	switch {
	case uppers == 0:
		return Lower
	case uppers == letters && letters > 1:
		return Upper
	case title:
		return Title
	}
	return Mixed
}

// trimPossessive drops a final 's so that "ISIL's" reads as all capitals.
func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// ApplyShape returns lower (a lowercase word) in the given shape: Title
// capitalises its first letter only ("Some-more" -> Title -> "More" when lower
// is "more"), Upper capitalises all, Lower and Mixed return lower unchanged
// (a mixed pattern does not transfer between different words).
func ApplyShape(shape Shape, lower string) string {
	switch shape {
	case Title:
		for i, r := range lower {
			if !unicode.IsLetter(r) {
				continue
			}
			t := unicode.ToTitle(r)
			if t == r {
				return lower
			}
			n := utf8.RuneLen(r)
			return lower[:i] + string(t) + lower[i+n:]
		}
		return lower
	case Upper:
		return strings.ToUpper(lower)
	}
	return lower
}

// ShapeAt returns the shape of word token i of toks, reading a single
// capital letter as Upper when the nearest word on either side is all
// capitals ("A DEFENSE CHIEF" -> Upper, so "a" -> "THE").
func ShapeAt(src []byte, toks []Token, i int) Shape {
	w := string(src[toks[i].Start:toks[i].End])
	sh := ShapeOf(w)
	if sh != Title || utf8.RuneCountInString(w) != 1 {
		return sh
	}
	for _, step := range []int{1, -1} {
		for j := i + step; j >= 0 && j < len(toks); j += step {
			if toks[j].Kind == Word {
				if ShapeOf(string(src[toks[j].Start:toks[j].End])) == Upper {
					return Upper
				}
				break
			}
			if toks[j].Kind == Newline {
				break
			}
		}
	}
	return sh
}

// SentenceInitial reports whether word token i is the first word of
// sentence s, so that its capital may be due to position alone: nothing but
// space, markup, list markers and opening quotes precede it in the sentence,
// or it follows a colon ("in Syria: One is"), or an opening quote after a
// comma ("said, “We").
func SentenceInitial(src []byte, toks []Token, s Sentence, i int) bool {
	quoted := false
	for j := i - 1; j >= s.Start; j-- {
		t := toks[j]
		switch t.Kind {
		case Space, Newline, Markup, Number:
			continue
		case Punct:
			switch string(src[t.Start:t.End]) {
			case ":":
				return true
			case ",":
				return quoted
			case "“", "\"", "‘", "'", "«", "(", "[", "—", "–", "-", "--":
				quoted = true
				continue
			case "*", "•", "#", "+", ".", ")", ">", "|":
				continue // list, heading and quote markers
			}
		}
		return false
	}
	return true
}

// Headline reports whether sentence s is written in title case, as headings
// often are ("Washington And Moscow Start Talks"): at least two words and
// every word of four or more letters capitalised. Capitals there say nothing
// about proper nouns.
func Headline(src []byte, toks []Token, s Sentence) bool {
	long := 0
	for j := s.Start; j < s.End; j++ {
		t := toks[j]
		if t.Kind != Word || t.End-t.Start < 4 {
			continue
		}
		r, _ := utf8.DecodeRune(src[t.Start:t.End])
		if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			return false
		}
		long++
	}
	return long >= 2
}
