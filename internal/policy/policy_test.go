package policy

import (
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/repair"
)

func mustList(t *testing.T, s string) *List {
	t.Helper()
	l, err := ParseList("test.txt", strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseList(t *testing.T) {
	l := mustList(t, "# editors' choices\n\nBottom\ninfantry -> military  # the spinner's\n  a -> the\n")
	if !l.Words["bottom"] || len(l.Words) != 1 {
		t.Errorf("words = %v, want bottom only", l.Words)
	}
	if !l.Pairs[Pair{"infantry", "military"}] || !l.Pairs[Pair{"a", "the"}] || len(l.Pairs) != 2 {
		t.Errorf("pairs = %v", l.Pairs)
	}
	for _, bad := range []string{"two words\n", "x ->\n", "-> y\n", "same -> same\n"} {
		_, err := ParseList("deny.txt", strings.NewReader("ok\n"+bad))
		if err == nil || !strings.HasPrefix(err.Error(), "deny.txt:2: ") {
			t.Errorf("%q: error %v, want one naming deny.txt:2", bad, err)
		}
	}
}

// fakeLex proposes fixed candidates, the word itself first.
type fakeLex map[string][]string

func (f fakeLex) Candidates(word string) []lexicon.Candidate {
	w := strings.ToLower(word)
	cs := []lexicon.Candidate{{Word: w, Source: lexicon.Keep}}
	for _, o := range f[w] {
		cs = append(cs, lexicon.Candidate{Word: o, Channel: -2, Source: lexicon.Thesaurus})
	}
	return cs
}

func words(cs []lexicon.Candidate) string {
	var w []string
	for _, c := range cs {
		w = append(w, c.Word)
	}
	return strings.Join(w, " ")
}

func TestCandidates(t *testing.T) {
	lex := fakeLex{"infantry": {"military", "troops"}, "bottom": {"base"}, "a": {"the", "one"}, "big": {"large"}}
	p := &Policy{
		Allow: mustList(t, "bottom\ninfantry -> troops\n"),
		Deny:  mustList(t, "a -> the\n"),
		Extra: mustList(t, "big -> huge\nbig -> large\n"),
	}
	c := p.Candidates(lex)
	for word, want := range map[string]string{
		"Bottom":   "bottom",            // allowlisted word: itself only
		"infantry": "infantry military", // allowlisted pair dropped
		"a":        "a the",             // denylisted pair: the only alternative
		"big":      "big large huge",    // extra pair added once
		"house":    "house",             // untouched
	} {
		if got := words(c.Candidates(word)); got != want {
			t.Errorf("Candidates(%q) = %q, want %q", word, got, want)
		}
	}
	if got := words(lex.Candidates("infantry")); got != "infantry military troops" {
		t.Errorf("the wrapped candidates were modified: %q", got)
	}
}

// ctxLex is a fakeLex that also offers context candidates.
type ctxLex struct {
	fakeLex
	ctx map[string][]string
}

func (c ctxLex) ContextCandidates(word string) []lexicon.Candidate {
	var cs []lexicon.Candidate
	for _, o := range c.ctx[strings.ToLower(word)] {
		cs = append(cs, lexicon.Candidate{Word: o, Channel: -4, Source: lexicon.Context})
	}
	return cs
}

// TestContextCandidates: the lists apply to context candidates as to the
// others, and a proposer without them gives none.
func TestContextCandidates(t *testing.T) {
	lex := ctxLex{
		fakeLex{"infantry": {"military"}, "bottom": {"base"}, "a": {"the"}},
		map[string][]string{"infantry": {"army", "troops"}, "bottom": {"floor"}, "a": {"one"}, "house": {"home"}},
	}
	p := &Policy{
		Allow: mustList(t, "bottom\ninfantry -> troops\n"),
		Deny:  mustList(t, "a -> the\n"),
	}
	c, ok := p.Candidates(lex).(repair.ContextCandidates)
	if !ok {
		t.Fatal("the policy hides the proposer's context candidates")
	}
	for word, want := range map[string]string{
		"bottom":   "",     // allowlisted word: nothing
		"infantry": "army", // allowlisted pair dropped
		"a":        "",     // denylisted: its originals are fixed
		"house":    "home", // untouched
	} {
		if got := words(c.ContextCandidates(word)); got != want {
			t.Errorf("ContextCandidates(%q) = %q, want %q", word, got, want)
		}
	}
	if got := p.Candidates(lex.fakeLex).(repair.ContextCandidates).ContextCandidates("house"); got != nil {
		t.Errorf("a proposer without context candidates gave %v", got)
	}
}

func edit(src, from, to string, conf float64) repair.Edit {
	i := strings.Index(src, from)
	return repair.Edit{Start: i, End: i + len(from), From: from, To: to, Confidence: conf, Applied: conf >= 0.8, Source: "thesaurus"}
}

func apply(src string, edits []repair.Edit) string { return string(repair.Apply([]byte(src), edits)) }

func TestEditsAllowlistedPairNeverChanged(t *testing.T) {
	src := "A infantry bottom.\n"
	p := &Policy{Allow: mustList(t, "infantry -> military\n")}
	edits := []repair.Edit{edit(src, "infantry", "military", 0.99), edit(src, "bottom", "base", 0.9)}
	got := p.Edits([]byte(src), edits)
	if len(got) != 1 || got[0].From != "bottom" {
		t.Fatalf("edits = %+v, want only bottom->base", got)
	}
	if out := apply(src, got); out != "A infantry base.\n" {
		t.Errorf("fixed = %q", out)
	}
}

func TestEditsDenylist(t *testing.T) {
	src := "A infantry stood at a bottom; A team.\n"
	p := &Policy{Deny: mustList(t, "a -> the\nbottom\n")}
	edits := []repair.Edit{edit(src, "bottom", "base", 0.3)}
	got := p.Edits([]byte(src), edits)
	if out := apply(src, got); out != "The infantry stood at the base; The team.\n" {
		t.Errorf("fixed = %q", out)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Start < got[i-1].End {
			t.Errorf("edits not sorted or overlapping: %+v", got)
		}
	}
}

func TestEditsDenyReplacesDecoderChoice(t *testing.T) {
	src := "a house\n"
	p := &Policy{Deny: mustList(t, "a -> the\n")}
	got := p.Edits([]byte(src), []repair.Edit{edit(src, "a", "one", 0.5)})
	if len(got) != 1 || got[0].To != "the" || !got[0].Applied || got[0].Source != Source {
		t.Errorf("edits = %+v, want one applied a->the from the denylist", got)
	}
}
