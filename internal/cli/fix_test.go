package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// withRepair installs fn as the repairer for one test.
func withRepair(t *testing.T, fn func([]byte) []repair.Edit) {
	t.Helper()
	old := testRepairFunc
	testRepairFunc = fn
	t.Cleanup(func() { testRepairFunc = old })
}

func run(args []string, errTTY bool) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb, ErrTTY: errTTY})
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, n int, content string) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.txt", i))
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestProgressBarOnlyOnTerminalStderr(t *testing.T) {
	withRepair(t, fakeRepair)
	dir := writeFiles(t, progressMin+5, "the infantry\n")
	for _, tty := range []bool{true, false} {
		code, out, errs := run([]string{"fix", "-l", "-j", "3", dir}, tty)
		if code != ExitFound {
			t.Errorf("tty=%v: exit %d, want %d; stderr %q", tty, code, ExitFound, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != progressMin+5 || strings.ContainsAny(out, "\r[#") {
			t.Errorf("tty=%v: stdout holds more than the file list:\n%q", tty, out)
		}
		want := fmt.Sprintf("%d/%d files", progressMin+5, progressMin+5)
		if got := strings.Contains(errs, want); got != tty {
			t.Errorf("tty=%v: progress bar on stderr = %v (%q)", tty, got, errs)
		}
	}
}

func TestNoProgressBarForFewFiles(t *testing.T) {
	withRepair(t, fakeRepair)
	dir := writeFiles(t, 2, "the infantry\n")
	if _, _, errs := run([]string{"fix", "-l", dir}, true); errs != "" {
		t.Errorf("stderr = %q, want nothing for two files", errs)
	}
}

// TestWriteRefusesConcurrentChange edits the file on disk while it is being
// repaired: -w must leave the other writer's content and exit 2.
func TestWriteRefusesConcurrentChange(t *testing.T) {
	dir := writeFiles(t, 1, "the infantry\n")
	p := filepath.Join(dir, "f000.txt")
	const theirs = "someone else's infantry\n"
	withRepair(t, func(src []byte) []repair.Edit {
		os.WriteFile(p, []byte(theirs), 0o644)
		return fakeRepair(src)
	})
	code, _, errs := run([]string{"fix", "-w", p}, false)
	if code != ExitError || !strings.Contains(errs, "changed on disk") {
		t.Errorf("exit %d, stderr %q; want %d and a changed-on-disk error", code, errs, ExitError)
	}
	if got, _ := os.ReadFile(p); string(got) != theirs {
		t.Errorf("file = %q, want the concurrent writer's %q", got, theirs)
	}
}

// TestInvalidEditsFailTheFile feeds edits that do not fit the text: the file
// is reported and left alone, the others are still fixed.
func TestInvalidEditsFailTheFile(t *testing.T) {
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "bad.txt"), filepath.Join(dir, "good.txt")
	os.WriteFile(bad, []byte("broken\n"), 0o644)
	os.WriteFile(good, []byte("the infantry\n"), 0o644)
	withRepair(t, func(src []byte) []repair.Edit {
		if string(src) == "broken\n" {
			return []repair.Edit{{Start: 3, End: 99, From: "x", To: "y", Applied: true}}
		}
		return fakeRepair(src)
	})
	code, _, errs := run([]string{"fix", "-w", dir}, false)
	if code != ExitError || !strings.Contains(errs, "bad.txt") || !strings.Contains(errs, "invalid edit") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if got, _ := os.ReadFile(bad); string(got) != "broken\n" {
		t.Errorf("bad.txt = %q, changed", got)
	}
	if got, _ := os.ReadFile(good); string(got) != "the military\n" {
		t.Errorf("good.txt = %q, not fixed", got)
	}
}

// TestColorFlag: --color auto colours only a terminal, and not when
// NO_COLOR is set; always and never ignore both.
func TestColorFlag(t *testing.T) {
	for _, tc := range []struct {
		flag    colorFlag
		tty     bool
		noColor string
		want    bool
	}{
		{"auto", true, "", true},
		{"auto", false, "", false},
		{"auto", true, "1", false},
		{"always", false, "1", true},
		{"never", true, "", false},
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		if tc.noColor == "" {
			os.Unsetenv("NO_COLOR")
		}
		if got := tc.flag.on(tc.tty); got != tc.want {
			t.Errorf("--color %s, tty %v, NO_COLOR=%q: %v, want %v", tc.flag, tc.tty, tc.noColor, got, tc.want)
		}
	}
}

// TestLargeFileProgress: one large streamed file shows how much of it is
// done on a terminal's stderr, erased at the end; never on a pipe.
func TestLargeFileProgress(t *testing.T) {
	withRepair(t, fakeRepair)
	withStreaming(t)
	old := byteProgressMin
	byteProgressMin = 1 << 10
	t.Cleanup(func() { byteProgressMin = old })
	p := filepath.Join(t.TempDir(), "large.txt")
	os.WriteFile(p, []byte(strings.Repeat("The moving infantry.\n", 200)), 0o644)
	for _, tty := range []bool{true, false} {
		code, _, errs := run([]string{"fix", "--check", p}, tty)
		if code != ExitFound {
			t.Errorf("tty=%v: exit %d, %s", tty, code, errs)
		}
		bar := strings.Contains(errs, "/0.0 MB") && strings.Contains(errs, "\r[")
		if bar != tty {
			t.Errorf("tty=%v: progress %v on stderr %q", tty, bar, errs)
		}
		if tty && !strings.HasSuffix(errs, "\r") {
			t.Errorf("the bar is not erased at the end: %q", errs)
		}
	}
}
