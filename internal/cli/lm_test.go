package cli

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runLM(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func TestLMImportInfoScore(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "small.unlm")
	arpa := filepath.Join("..", "lm", "testdata", "small.arpa")
	if code, _, errs := runLM(t, "", "lm", "import", arpa, "-o", model); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	code, out, _ := runLM(t, "", "lm", "info", model)
	if code != ExitOK || !strings.Contains(out, "3-grams=3") || !strings.Contains(out, "imported from small.arpa") {
		t.Errorf("info: exit %d:\n%s", code, out)
	}
	// "The cat sat." is <s> the cat sat </s>: -0.4 -0.2 -0.1 -0.9 by hand.
	code, out, _ = runLM(t, "The cat sat.\n\nthe dog\n", "lm", "score", "--model", model)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitOK || len(lines) != 3 {
		t.Fatalf("score: exit %d, want 2 sentence lines and a total:\n%s", code, out)
	}
	var lp float64
	if _, err := fmt.Sscanf(lines[0], "logprob=%f words=3 oovs=0", &lp); err != nil || math.Abs(lp+1.6) > 0.004 {
		t.Errorf("first line %q, want logprob -1.6 (quantised) for 3 words", lines[0])
	}
	if !strings.Contains(lines[1], "oovs=1") || !strings.HasPrefix(lines[2], "total: sentences=2 words=5 oovs=1") {
		t.Errorf("unknown word or total wrong:\n%s", out)
	}
}

func TestLMBadModelIsExit2(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.unlm")
	os.WriteFile(bad, bytes.Repeat([]byte("x"), 4096), 0o644)
	for _, args := range [][]string{
		{"lm", "info", bad},
		{"lm", "score", "--model", bad},
		{"lm", "import", bad, "-o", bad + ".out"},
	} {
		code, out, errs := runLM(t, "the cat\n", args...)
		if code != ExitError || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, bad) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line naming the file", args, code, out, errs)
		}
	}
}

func TestLMScoreBuiltIn(t *testing.T) {
	code, out, _ := runLM(t, "the cat sat on the mat\n", "lm", "score")
	m := regexp.MustCompile(`^logprob=(-[0-9.]+) words=6 oovs=0 ppl=`).FindStringSubmatch(out)
	if code != ExitOK || m == nil {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if _, err := loadModel(""); err != nil {
		t.Fatal(err)
	}
}

// TestLMImportModeAndCounts: the model is written 0644 less the umask, not
// 0600, and a header whose n-gram counts differ from the n-grams present is
// a warning (KenLM refuses such a file; the n-grams are believed).
func TestLMImportModeAndCounts(t *testing.T) {
	dir := t.TempDir()
	arpa := filepath.Join(dir, "m.arpa")
	os.WriteFile(arpa, []byte("\\data\\\nngram 1=4\nngram 2=3\n\n\\1-grams:\n-1.0 <s> -0.5\n-1.0 </s>\n-1.0 the -0.3\n-1.5 cat\n\n"+
		"\\2-grams:\n-0.2 <s> the\n-0.3 the cat\n\n\\end\\\n"), 0o644)
	model := filepath.Join(dir, "m.unlm")
	code, _, errs := runLM(t, "", "lm", "import", arpa, "-o", model)
	if code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, `warning: line 15: \2-grams: has 2 n-grams, the header says 3`) {
		t.Errorf("no count warning: %q", errs)
	}
	fi, err := os.Stat(model)
	if err != nil {
		t.Fatal(err)
	}
	probe := filepath.Join(dir, "probe")
	os.WriteFile(probe, nil, 0o644) // the umask applied to 0644
	want, _ := os.Stat(probe)
	if fi.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("model mode %v, want %v (0644 less the umask)", fi.Mode().Perm(), want.Mode().Perm())
	}
}
