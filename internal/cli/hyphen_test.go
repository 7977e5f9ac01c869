package cli

import (
	"strings"
	"testing"
)

// TestFixHyphenated: fix reads a word hyphenated at a line end whole, as
// pdftotext prints it, restores the phrase and keeps the text's line
// breaks; a compound's own hyphen and every other byte stay as they were.
func TestFixHyphenated(t *testing.T) {
	if testing.Short() {
		t.Skip("repairs with the built-in model")
	}
	in := "We trained the counter-\nfeit neural organization on colossal infor-\nmation sets for the long-\nterm.\n"
	want := "We trained the artificial\nneural network on big data\nsets for the long-\nterm.\n"
	if got := fixed(t, []string{"fix"}, in); got != want {
		t.Errorf("fix:\n%s\nwant:\n%s", got, want)
	}
	clean := "The sub-\nmarine surfaced near the long-\nterm mooring, and the re-\nsearch team went aboard.\n"
	if got := fixed(t, []string{"fix"}, clean); got != clean {
		t.Errorf("clean text changed:\n%s", got)
	}
	code, _, _ := runIn([]string{"check"}, "Colossal infor-\nmation and counter-\nfeit neural organizations.\n")
	if code != ExitFound {
		t.Errorf("check of a hyphenated spun text: exit %d, want %d", code, ExitFound)
	}
}

// TestExplainHyphenated: explain shows a word read whole across a line end
// as the word, and scores it so in its context.
func TestExplainHyphenated(t *testing.T) {
	if testing.Short() {
		t.Skip("repairs with the built-in model")
	}
	out := fixed(t, []string{"explain"}, "We trained the counter-\nfeit neural organization on it.\n")
	for _, want := range []string{"<stdin>:1:16: counterfeit -> artificial (applied)", "vs \"trained the counterfeit neural organization\""} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
}
