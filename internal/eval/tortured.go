package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// TorturedSwaps is a spinner dictionary learned from tortured phrases, the
// fingerprints of the Problematic Paper Screener by Guillaume Cabanac, Cyril
// Labbé and Alexander Magazinov (CC BY 4.0): "counterfeit consciousness" for
// "artificial intelligence", "colossal information" for "big data". Aligning
// each phrase word by word with its original gives the swaps its spinner
// made (artificial -> counterfeit, big -> colossal, forest -> woodland), a
// dictionary neither WordNet nor Moby: the repairer meets a third spinner's
// taste. It maps an original word form to the forms it was spun into, so it
// knows only the inflections the phrases happen to hold.
type TorturedSwaps map[string][]string

// ReadTortured reads "tortured<TAB>expected" lines, several acceptable
// originals joined with '|', and keeps the swaps of every original that has
// as many words as the tortured phrase. Pairs of other lengths ("acknowledgment
// framework" for "recognition system" is fine, "degree of displacement" for
// "shift" is not) cannot be aligned word by word and are skipped.
func ReadTortured(r io.Reader) (TorturedSwaps, error) {
	t := TorturedSwaps{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		tortured, expected, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want \"tortured<TAB>expected\", got %q", line, sc.Text())
		}
		spun := strings.Fields(strings.ToLower(tortured))
		for _, alt := range strings.Split(expected, "|") {
			t.addPair(strings.Fields(strings.ToLower(alt)), spun)
		}
	}
	return t, sc.Err()
}

// addPair records the swaps of one aligned phrase pair.
func (t TorturedSwaps) addPair(orig, spun []string) {
	if len(orig) != len(spun) {
		return
	}
	for i, o := range orig {
		s := spun[i]
		// A word found on the other side too means the phrase was
		// reordered ("learning machine"), not swapped in place.
		if o == s || slices.Contains(spun, o) || slices.Contains(orig, s) {
			continue
		}
		if !swapWord(o) || !swapWord(s) || sameStem(o, s) || slices.Contains(t[o], s) {
			continue
		}
		t[o] = append(t[o], s)
	}
}

// swapWord: a single word a thesaurus spinner would swap, as plainLemma
// without phrases or closed-class words (which the phrases swap rarely and
// the FunctionWords table covers).
func swapWord(w string) bool {
	return plainLemma(w) && !strings.Contains(w, "_") && !closedClass[w]
}

// sameStem: two forms of one word ("circuit" and "circuits", "frequency"
// and "frequence"), which come from a phrase that changed its inflection or
// spelling, not from a synonym swap.
func sameStem(a, b string) bool {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p >= 4 && p >= min(len(a), len(b))-2
}

// Replacements implements Synonyms.
func (t TorturedSwaps) Replacements(word string) []string { return t[word] }

// Pairs is the number of distinct original -> spun swaps.
func (t TorturedSwaps) Pairs() int {
	n := 0
	for _, s := range t {
		n += len(s)
	}
	return n
}

// FirstOf asks each dictionary in turn and returns the first non-empty
// answer: a small table such as TorturedSwaps backed by a thesaurus, so that
// as many words are spun as a real spinner spins.
type FirstOf []Synonyms

// Replacements implements Synonyms.
func (f FirstOf) Replacements(word string) []string {
	for _, s := range f {
		if r := s.Replacements(word); len(r) > 0 {
			return r
		}
	}
	return nil
}
