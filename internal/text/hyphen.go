package text

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words hyphenated at a line end.
//
// Text laid out for print, and pdftotext's output of it, breaks long words
// across lines with a hyphen: "counter-\nfeit consciousness". Read as it
// stands, that is two words, "counter-" and "feit", and no phrase or
// original matches it. JoinHyphens takes such breaks out where the caller
// says the joined word is one word (not a compound such as "long-term",
// whose hyphen belongs to it), giving a text to match against and a map
// from its offsets back to the original's, so that what is found can be
// reported, and repaired, in the original bytes.

// Joined is a text with some line-end hyphenations removed.
type Joined struct {
	Text []byte
	Cuts []Cut // in order of position
}

// Cut is one removed hyphenation: the hyphen and the line break after it
// (with the next line's indentation) that stood at Text offset At, and at
// Orig in the original.
type Cut struct {
	At, Orig int
	Removed  string // the bytes taken out: hyphen, line break, indentation
	Break    string // the line break alone ("\n" or "\r\n")
}

// hyphens are the characters that break a word at a line end: the ASCII
// hyphen-minus, Unicode's hyphen, and the soft hyphen a layout may print.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u00ad' }

// JoinHyphens finds each word broken across a line end by a hyphen (a run
// of letters, a hyphen, a line break, optional spaces or tabs, a run of
// letters) and asks join whether its two halves are one word; it returns
// nil when none is. A half that is part of a longer hyphenated word
// ("state-of-the-\nart") is left alone.
func JoinHyphens(src []byte, join func(left, right string) bool) *Joined {
	var j *Joined
	last := 0 // end of the original copied so far
	for from := 0; from < len(src); {
		nl := bytes.IndexByte(src[from:], '\n')
		if nl < 0 {
			break
		}
		nl += from
		from = nl + 1
		brk := nl // where the line break begins
		if brk > 0 && src[brk-1] == '\r' {
			brk--
		}
		r, n := utf8.DecodeLastRune(src[last:brk])
		if !isHyphen(r) {
			continue
		}
		i := brk - n // the hyphen
		left := letterRunBefore(src, i)
		lb, right, end := breakAfter(src, brk)
		if left == "" || right == "" || !join(left, right) {
			continue
		}
		if j == nil {
			j = &Joined{Text: make([]byte, 0, len(src))}
		}
		j.Text = append(j.Text, src[last:i]...)
		j.Cuts = append(j.Cuts, Cut{At: len(j.Text), Orig: i, Removed: string(src[i : end-len(right)]), Break: lb})
		last = end - len(right)
		from = max(from, last)
	}
	if j == nil {
		return nil
	}
	j.Text = append(j.Text, src[last:]...)
	return j
}

// letterRunBefore returns the letters that end at src[i], when they begin
// a word: not after another letter's hyphen, digit or apostrophe.
func letterRunBefore(src []byte, i int) string {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRune(src[:start])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) || isHyphen(r) || r == '\'' || r == '’' {
				return ""
			}
			break
		}
		start -= n
	}
	return string(src[start:i])
}

// breakAfter reads, from src[i], a line break, optional indentation and a
// run of letters that ends the word (no hyphen or digit after it). It
// returns the line break, the letters and the offset just past them; the
// letters are "" when the text there is not so.
func breakAfter(src []byte, i int) (brk, right string, end int) {
	switch {
	case i < len(src) && src[i] == '\n':
		brk = "\n"
	case i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n':
		brk = "\r\n"
	default:
		return "", "", i
	}
	k := i + len(brk)
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	start := k
	for k < len(src) {
		r, n := utf8.DecodeRune(src[k:])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) || isHyphen(r) {
				return brk, "", k
			}
			break
		}
		k += n
	}
	return brk, string(src[start:k]), k
}

// Orig maps an offset of Text back to the original: the byte at Text[off]
// is the original's at Orig(off). An offset at a cut, which no word
// boundary is, maps past the removed bytes.
func (j *Joined) Orig(off int) int {
	shift := 0
	for _, c := range j.Cuts {
		if c.At > off {
			break
		}
		shift += len(c.Removed)
	}
	return off + shift
}

// At maps an offset of the original to Text, the inverse of Orig; an
// offset inside removed bytes maps to their cut.
func (j *Joined) At(orig int) int {
	shift := 0
	for _, c := range j.Cuts {
		if c.Orig >= orig {
			break
		}
		if orig < c.Orig+len(c.Removed) {
			return c.At
		}
		shift += len(c.Removed)
	}
	return orig - shift
}

// Within returns the cuts inside Text[start:end].
func (j *Joined) Within(start, end int) []Cut {
	var in []Cut
	for _, c := range j.Cuts {
		if c.At > start && c.At < end {
			in = append(in, c)
		}
	}
	return in
}

// OneLine returns s as one line for display: a hyphen at a line end
// between letters taken out with the break ("counter-\nfeit" is
// "counterfeit"), other whitespace runs made single spaces, and the ends
// trimmed. An edit over a word the repairer read whole shows so.
func OneLine(s string) string {
	j := JoinHyphens([]byte(s), func(string, string) bool { return true })
	if j != nil {
		s = string(j.Text)
	}
	return strings.Join(strings.Fields(s), " ")
}
