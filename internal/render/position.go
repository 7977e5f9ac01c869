// Package render turns one file's edit list into what users and programs
// read: a unified diff that git apply and patch accept, JSON Lines records, a
// summary, and a progress bar for long runs. Every output is derived from the
// same []repair.Edit, so the diff, the JSON and the rewritten file never
// disagree.
package render

import (
	"sort"

	"github.com/unspin/unspin/internal/repair"
)

// Select returns the edits to show: the applied ones, plus the suggestions
// (edits below the confidence threshold) when suggest is set.
func Select(edits []repair.Edit, suggest bool) []repair.Edit {
	var out []repair.Edit
	for _, e := range edits {
		if e.Applied || suggest {
			out = append(out, e)
		}
	}
	return out
}

// Lines maps byte offsets of a text to lines and columns.
type Lines struct {
	starts []int // byte offset of the start of each line
}

// NewLines indexes the line starts of src. Only "\n" ends a line, so a CRLF
// text's "\r" belongs to the line it ends, as for git and editors.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{starts: starts}
}

// Position returns the 1-based line and 1-based column of a byte offset. The
// column counts bytes, as Go's go/token and most compilers do: an editor that
// counts characters must convert on lines holding non-ASCII text.
func (l *Lines) Position(offset int) (line, column int) {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return i + 1, offset - l.starts[i] + 1
}
