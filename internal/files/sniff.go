package files

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Reasons Sniff gives for not repairing a file. They end the one-line notice
// "unspin: skipping PATH: REASON" (binary files keep their shorter wording).
const (
	Binary = "binary file"
	UTF32  = "unsupported encoding UTF-32"
)

// The encodings Detect recognises besides UTF-8.
var (
	UTF16LE      = Encoding{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)}
	UTF16BE      = Encoding{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)}
	UTF16LENoBOM = Encoding{"UTF-16LE (no byte-order mark)", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}
	UTF16BENoBOM = Encoding{"UTF-16BE (no byte-order mark)", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}
	Windows1252  = Encoding{"Windows-1252", charmap.Windows1252}
	Latin1       = Encoding{"ISO-8859-1", charmap.ISO8859_1}
)

// SniffLen is how much of the start of a file Sniff needs.
const SniffLen = sniffLen

// Sniff returns why a file starting with head is not text unspin repairs,
// or "" when it is text in an encoding Detect recognises.
func Sniff(head []byte, complete bool) string {
	_, reason := Detect(head, complete)
	return reason
}

// Detect returns the encoding of a file starting with head, or why it is not
// text unspin repairs. complete is true when head is the whole file, so that
// a character cut at the end of head counts as invalid.
//
// UTF-8 (a byte-order mark included) is taken as is. UTF-16 is recognised by
// its byte-order mark, or without one by the NUL in every other byte that
// ASCII letters leave. Other text that is not valid UTF-8 and holds no
// control characters is read as Windows-1252, the superset of Latin-1 that
// most such files are written in; a file using one of the five bytes
// Windows-1252 leaves undefined is read as Latin-1 (ISO-8859-1), which
// defines every byte. UTF-32 is named but not read. What remains, NUL bytes
// or control characters, is binary.
func Detect(head []byte, complete bool) (Encoding, string) {
	if len(head) > sniffLen {
		head, complete = head[:sniffLen], false
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return Encoding{}, UTF32
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return UTF16LE, ""
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return UTF16BE, ""
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if enc, ok := utf16Pattern(head); ok {
			return enc, ""
		}
		return Encoding{}, Binary
	}
	if validHead(head, complete) {
		return UTF8, ""
	}
	if hasControls(head) {
		return Encoding{}, Binary
	}
	if hasUndefined1252(head) {
		return Latin1, ""
	}
	return Windows1252, ""
}

// hasUndefined1252 reports whether head holds one of the bytes Windows-1252
// does not define.
func hasUndefined1252(head []byte) bool {
	for _, b := range head {
		switch b {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

// hasControls reports whether head holds a control character text does not
// use: anything below space but tab, line feed, vertical tab, form feed,
// carriage return and escape (terminal colours), or DEL.
func hasControls(head []byte) bool {
	for _, b := range head {
		if b < ' ' && !bytes.ContainsRune([]byte("\t\n\v\f\r\x1b"), rune(b)) || b == 0x7f {
			return true
		}
	}
	return false
}

// utf16Pattern recognises BOM-less UTF-16 by where the NUL bytes fall: in
// mostly-ASCII text one byte of each pair is NUL, always the same one.
func utf16Pattern(head []byte) (Encoding, bool) {
	n := min(len(head), 512) &^ 1
	if n < 4 {
		return Encoding{}, false
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
		return UTF16LENoBOM, true
	case even*10 >= pairs*7 && odd*10 <= pairs:
		return UTF16BENoBOM, true
	}
	return Encoding{}, false
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
