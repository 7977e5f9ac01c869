package lexicon

import (
	"strings"
	"testing"
)

func TestEdits1(t *testing.T) {
	seen := map[string]int{}
	forEachEdit1("cat", func(v []byte) { seen[string(v)]++ })
	// 3 deletions, 2 transpositions, 3·25 substitutions, 4·26 insertions.
	if n := 3 + 2 + 3*25 + 4*26; len(seen) > n {
		t.Fatalf("%d distinct edits, at most %d possible", len(seen), n)
	}
	for _, want := range []string{"at", "ct", "ca", "act", "cta", "bat", "cot", "cab", "scat", "cart", "cats"} {
		if seen[want] == 0 {
			t.Errorf("edit %q of cat missing", want)
		}
	}
	for _, never := range []string{"cat", "dog", "c", "tac"} {
		if seen[never] > 0 {
			t.Errorf("%q is not one edit from cat", never)
		}
	}
}

// TestLongWordsHaveNoSpellingNeighbours guards against the quadratic cost of
// edit-distance neighbours on a "word" that is really a hash or code.
func TestLongWordsHaveNoSpellingNeighbours(t *testing.T) {
	count := func(w string) (n int) {
		forEachEdit1(w, func([]byte) { n++ })
		return n
	}
	if n := count(strings.Repeat("a", maxSpellLen)); n == 0 {
		t.Fatal("a word of the longest length got no neighbours")
	}
	if n := count(strings.Repeat("a", maxSpellLen+1)); n != 0 {
		t.Fatalf("a word past the longest length got %d neighbours", n)
	}
}
