package repair

import (
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/text"
)

// TestUnjoinEdits: edits of the joined text land on the original bytes, and
// a replaced broken word keeps its line break at a word boundary where a
// space allows it.
func TestUnjoinEdits(t *testing.T) {
	all := func(l, r string) bool { return true }
	for _, tc := range []struct {
		name, src string
		from, to  string // the edit, in the joined text
		want      string
	}{
		{"word, space after", "a counter-\nfeit mind", "counterfeit", "false", "a false\nmind"},
		{"word, end of sentence", "a counter-\nfeit.", "counterfeit", "false", "a false."},
		{"phrase, break inside", "counter-\nfeit consciousness here", "counterfeit consciousness", "artificial intelligence", "artificial\nintelligence here"},
		{"phrase, break in its last word", "colossal infor-\r\nmation sets", "colossal information", "big data", "big data\r\nsets"},
		{"word elsewhere", "a counter-\nfeit mind", "mind", "brain", "a counter-\nfeit brain"},
	} {
		j := text.JoinHyphens([]byte(tc.src), all)
		at := strings.Index(string(j.Text), tc.from)
		edits := unjoinEdits([]byte(tc.src), j, []Edit{{Start: at, End: at + len(tc.from), From: tc.from, To: tc.to, Applied: true}})
		if got := string(Apply([]byte(tc.src), edits)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if e := edits[0]; tc.src[e.Start:e.End] != e.From {
			t.Errorf("%s: From %q is not the original's %q", tc.name, e.From, tc.src[e.Start:e.End])
		}
	}
}
