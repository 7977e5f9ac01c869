package repair_test

import (
	"bytes"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// checkEdits asserts the contract every renderer relies on: edits in order,
// not overlapping, inside the input, each reading From, and applying them
// touches no byte outside them.
func checkEdits(t *testing.T, src []byte, edits []repair.Edit) {
	t.Helper()
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			t.Fatalf("edit %+v out of order or range (previous end %d, input %d bytes)", e, last, len(src))
		}
		if string(src[e.Start:e.End]) != e.From {
			t.Fatalf("edit %+v: input reads %q", e, src[e.Start:e.End])
		}
		if e.Confidence < 0 || e.Confidence > 1 {
			t.Fatalf("edit %+v: confidence out of [0,1]", e)
		}
		last = e.End
	}
	out := repair.Apply(src, edits)
	// Walk both texts: outside applied edits they must agree byte for byte.
	i, j := 0, 0
	for _, e := range edits {
		if !e.Applied {
			continue
		}
		if !bytes.Equal(src[i:e.Start], out[j:j+e.Start-i]) {
			t.Fatalf("bytes before edit %+v changed", e)
		}
		j += e.Start - i + len(e.To)
		i = e.End
	}
	if !bytes.Equal(src[i:], out[j:]) {
		t.Fatalf("bytes after the last edit changed")
	}
}

func FuzzRepairEdits(f *testing.F) {
	for _, s := range []string{
		"A infantry bottom on Syria’s coast.\r\nHe pronounced it was a usually approach.",
		"a a a a\x00 the \xff\xfe during a",
		"Some-more than a year, “a initial approach talks” — during a revisit.",
		"",
		"   \n\n\t",
	} {
		f.Add([]byte(s))
	}
	r := newDefault(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkEdits(t, src, r.Repair(src))
	})
}
