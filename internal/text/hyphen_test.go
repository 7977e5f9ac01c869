package text

import (
	"strings"
	"testing"
)

func TestJoinHyphens(t *testing.T) {
	words := map[string]bool{"counterfeit": true, "information": true, "research": true}
	join := func(l, r string) bool { return words[strings.ToLower(l+r)] }
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "a counter-\nfeit mind", "a counterfeit mind"},
		{"crlf and indentation", "infor-\r\n   mation.", "information."},
		{"soft hyphen, capital", "Re\u00ad\nsearch", "Research"},
		{"several", "counter-\nfeit infor-\nmation", "counterfeit information"},
		{"not a word", "long-\nterm", ""},
		{"inside a longer compound", "state-of-the-\nart counter-feit-\nfeit", ""},
		{"digits", "counter-\nfeit2 2counter-\nfeit", ""},
		{"no line break", "counter-feit", ""},
		{"blank line between", "counter-\n\nfeit", ""},
	} {
		j := JoinHyphens([]byte(tc.in), join)
		if tc.want == "" {
			if j != nil {
				t.Errorf("%s: joined %q", tc.name, j.Text)
			}
			continue
		}
		if j == nil || string(j.Text) != tc.want {
			t.Errorf("%s: got %v, want %q", tc.name, j, tc.want)
			continue
		}
		// Every byte of the joined text maps back to the same byte.
		for i := range j.Text {
			if o := j.Orig(i); tc.in[o] != j.Text[i] {
				t.Errorf("%s: Text[%d] = %q maps to %d, %q", tc.name, i, j.Text[i], o, tc.in[o])
			}
		}
		for i := range j.Text {
			if a := j.At(j.Orig(i)); a != i {
				t.Errorf("%s: At(Orig(%d)) = %d", tc.name, i, a)
			}
		}
		if o := j.Orig(len(j.Text)); o != len(tc.in) {
			t.Errorf("%s: the end maps to %d, want %d", tc.name, o, len(tc.in))
		}
	}
}

func TestJoinedWithin(t *testing.T) {
	j := JoinHyphens([]byte("a counter-\nfeit mind"), func(l, r string) bool { return true })
	if got := j.Within(2, 13); len(got) != 1 || got[0].At != 9 || got[0].Removed != "-\n" || got[0].Break != "\n" {
		t.Errorf("Within(2, 13) = %+v", got)
	}
	if got := j.Within(13, 18); len(got) != 0 {
		t.Errorf("Within(13, 18) = %+v", got)
	}
}

// BenchmarkJoinHyphens scans prose with a line break every 70 bytes and a
// hyphen at one line end in ten, none of them joined: the cost every
// repaired text pays.
func BenchmarkJoinHyphens(b *testing.B) {
	line := strings.Repeat("word ", 13) + "wo-\n"
	src := []byte(strings.Repeat(strings.Repeat(strings.Repeat("word ", 14)+"\n", 9)+line, 2000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		JoinHyphens(src, func(l, r string) bool { return false })
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"counter-\nfeit ": "counterfeit",
		"artificial\n":    "artificial",
		"long-term":       "long-term",
		" a\n b ":         "a b",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
