package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/testdata"
)

// runEvalCmd runs `unspin eval args...` and returns exit code, stdout, stderr.
func runEvalCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"eval"}, args...), Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func evalJSON(t *testing.T, args ...string) eval.Report {
	t.Helper()
	code, out, errs := runEvalCmd(t, append(args, "--format", "json")...)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output is not a JSON report: %v\n%s", err, out)
	}
	return rep
}

func devPaths(t *testing.T) (spun, gold string) {
	return testdata.Shared(t, "samples/seed-article.dev.spun.txt"), testdata.Shared(t, "samples/seed-article.dev.gold.txt")
}

func TestEvalSpunAgainstItself(t *testing.T) {
	spun, gold := devPaths(t)
	rep := evalJSON(t, "--spun", spun, "--gold", gold, "--repaired", spun)
	if rep.Restored != 0 || rep.Changed != 0 || rep.NeedRepair == 0 {
		t.Errorf("restored %d, changed %d, need repair %d; want 0, 0 and some", rep.Restored, rep.Changed, rep.NeedRepair)
	}
}

func TestEvalResolvedGold(t *testing.T) {
	spun, gold := devPaths(t)
	s, _ := os.ReadFile(spun)
	g, _ := os.ReadFile(gold)
	perfect, err := eval.Resolve(s, g)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "perfect.txt")
	if err := os.WriteFile(p, perfect, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := evalJSON(t, "--spun", spun, "--gold", gold, "--repaired", p)
	if rep.Precision != 1 || rep.Recall != 1 {
		t.Errorf("precision %v recall %v, want 1 and 1", rep.Precision, rep.Recall)
	}
}

var fakeInfantry = regexp.MustCompile(`\binfantry\b`)

// TestEvalRepairs runs the command's own repair path with a fake repairer
// that turns every "infantry" into "military", on the spun sample and on
// clean prose.
func TestEvalRepairs(t *testing.T) {
	spun, gold := devPaths(t)
	testRepairFunc = func(src []byte) []repair.Edit {
		var edits []repair.Edit
		for _, m := range fakeInfantry.FindAllIndex(src, -1) {
			edits = append(edits, repair.Edit{Start: m[0], End: m[1], From: "infantry", To: "military", Applied: true})
		}
		return edits
	}
	t.Cleanup(func() { testRepairFunc = nil })
	clean := filepath.Join(testdata.RepoDir(), "testdata", "eval", "clean-prose.txt")
	s, _ := os.ReadFile(spun)
	n := len(fakeInfantry.FindAll(s, -1))

	rep := evalJSON(t, "--spun", spun, "--gold", gold, "--clean", clean, "-v")
	if rep.Changed != n || rep.Restored == 0 || rep.Restored+rep.Wrong != n {
		t.Errorf("%d infantry: changed %d, restored %d, wrong %d", n, rep.Changed, rep.Restored, rep.Wrong)
	}
	if len(rep.WrongChanges) != rep.Wrong || len(rep.Misses) != rep.NeedRepair-rep.Restored {
		t.Errorf("-v lists %d wrong changes and %d misses for %+v", len(rep.WrongChanges), len(rep.Misses), rep)
	}
	if rep.Clean == nil || rep.Clean.Words < 900 || rep.Clean.Changed != 0 {
		t.Errorf("clean report %+v, want ~1,000 words unchanged", rep.Clean)
	}
	code, out, _ := runEvalCmd(t, "--spun", spun, "--gold", gold, "-v")
	if code != ExitOK || !strings.Contains(out, "F0.5") || !strings.Contains(out, "miss\tline") {
		t.Errorf("text report (exit %d) lacks the F0.5 line or the misses:\n%s", code, out)
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	spun := write("spun", "a infantry bottom\nwas here\nand there\n")
	gold := write("gold", "the military base\nwas here\nand over there\n")
	code, _, errs := runEvalCmd(t, "--spun", spun, "--gold", gold, "--repaired", spun)
	if code != ExitError || !strings.Contains(errs, "line 3") {
		t.Errorf("misaligned gold: exit %d, stderr %q; want exit 2 naming line 3", code, errs)
	}
	bad := write("repaired", "the military base\nwas\nand there\n")
	code, _, errs = runEvalCmd(t, "--spun", spun, "--gold", spun, "--repaired", bad)
	if code != ExitError || !strings.Contains(errs, "line 2") {
		t.Errorf("misaligned repair: exit %d, stderr %q; want exit 2 naming line 2", code, errs)
	}
	if code, _, _ = runEvalCmd(t, "--gold", gold); code != ExitError {
		t.Errorf("missing --spun: exit %d, want 2", code)
	}
	if code, _, _ = runEvalCmd(t, "--spun", spun, "--gold", gold, "--format", "xml"); code != ExitError {
		t.Errorf("bad --format: exit %d, want 2", code)
	}
}

// TestEvalDefaultRepairer goes through the real repair options, whatever the
// decoder currently proposes: the report must be consistent with the
// unrepaired one.
func TestEvalDefaultRepairer(t *testing.T) {
	spun, gold := devPaths(t)
	base := evalJSON(t, "--spun", spun, "--gold", gold, "--repaired", spun)
	rep := evalJSON(t, "--spun", spun, "--gold", gold)
	if rep.NeedRepair != base.NeedRepair || rep.Words != base.Words {
		t.Errorf("repaired run scores %d words, %d needing repair; unrepaired %d, %d", rep.Words, rep.NeedRepair, base.Words, base.NeedRepair)
	}
	if rep.Restored+rep.Wrong > rep.Changed || rep.Restored > rep.NeedRepair {
		t.Errorf("inconsistent report %+v", rep)
	}
}
