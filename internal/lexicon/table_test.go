package lexicon

import (
	"strings"
	"testing"
)

// TestShippedTable checks the embedded candidate table: its checksum,
// sorted unique strings, entries that point inside it, originals that are
// neither the spun word nor closed-class, lists best first, and the model
// that ranked them named.
func TestShippedTable(t *testing.T) {
	l, err := Load(shipped())
	if err != nil {
		t.Fatal(err)
	}
	tb := l.cand
	if tb.metaValue("model") == "" || tb.metaValue("depth") == "" {
		t.Errorf("meta %q does not say which model and depth ranked the table", tb.meta)
	}
	for i := 1; i < tb.nStrings; i++ {
		if tb.str(i-1) >= tb.str(i) {
			t.Fatalf("strings %q then %q: not sorted or duplicated", tb.str(i-1), tb.str(i))
		}
	}
	keys := 0
	for i := range tb.nStrings {
		if tb.flag(i, flagKey) {
			keys++
		}
		checkList(t, l, i)
	}
	if keys < 50000 {
		t.Errorf("%d spun forms, want the thesaurus's words and their inflections", keys)
	}
}

// checkList checks the entries of spun string i.
func checkList(t *testing.T, l *Lexicon, i int) {
	t.Helper()
	tb := l.cand
	a, b := tb.list(i)
	if b-a > TableDepth {
		t.Fatalf("%q: %d originals, deeper than %d", tb.str(i), b-a, TableDepth)
	}
	prev := 0.0
	for e := a; e < b; e++ {
		wi, src, logN := tb.entry(e)
		if wi >= tb.nStrings || wi == i {
			t.Fatalf("%q: entry %d points at %d: out of range or itself", tb.str(i), e, wi)
		}
		o := tb.str(wi)
		if l.closed[o] {
			t.Errorf("%q: closed-class original %q from %v; only swaps may propose it", tb.str(i), o, src)
		}
		u, ok := tb.unigram(wi)
		if !ok || strings.Contains(o, " ") {
			t.Errorf("%q: original %q unknown to the ranking model or not one word", tb.str(i), o)
		}
		// Unigrams are stored in thousandths: allow for the rounding.
		if s := l.channelOf(src, logN) + u; e > a && s > prev+0.002 {
			t.Errorf("%q: original %q (%.3f) after a worse one (%.3f)", tb.str(i), o, s, prev)
		}
		prev = l.channelOf(src, logN) + u
	}
}

func TestLoadRejectsDamage(t *testing.T) {
	d := shipped()
	b := []byte(d.Candidates)
	b[len(b)/2] ^= 1
	d.Candidates = string(b)
	if _, err := Load(d); err == nil {
		t.Error("a flipped bit in the candidate table loaded without error")
	}
	d.Candidates = ""
	if _, err := Load(d); err == nil {
		t.Error("an empty candidate table loaded without error")
	}
}
