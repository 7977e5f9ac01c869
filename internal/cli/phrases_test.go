package cli

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// TestScreenReaderPlaces: read a window at a time, every phrase is placed
// at its offset, line and column in the whole document, also when a window
// begins inside a line.
func TestScreenReaderPlaces(t *testing.T) {
	var doc strings.Builder
	for i := range 200 {
		fmt.Fprintf(&doc, "Sentence %d speaks of bosom peril here. Another sentence follows it", i)
		if i%3 == 2 {
			doc.WriteString(".\n")
		} else {
			doc.WriteString(". ")
		}
	}
	src := doc.String()
	re := regexp.MustCompile(`bosom peril`)
	screen := func(w []byte) []repair.Phrase {
		var out []repair.Phrase
		for _, m := range re.FindAllIndex(w, -1) {
			out = append(out, repair.Phrase{Start: m[0], End: m[1], Spun: string(w[m[0]:m[1]])})
		}
		return out
	}
	for _, window := range []int{64, 1000, 1 << 20} {
		found, _, err := screenReader(strings.NewReader(src), window, screen)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != 200 {
			t.Fatalf("window %d: %d phrases, want 200", window, len(found))
		}
		for _, f := range found {
			lineStart := strings.LastIndexByte(src[:f.Start], '\n') + 1
			line := strings.Count(src[:f.Start], "\n") + 1
			if src[f.Start:f.End] != "bosom peril" || f.line != line || f.column != f.Start-lineStart+1 {
				t.Fatalf("window %d: phrase at %d placed at %d:%d, want %d:%d", window, f.Start, f.line, f.column, line, f.Start-lineStart+1)
			}
		}
	}
}
