package lexicon

import (
	"strconv"
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
	checkContext(t, l, i)
}

// checkContext checks the context relatives of spun string i: in range,
// known single words, neither the spun word, nor closed-class, nor in its
// list, more frequent than it, and no more than ContextDepth.
func checkContext(t *testing.T, l *Lexicon, i int) {
	t.Helper()
	tb := l.cand
	a, b := tb.contextList(i)
	if b-a > ContextDepth {
		t.Fatalf("%q: %d context relatives, more than %d", tb.str(i), b-a, ContextDepth)
	}
	if b > a && !tb.flag(i, flagKey) {
		t.Fatalf("%q: context relatives but no list", tb.str(i))
	}
	la, lb := tb.list(i)
	ui, spunKnown := tb.unigram(i)
	seen := map[int]bool{}
	for e := a; e < b; e++ {
		wi, _ := tb.contextEntry(e)
		if wi >= tb.nStrings || wi == i || seen[wi] {
			t.Fatalf("%q: context entry %d points at %d: out of range, itself or repeated", tb.str(i), e, wi)
		}
		seen[wi] = true
		o := tb.str(wi)
		u, ok := tb.unigram(wi)
		if l.closed[o] || !ok || strings.Contains(o, " ") || (spunKnown && u < ui) {
			t.Errorf("%q: context relative %q closed-class, unknown, not one word or rarer", tb.str(i), o)
		}
		for x := la; x < lb; x++ {
			if w, _, _ := tb.entry(x); w == wi {
				t.Errorf("%q: context relative %q is in its list already", tb.str(i), o)
			}
		}
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

// TestRankedWith: the table names the model that ranked it, so a caller
// can tell whether its own model needs the originals checked.
func TestRankedWith(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.Atoi(l.cand.metaValue("model-vocab"))
	n, _ := strconv.ParseInt(l.cand.metaValue("model-bytes"), 10, 64)
	if v == 0 || n == 0 || !l.RankedWith(v, n) || l.RankedBy() == "" {
		t.Errorf("meta %q: model not recorded", l.cand.meta)
	}
	if l.RankedWith(v+1, n) || l.RankedWith(v, n+1) {
		t.Error("RankedWith accepts another model")
	}
}

// TestTableOrderShortcut: under the options the table was ranked with, a
// lookup reads only the first K-1 originals; it must give what ranking
// them all gives.
func TestTableOrderShortcut(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	fast := l.With(Options{K: 10})
	if !fast.tableOrder {
		t.Fatal("default options do not match the table's meta: every lookup ranks the whole list")
	}
	slow := l.With(Options{K: 10})
	slow.tableOrder = false
	for _, w := range []string{"pronounced", "warriors", "infantry", "a", "opposite", "team-work", "metropolises"} {
		if f, s := words(fast.Candidates(w)), words(slow.Candidates(w)); strings.Join(f, " ") != strings.Join(s, " ") {
			t.Errorf("%s: shortcut %v, full ranking %v", w, f, s)
		}
	}
}
