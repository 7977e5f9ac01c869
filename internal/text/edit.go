package text

import "fmt"

// Edit replaces src[Start:End] by Text. Start == End inserts.
type Edit struct {
	Start, End int
	Text       string
}

// Apply returns src with edits made. Edits must be sorted by position and
// must not overlap (an insertion may touch a neighbour); otherwise Apply
// returns an error and no output. Every byte outside the edits is copied
// unchanged, whatever it is: CRLF, tabs, NUL, invalid UTF-8.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	if err := Check(len(src), edits); err != nil {
		return nil, err
	}
	grow := 0
	for _, e := range edits {
		grow += len(e.Text) - (e.End - e.Start)
	}
	out := make([]byte, 0, len(src)+max(grow, 0))
	return appendEdits(out, src, edits), nil
}

// AppendApply appends src with edits made to dst, for callers that reuse a
// buffer; the edits must pass Check.
func AppendApply(dst, src []byte, edits []Edit) ([]byte, error) {
	if err := Check(len(src), edits); err != nil {
		return dst, err
	}
	return appendEdits(dst, src, edits), nil
}

func appendEdits(dst, src []byte, edits []Edit) []byte {
	last := 0
	for _, e := range edits {
		dst = append(dst, src[last:e.Start]...)
		dst = append(dst, e.Text...)
		last = e.End
	}
	return append(dst, src[last:]...)
}

// Check reports whether edits are in range for an input of n bytes, sorted,
// and non-overlapping.
func Check(n int, edits []Edit) error {
	last := 0
	for i, e := range edits {
		switch {
		case e.Start < 0 || e.End < e.Start || e.End > n:
			return fmt.Errorf("edit %d [%d,%d) out of range for %d bytes", i, e.Start, e.End, n)
		case e.Start < last:
			return fmt.Errorf("edit %d [%d,%d) overlaps or precedes the edit before it, which ends at %d", i, e.Start, e.End, last)
		}
		last = e.End
	}
	return nil
}
