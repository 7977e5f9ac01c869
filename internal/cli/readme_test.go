package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// These tests hold the README to what the tool prints, with the built-in
// model: the figures and transcripts a new user checks first.

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadmeDevEval: the README's command for the real sample runs as
// written (UNSPIN_SHARED set as it says) and prints the row's F0.5.
func TestReadmeDevEval(t *testing.T) {
	testdata.Shared(t, "samples/seed-article.dev.spun.txt")
	t.Setenv("UNSPIN_SHARED", testdata.SharedDir())
	m := regexp.MustCompile("(?m)^\\| real spun article, dev part[^\\n]*\\| ([0-9.]+) \\| `unspin (eval [^`]+)` \\|$").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("README: no row for the real sample with its eval command")
	}
	args := strings.Fields(os.ExpandEnv(m[2]))
	t.Chdir(testdata.RepoDir())
	code, out, errs := runIn(args, "")
	if code != ExitOK {
		t.Fatalf("%s: exit %d: %s", m[2], code, errs)
	}
	if !strings.Contains(out, "F0.5                  "+m[1]+"\n") {
		t.Errorf("README says F0.5 %s; the tool prints:\n%s", m[1], out)
	}
}

// TestReadmeReviewTranscript: the README's review session is the tool's,
// replayed with the same answers.
func TestReadmeReviewTranscript(t *testing.T) {
	doc := readme(t)
	start := strings.Index(doc, "$ unspin review article.txt\n…\n")
	if start < 0 {
		t.Fatal("README: no review transcript")
	}
	want := doc[start+len("$ unspin review article.txt\n…\n"):]
	want = want[:strings.Index(want, "```")]
	src, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("NO_COLOR", "1")
	os.WriteFile("article.txt", src, 0o644)
	var out, ui bytes.Buffer
	keys := "y\ny\ny\ny\ny\ny\nu\ny\ny\nq\n"
	Run([]string{"review", "article.txt"}, Streams{In: strings.NewReader(keys), Out: &out, Err: &ui})
	got := ui.String()
	if i := strings.Index(got, strings.SplitN(want, "\n", 2)[0]); i >= 0 {
		got = got[i:]
	}
	if got != want {
		t.Errorf("README transcript is stale; the tool prints:\n%s", got)
	}
}

// TestReadmeCheckSummary: the fields the README names for check's JSON
// summary are the ones it writes.
func TestReadmeCheckSummary(t *testing.T) {
	m := regexp.MustCompile("summary record \\(`(\\w+)`,\\s+`(\\w+)`, and `(\\w+)`").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("README: check's summary fields not found")
	}
	p := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(p, []byte("Nothing here.\n"), 0o644)
	_, out, _ := runIn([]string{"check", "--format", "json", p}, "")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var summary map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &summary); err != nil || summary["type"] != "summary" {
		t.Fatalf("last record %q: %v", lines[len(lines)-1], err)
	}
	for _, field := range m[1:] {
		if _, ok := summary[field]; !ok {
			t.Errorf("README names %q; the summary is %v", field, summary)
		}
	}
}

// TestReviewDocTranscript: the session of docs/review.md is the tool's,
// replayed with the answers it shows.
func TestReviewDocTranscript(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "docs", "review.md"))
	if err != nil {
		t.Fatal(err)
	}
	const head = "$ unspin review article.txt\n"
	doc := string(b)
	start := strings.Index(doc, head)
	if start < 0 {
		t.Fatal("docs/review.md: no review transcript")
	}
	want := doc[start+len(head):]
	want = want[:strings.Index(want, "```")]
	var keys strings.Builder
	for line := range strings.SplitSeq(want, "\n") {
		if _, answer, ok := strings.Cut(line, "]? "); ok {
			keys.WriteString(answer + "\n")
		} else if strings.HasPrefix(line, "Replace ") {
			_, answer, _ := strings.Cut(line, ": ")
			keys.WriteString(answer + "\n")
		}
	}
	src, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	t.Setenv("NO_COLOR", "1")
	os.WriteFile("article.txt", src, 0o644)
	var out, ui bytes.Buffer
	Run([]string{"review", "article.txt"}, Streams{In: strings.NewReader(keys.String()), Out: &out, Err: &ui})
	if got := ui.String(); got != want {
		t.Errorf("docs/review.md transcript is stale; the tool prints:\n%s", got)
	}
}

// TestReadmeJSONExample: the README's JSON output is the tool's for the
// sentence it names.
func TestReadmeJSONExample(t *testing.T) {
	doc := readme(t)
	m := regexp.MustCompile("For `a.txt` holding \"([^\"]+)\":").FindStringSubmatch(doc)
	const head = "$ unspin fix --format json a.txt\n"
	start := strings.Index(doc, head)
	if m == nil || start < 0 {
		t.Fatal("README: no JSON example")
	}
	want := doc[start+len(head):]
	want = want[:strings.Index(want, "```")]
	t.Chdir(t.TempDir())
	os.WriteFile("a.txt", []byte(m[1]+"\n"), 0o644)
	if _, out, _ := runIn([]string{"fix", "--format", "json", "a.txt"}, ""); out != want {
		t.Errorf("README's JSON example is stale; the tool prints:\n%s", out)
	}
}
