package stream

import (
	"bytes"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// FuzzChunks: whatever the input and window sizes, the windows join to the
// input, and with no edits the repaired output is the input byte for byte.
func FuzzChunks(f *testing.F) {
	f.Add([]byte("The infantry stood.\n\nA bottom.\r\nMr. Smith said so. "), 16)
	f.Add([]byte("```\ncode\n\n```\n\nprose. More prose."), 8)
	f.Add([]byte("\xef\xbb\xbfno\x00nul \xff\xfe invalid é"), 5)
	f.Add(bytes.Repeat([]byte("word "), 200), 32)
	f.Fuzz(func(t *testing.T, src []byte, min int) {
		min = 1 + abs(min)%512
		o := Options{Jobs: 2, Min: min, Max: min * 4}
		none := func([]byte) ([]repair.Edit, error) { return nil, nil }
		var joined, fixed bytes.Buffer
		err := Run(bytes.NewReader(src), none, o, func(w Window) error {
			if int64(joined.Len()) != w.Offset {
				t.Fatalf("window at %d after %d bytes", w.Offset, joined.Len())
			}
			if len(w.Src) > o.withDefaults().Max {
				t.Fatalf("window of %d bytes over Max", len(w.Src))
			}
			joined.Write(w.Src)
			fixed.Write(w.Fixed())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(joined.Bytes(), src) || !bytes.Equal(fixed.Bytes(), src) {
			t.Fatalf("output differs from input")
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
