package files

import (
	"bytes"
	"unicode/utf8"
)

// Reasons Sniff gives for not repairing a file. They end the one-line notice
// "unspin: skipping PATH: REASON" (binary files keep their shorter wording).
const (
	Binary  = "binary file"
	UTF16LE = "unsupported encoding UTF-16LE"
	UTF16BE = "unsupported encoding UTF-16BE"
	UTF32   = "unsupported encoding UTF-32"
)

// SniffLen is how much of the start of a file Sniff needs.
const SniffLen = sniffLen

// Sniff returns why a file starting with head is not text unspin repairs, or
// "" when it is UTF-8 text (a UTF-8 byte-order mark included). complete is
// true when head is the whole file, so that a character cut at the end of
// head counts as invalid. UTF-16 and UTF-32 are recognised by their
// byte-order marks, or for UTF-16 without one by the NUL in every other
// byte that ASCII letters leave, so that the user learns the encoding
// rather than "binary".
func Sniff(head []byte, complete bool) string {
	if len(head) > sniffLen {
		head, complete = head[:sniffLen], false
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return UTF32
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if enc := utf16Pattern(head); enc != "" {
			return enc
		}
		return Binary
	}
	if !validHead(head, complete) {
		return Binary
	}
	return ""
}

// utf16Pattern recognises BOM-less UTF-16 by where the NUL bytes fall: in
// mostly-ASCII text one byte of each pair is NUL, always the same one.
func utf16Pattern(head []byte) string {
	n := min(len(head), 512) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even*10 <= pairs:
		return UTF16LE
	case even*10 >= pairs*7 && odd*10 <= pairs:
		return UTF16BE
	}
	return ""
}

// validHead reports whether head is valid UTF-8, allowing a character cut at
// its end when more of the file follows.
func validHead(head []byte, complete bool) bool {
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 {
			return !complete && len(head) < utf8.UTFMax && !utf8.FullRune(head)
		}
		head = head[size:]
	}
	return true
}
