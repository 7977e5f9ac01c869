package policy

import (
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

func TestIgnored(t *testing.T) {
	src := "one\ntwo <!-- unspin:ignore -->\nthree\n# unspin:off\nfour\nfive\n# unspin:on\nsix\n"
	var got []string
	for _, s := range Ignored([]byte(src)) {
		got = append(got, src[s.Start:s.End])
	}
	want := []string{"two <!-- unspin:ignore -->\n", "# unspin:off\nfour\nfive\n# unspin:on\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Ignored = %q, want %q", got, want)
	}
	// An unspin:off never closed runs to the end, last line without newline included.
	src = "a\nunspin:off\nb"
	if s := Ignored([]byte(src)); len(s) != 1 || src[s[0].Start:s[0].End] != "unspin:off\nb" {
		t.Errorf("unclosed region: %v", s)
	}
}

func TestEditsDropMarkedLines(t *testing.T) {
	src := "a infantry\nthe infantry // unspin:ignore\nunspin:off\ninfantry\nunspin:on\nlast infantry"
	var edits []repair.Edit
	for i := 0; ; {
		j := strings.Index(src[i:], "infantry")
		if j < 0 {
			break
		}
		edits = append(edits, repair.Edit{Start: i + j, End: i + j + 8, From: "infantry", To: "military", Confidence: 0.9, Applied: true})
		i += j + 8
	}
	p := &Policy{Deny: mustList(t, "a -> the\n")}
	got := apply(src, p.Edits([]byte(src), edits))
	want := "the military\nthe infantry // unspin:ignore\nunspin:off\ninfantry\nunspin:on\nlast military"
	if got != want {
		t.Errorf("fixed =\n%s\nwant\n%s", got, want)
	}
	var nilPolicy *Policy
	if n := len(nilPolicy.Edits([]byte(src), edits)); n != 2 {
		t.Errorf("a nil policy still honours markers: got %d edits, want 2", n)
	}
}
