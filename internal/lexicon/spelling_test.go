package lexicon

import (
	"strings"
	"testing"
)

// TestLongWordsHaveNoSpellingNeighbours guards against the quadratic cost of
// edit-distance neighbours on a "word" that is really a hash or code.
func TestLongWordsHaveNoSpellingNeighbours(t *testing.T) {
	if n := len(edits1(strings.Repeat("a", maxSpellLen))); n == 0 {
		t.Fatal("a word of the longest length got no neighbours")
	}
	if n := len(edits1(strings.Repeat("a", maxSpellLen+1))); n != 0 {
		t.Fatalf("a word past the longest length got %d neighbours", n)
	}
}
