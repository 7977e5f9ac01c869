package eval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

func TestScoreCounts(t *testing.T) {
	spun := []byte("a infantry bottom during “assistance, a {x}\nfoo bar.\n")
	gold := []byte("{a|the} military base at “{help|aid}, {?} {x}\nfoo bar.\n")
	// repaired: infantry restored, bottom left, during wrongly changed,
	// help restored inside its quote, {?} changed (ignored), foo changed wrongly.
	repaired := []byte("the military bottom in “help, the {x}\nfood bar.\n")
	rep, err := Score(spun, repaired, gold, Options{Details: true})
	if err != nil {
		t.Fatal(err)
	}
	want := Report{Words: 8, Unscored: 1, NeedRepair: 4, Changed: 5, Correct: 3, Restored: 2, Wrong: 2, Detected: 3}
	got := rep
	got.Misses, got.WrongChanges = nil, nil
	got.Precision, got.Recall, got.F05, got.DetectPrecision, got.DetectRecall = 0, 0, 0, 0, 0
	if got.Words != want.Words || got.Unscored != want.Unscored || got.NeedRepair != want.NeedRepair ||
		got.Changed != want.Changed || got.Correct != want.Correct || got.Restored != want.Restored ||
		got.Wrong != want.Wrong || got.Detected != want.Detected {
		t.Errorf("counts = %+v\nwant     %+v", got, want)
	}
	if len(rep.Misses) != 2 || rep.Misses[0].Spun != "bottom" || rep.Misses[1].Spun != "during" {
		t.Errorf("misses = %+v", rep.Misses)
	}
	if len(rep.WrongChanges) != 2 || rep.WrongChanges[1].Line != 2 || rep.WrongChanges[1].Column != 1 {
		t.Errorf("wrong changes = %+v", rep.WrongChanges)
	}
	if p := rep.Precision; p != 3.0/5 {
		t.Errorf("precision = %v, want 0.6", p)
	}
	if r := rep.Recall; r != 0.5 {
		t.Errorf("recall = %v, want 0.5", r)
	}
}

func TestParseGold(t *testing.T) {
	tests := []struct {
		tok      string
		unscored bool
		alts     []string
	}{
		{"military", false, []string{"military"}},
		{"Obviously,", false, []string{"obviously"}},
		{"{a|the}", false, []string{"a", "the"}},
		{"“{help|aid}", false, []string{"help", "aid"}},
		{"{war|fight}.”", false, []string{"war", "fight"}},
		{"{?}", true, nil},
		{"({?}),", true, nil},
		{"Washington’s", false, []string{"washington's"}},
	}
	for _, tt := range tests {
		g := parseGold(tt.tok)
		if g.unscored != tt.unscored || len(g.alts) != len(tt.alts) {
			t.Errorf("parseGold(%q) = %+v", tt.tok, g)
			continue
		}
		for i := range g.alts {
			if g.alts[i] != tt.alts[i] {
				t.Errorf("parseGold(%q) alt %d = %q, want %q", tt.tok, i, g.alts[i], tt.alts[i])
			}
		}
	}
}

func TestMisalignedNamesLine(t *testing.T) {
	spun := []byte("one two\nthree four five\nsix\n")
	gold := []byte("one two\nthree four\nfive six\n")
	_, err := Score(spun, spun, gold, Options{})
	var ae *AlignError
	if !errors.As(err, &ae) || ae.Line != 2 || ae.CountA != 3 || ae.CountB != 2 {
		t.Fatalf("err = %v, want an alignment error at line 2", err)
	}
	_, err = Score(spun, []byte("one two\nthree four five\nsix seven\n"), spun, Options{})
	if !errors.As(err, &ae) || ae.Line != 3 || ae.NameB != "repaired" {
		t.Fatalf("err = %v, want a repaired alignment error at line 3", err)
	}
}

func devSample(t *testing.T) (spun, gold []byte) {
	t.Helper()
	s, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.dev.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.dev.gold.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return s, g
}

func TestDevSpunAgainstItself(t *testing.T) {
	spun, gold := devSample(t)
	rep, err := Score(spun, spun, gold, Options{Details: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Restored != 0 || rep.Changed != 0 || rep.Wrong != 0 {
		t.Errorf("unrepaired text: restored %d, changed %d, wrong %d; want 0", rep.Restored, rep.Changed, rep.Wrong)
	}
	if rep.NeedRepair == 0 || len(rep.Misses) != rep.NeedRepair {
		t.Errorf("need repair %d, misses %d: every substitution should be a miss", rep.NeedRepair, len(rep.Misses))
	}
}

func TestDevGoldAgainstItself(t *testing.T) {
	spun, gold := devSample(t)
	perfect, err := Resolve(spun, gold)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Score(spun, perfect, gold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Precision != 1 || rep.Recall != 1 || rep.F05 != 1 || rep.Wrong != 0 {
		t.Errorf("gold as repair: P %v R %v F %v wrong %d; want 1 1 1 0", rep.Precision, rep.Recall, rep.F05, rep.Wrong)
	}
	if rep.DetectRecall != 1 {
		t.Errorf("gold as repair: detection recall %v, want 1", rep.DetectRecall)
	}
}

func TestScoreClean(t *testing.T) {
	clean := []byte("The cat sat on the mat.\n— she said\n")
	rep, err := ScoreClean(clean, []byte("The cat sat on a mat.\n— she pronounced\n"), Options{Details: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Words != 8 || rep.Changed != 2 || len(rep.Changes) != 2 {
		t.Errorf("clean report = %+v, want 2 of 8 words changed", rep)
	}
	if _, err := ScoreClean(clean, []byte("The cat sat on the mat.\n"), Options{}); err == nil {
		t.Error("a repaired clean text that lost tokens should be an error")
	}
}

// TestRightToRightIsShown: a change from one gold alternative to another is
// correct for precision but restores nothing, so precision's count exceeds
// restored; the report says why rather than leave an unexplained gap.
func TestRightToRightIsShown(t *testing.T) {
	rep, err := Score([]byte("a big cat\n"), []byte("the large cat\n"), []byte("{a|the} large cat\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Correct != 2 || rep.Restored != 1 || rep.Changed != 2 {
		t.Fatalf("correct %d, restored %d, changed %d; want 2, 1, 2", rep.Correct, rep.Restored, rep.Changed)
	}
	var b strings.Builder
	rep.WriteText(&b)
	if !strings.Contains(b.String(), "right to right        1 (") {
		t.Errorf("report does not explain the gap:\n%s", b.String())
	}
}
