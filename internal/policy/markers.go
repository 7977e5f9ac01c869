package policy

import "bytes"

// Inline markers. A line holding unspin:ignore is left alone; every line from
// one holding unspin:off to the next holding unspin:on (both included) is left
// alone, to the end of the text when unspin:on never comes. They may sit in
// any comment syntax: <!-- unspin:off -->, # unspin:ignore, // unspin:on.
var (
	markIgnore = []byte("unspin:ignore")
	markOff    = []byte("unspin:off")
	markOn     = []byte("unspin:on")
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Ignored returns the byte ranges of src the markers exclude, in order and
// not overlapping. Each range covers whole lines, line break included.
func Ignored(src []byte) []Span {
	var spans []Span
	off := -1 // start of the open unspin:off region
	for start := 0; start < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		line := src[start:end]
		switch {
		case off >= 0:
			if bytes.Contains(line, markOn) {
				spans = add(spans, Span{off, end})
				off = -1
			}
		case bytes.Contains(line, markOff):
			off = start
		case bytes.Contains(line, markIgnore):
			spans = add(spans, Span{start, end})
		}
		start = end
	}
	if off >= 0 {
		spans = add(spans, Span{off, len(src)})
	}
	return spans
}

// add appends s, joining it to the last span when they touch.
func add(spans []Span, s Span) []Span {
	if n := len(spans); n > 0 && spans[n-1].End == s.Start {
		spans[n-1].End = s.End
		return spans
	}
	return append(spans, s)
}

// inside reports whether [start, end) overlaps one of the sorted spans.
func inside(spans []Span, start, end int) bool {
	for _, s := range spans {
		if start < s.End && s.Start < end {
			return true
		}
		if s.Start >= end {
			break
		}
	}
	return false
}
