package learn

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestTableRoundTrip(t *testing.T) {
	in := NewTable([]Pair{{"twelvemonth", "year", 0.9, 40}, {"shore", "bank", 0.5, 3.5}})
	var b bytes.Buffer
	if err := in.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "#") {
		t.Errorf("no header comment:\n%s", b.String())
	}
	out, err := Read(&b, "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got := out.Originals("twelvemonth")
	if len(got) != 1 || got[0].Orig != "year" || got[0].Prob != 0.9 || got[0].Evidence != 40 {
		t.Errorf("read back %+v", got)
	}
	if out.Len() != 2 {
		t.Errorf("Len = %d, want 2", out.Len())
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"# ok\nshore\tbank\t0.5\n", "t.tsv:2: want 4"},
		{"shore\tbank\tlots\t3\n", "t.tsv:1: probability"},
		{"shore\tbank\t1.5\t3\n", "t.tsv:1: probability"},
		{"shore\tbank\t0.5\t-1\n", "t.tsv:1: evidence"},
		{"\nshore\tshore\t0.5\t3\n", "t.tsv:2: spun and original"},
	} {
		_, err := Read(strings.NewReader(tc.in), "t.tsv")
		var le *LineError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Read(%q) = %v, want %q...", tc.in, err, tc.want)
		}
	}
}

func TestChunk(t *testing.T) {
	src := []byte("a b c\nd e\nf g h i\nj\n")
	got := Chunk(src, 3)
	if len(got) != 3 || string(got[0]) != "a b c\n" || string(got[1]) != "d e\nf g h i\n" || string(got[2]) != "j\n" {
		t.Errorf("Chunk = %q", got)
	}
}
