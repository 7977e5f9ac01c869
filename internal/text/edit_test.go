package text

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	src := []byte("A infantry bottom,\r\n\tthe “quarrel”\x00\xff during a year")
	at := func(s string) (int, int) {
		i := strings.Index(string(src), s)
		return i, i + len(s)
	}
	s1, e1 := at("A")
	s2, e2 := at("infantry bottom")
	s3, e3 := at("quarrel")
	s4, e4 := at("during")
	edits := []Edit{{s1, e1, "The"}, {s2, e2, "military base"}, {s3, e3, "war"}, {s4, e4, "at"}, {len(src), len(src), "\n"}}
	got, err := Apply(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	want := "The military base,\r\n\tthe “war”\x00\xff at a year\n"
	if string(got) != want {
		t.Errorf("Apply\n got %q\nwant %q", got, want)
	}
	if same, _ := Apply(src, nil); string(same) != string(src) {
		t.Errorf("Apply with no edits changed the input")
	}
}

func TestApplyRejectsBadEdits(t *testing.T) {
	src := []byte("abcdef")
	for name, edits := range map[string][]Edit{
		"overlap":   {{0, 3, "x"}, {2, 4, "y"}},
		"unsorted":  {{3, 4, "x"}, {0, 1, "y"}},
		"reversed":  {{3, 2, "x"}},
		"negative":  {{-1, 2, "x"}},
		"past end":  {{4, 7, "x"}},
		"insert in": {{0, 3, "x"}, {1, 1, "y"}},
	} {
		if out, err := Apply(src, edits); err == nil {
			t.Errorf("%s: Apply accepted %v, giving %q", name, edits, out)
		}
	}
	// Touching edits and insertions at the same point are fine.
	out, err := Apply(src, []Edit{{0, 2, "X"}, {2, 2, "+"}, {2, 2, "-"}, {2, 3, "Y"}})
	if err != nil || string(out) != "X+-Ydef" {
		t.Errorf("Apply touching edits = %q, %v; want \"X+-Ydef\"", out, err)
	}
}
