package repair

import (
	"slices"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// builtIn is the repairer over the embedded model and lexicon.
func builtIn(t *testing.T) (*Repairer, *lm.Binary) {
	t.Helper()
	model, err := lm.Default()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(model, LexiconFor(model, lex, DefaultOptions().Candidates), OptionsFor(lex)), model
}

func TestCompoundParts(t *testing.T) {
	_, m := builtIn(t)
	if m.ID("small-town") != lm.Unknown {
		t.Skip("the model knows small-town itself")
	}
	got := compoundParts(m, "small-town")
	if want := []lm.WordID{m.ID("small"), m.ID("town")}; got == nil || !slices.Equal(*got, want) {
		t.Errorf("compoundParts(small-town) = %v, want %v", got, want)
	}
	for _, w := range []string{"smalltown", "small-", "-town", "small--town", "small-zzqxv"} {
		if got := compoundParts(m, w); got != nil {
			t.Errorf("compoundParts(%q) = %v, want nil", w, *got)
		}
	}
}

// TestUnknownCompoundScoredAsParts checks that a compound the model lacks
// costs its words' probabilities and leaves their context, not the flat
// unknown-word probability and an empty state.
func TestUnknownCompoundScoredAsParts(t *testing.T) {
	_, m := builtIn(t)
	o := option{id: lm.Unknown, parts: compoundParts(m, "small-town")}
	if o.parts == nil {
		t.Skip("small-town is not an unknown compound of known words here")
	}
	st := m.BeginSentence()
	_, st = m.Score(st, m.ID("a"))
	got, gotState := scoreOption(m, st, &o)
	want, wantState := m.Score(st, m.ID("small"))
	p, wantState := m.Score(wantState, m.ID("town"))
	want += p
	if got != want || gotState != wantState {
		t.Errorf("small-town scored %v %+v, want %v %+v", got, gotState, want, wantState)
	}
	if gotState.Len == 0 {
		t.Error("the compound emptied the context")
	}
}

// TestUnknownWordOptions checks which candidates reach the lattice for
// words the model lacks: all of an unknown word's, only the swap table's
// for a compound scored as its parts.
func TestUnknownWordOptions(t *testing.T) {
	r, m := builtIn(t)
	if m.ID("ofttimes") != lm.Unknown {
		t.Skip("the model knows ofttimes")
	}
	s := r.slot("ofttimes", r.lex.Candidates("ofttimes"))
	if s.opts[0].id != lm.Unknown || s.opts[0].parts != nil {
		t.Errorf("ofttimes kept as %+v", s.opts[0])
	}
	var offered []string
	for _, o := range s.opts[1:] {
		offered = append(offered, m.Word(o.id))
	}
	if !slices.Contains(offered, "often") {
		t.Errorf("ofttimes offers %v, want often among them", offered)
	}

	// The lexicon has originals for vice-president, but a compound scored
	// as two words would always lose to a one-word synonym.
	cands := r.lex.Candidates("vice-president")
	if len(cands) < 2 {
		t.Skip("the lexicon offers nothing for vice-president")
	}
	s = r.slot("vice-president", cands)
	if s.opts[0].parts == nil {
		t.Fatal("vice-president is not scored as its parts")
	}
	for _, o := range s.opts[1:] {
		if src := cands[o.cand].Source; src != lexicon.Swap {
			t.Errorf("vice-president offers %q from %v; a compound gets only swaps", cands[o.cand].Word, src)
		}
	}
}
