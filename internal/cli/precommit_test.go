package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPreCommitHooks: every hook of the repository's .pre-commit-hooks.yaml
// runs unspin with flags it accepts, on the file names pre-commit appends,
// and fails (exit 1) only where there is something to fix.
func TestPreCommitHooks(t *testing.T) {
	withRepair(t, fakeRepair)
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	entries := regexp.MustCompile(`(?m)^\s+entry:\s*(.+)$`).FindAllStringSubmatch(string(data), -1)
	if len(entries) == 0 {
		t.Fatal("no hook entries")
	}
	for _, m := range entries {
		args := strings.Fields(m[1])
		if args[0] != "unspin" {
			t.Errorf("entry %q does not run unspin", m[1])
			continue
		}
		dir := t.TempDir()
		clean, spun := filepath.Join(dir, "clean.md"), filepath.Join(dir, "spun.md")
		os.WriteFile(clean, []byte("Nothing to fix.\n"), 0o644)
		os.WriteFile(spun, []byte("The infantry.\n"), 0o644)
		if code, _, errs := runIn(append(args[1:], clean), ""); code != ExitOK {
			t.Errorf("%s on clean prose: exit %d, %s", m[1], code, errs)
		}
		code, _, errs := runIn(append(args[1:], spun), "")
		write := strings.Contains(m[1], " -w")
		if want := map[bool]int{true: ExitOK, false: ExitFound}[write]; code != want {
			t.Errorf("%s on spun prose: exit %d, want %d (%s)", m[1], code, want, errs)
		}
	}
}
