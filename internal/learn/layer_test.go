package learn

import (
	"math"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
)

type fakeLex map[string][]lexicon.Candidate

func (f fakeLex) Candidates(w string) []lexicon.Candidate {
	if c, ok := f[w]; ok {
		return c
	}
	return []lexicon.Candidate{{Word: w}}
}

func TestLayer(t *testing.T) {
	lex := fakeLex{"bottom": {{Word: "bottom"}, {Word: "base", Channel: -3, Source: lexicon.Thesaurus}, {Word: "floor", Channel: -1.5, Source: lexicon.Thesaurus}}}
	tab := NewTable([]Pair{{"bottom", "base", 0.5, 9}, {"bottom", "floor", 0.01, 9}, {"twelvemonth", "year", 0.8, 20}})
	l := Layer(lex, tab)
	got := l.Candidates("bottom")
	if len(got) != 3 || got[1].Source != lexicon.Learned || math.Abs(got[1].Channel-math.Log10(0.1*0.5)) > 1e-9 {
		t.Errorf("raised candidate: %+v", got)
	}
	if got[2].Source != lexicon.Thesaurus || got[2].Channel != -1.5 {
		t.Errorf("a learned channel below the lexicon's lowered it: %+v", got[2])
	}
	if lex["bottom"][1].Source != lexicon.Thesaurus {
		t.Error("Layer modified the lexicon's shared list")
	}
	added := l.Candidates("twelvemonth")
	if len(added) != 2 || added[1].Word != "year" || added[1].Source != lexicon.Learned {
		t.Errorf("added candidate: %+v", added)
	}
	if n := len(l.Candidates("other")); n != 1 {
		t.Errorf("a word outside the table got %d candidates", n)
	}
}

type ctxLex struct{ fakeLex }

func (ctxLex) ContextCandidates(w string) []lexicon.Candidate {
	return []lexicon.Candidate{{Word: "ground", Channel: -4, Source: lexicon.Context}}
}

// TestLayerContext: a layer passes the lexicon's context candidates on, and
// has none over a lexicon without them.
func TestLayerContext(t *testing.T) {
	tab := NewTable([]Pair{{"bottom", "base", 0.5, 9}})
	if got := Layer(ctxLex{fakeLex{}}, tab).ContextCandidates("bottom"); len(got) != 1 || got[0].Word != "ground" {
		t.Errorf("context candidates through the layer: %+v", got)
	}
	if got := Layer(fakeLex{}, tab).ContextCandidates("bottom"); got != nil {
		t.Errorf("context candidates over a lexicon without them: %+v", got)
	}
}
