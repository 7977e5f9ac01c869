package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestProseOnlyIsChanged runs the real model on Markdown and HTML: the spun
// prose is repaired, while code blocks, inline code, tag attributes and URLs
// holding the same spun words are not.
func TestProseOnlyIsChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in model")
	}
	t.Chdir(t.TempDir()) // no .unspin.toml or lists from the repository
	src := "Russian infantry moved to a bottom.\n\n```\na infantry bottom\n```\n\n" +
		"See `a infantry bottom` and <a title=\"a infantry bottom\" href=\"http://x.org/a-infantry\">a infantry bottom</a> at http://example.com/infantry.\n"
	var out, errb bytes.Buffer
	if code := Run([]string{"fix"}, Streams{In: strings.NewReader(src), Out: &out, Err: &errb}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := out.String()
	for _, kept := range []string{"```\na infantry bottom\n```", "`a infantry bottom`", `title="a infantry bottom"`,
		`href="http://x.org/a-infantry"`, "http://example.com/infantry."} {
		if !strings.Contains(got, kept) {
			t.Errorf("protected text %q was changed:\n%s", kept, got)
		}
	}
	for _, fixed := range []string{"Russian military moved", "military bottom</a>"} {
		if !strings.Contains(got, fixed) {
			t.Errorf("prose not repaired, want %q in:\n%s", fixed, got)
		}
	}
}
