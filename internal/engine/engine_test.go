package engine

import (
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// upper proposes to capitalise every "spun", as a decoder proposes edits.
func upper(src []byte) []repair.Edit {
	var edits []repair.Edit
	s := string(src)
	for i := strings.Index(s, "spun"); i >= 0; {
		edits = append(edits, repair.Edit{Start: i, End: i + 4, From: "spun", To: "SPUN", Applied: true})
		j := strings.Index(s[i+4:], "spun")
		if j < 0 {
			break
		}
		i += 4 + j
	}
	return edits
}

func TestRepairShiftsEditsPastTheByteOrderMark(t *testing.T) {
	var seen string
	propose := func(src []byte) []repair.Edit { seen = string(src); return upper(src) }
	out, err := Repair(propose, []byte(bom+"spun text, spun"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(seen, bom) {
		t.Error("the proposer saw the byte-order mark")
	}
	if string(out.Text) != bom+"SPUN text, SPUN" || out.Edits[0].Start != len(bom) || out.Words != 3 || out.Fixes() != 2 {
		t.Errorf("got %q, edits %+v, %d words", out.Text, out.Edits, out.Words)
	}
}

func TestRepairLeavesLongRunsAlone(t *testing.T) {
	run := strings.Repeat("spun", 100) // 400 bytes without a space
	out, err := Repair(upper, []byte("spun "+run+" spun"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "SPUN " + run + " SPUN"; string(out.Text) != want {
		t.Errorf("got %q", out.Text)
	}
}

func TestRepairRefusesEditsThatDoNotFit(t *testing.T) {
	bad := func(src []byte) []repair.Edit {
		return []repair.Edit{{Start: 0, End: 3, From: "xyz", To: "abc", Applied: true}}
	}
	if _, err := Repair(bad, []byte("spun")); err == nil {
		t.Error("an edit whose From is not in the text was applied")
	}
}

func TestNewRejectsSettingsOutOfRange(t *testing.T) {
	for _, s := range []Settings{
		{MinConfidence: -0.1, Candidates: 20},
		{MinConfidence: 0.5, Candidates: 0},
		{MinConfidence: 0.5, Candidates: 20, Context: -1},
	} {
		if _, err := New(s); err == nil {
			t.Errorf("New(%+v) succeeded", s)
		}
	}
}
