package repair_test

import (
	"slices"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
)

// TestDocumentOptionsReachRepair: the options that read the whole document
// (the trained decision, document consistency) change what Repair proposes,
// so that the passes to the fixed point do not quietly skip them.
func TestDocumentOptionsReachRepair(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 5,000 words three times")
	}
	model, err := lm.Default()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	lx := repair.LexiconFor(model, lex, repair.DefaultOptions().Candidates)
	src := spunNews(t)
	base := repair.New(model, lx, repair.OptionsFor(lx)).Repair(src)
	consistent := repair.OptionsFor(lx)
	consistent.Consistency = 4
	if slices.EqualFunc(base, repair.New(model, lx, consistent).Repair(src), sameEdit) {
		t.Error("document consistency changed no edit")
	}
	decided := repair.OptionsFor(lx)
	if decided.Decision, err = repair.DefaultDecision(); err != nil {
		t.Fatal(err)
	}
	if slices.EqualFunc(base, repair.New(model, lx, decided).Repair(src), sameEdit) {
		t.Error("the trained decision changed no edit")
	}
}

func sameEdit(a, b repair.Edit) bool {
	return a.Start == b.Start && a.To == b.To && a.Confidence == b.Confidence && a.Applied == b.Applied
}
