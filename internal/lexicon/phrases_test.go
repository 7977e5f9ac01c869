package lexicon

import "testing"

func findPhrase(ps []PhraseCandidate, word string) (PhraseCandidate, bool) {
	for _, p := range ps {
		if p.Word == word {
			return p, true
		}
	}
	return PhraseCandidate{}, false
}

func TestPhrases(t *testing.T) {
	l := testLexicon(t, 50)
	for _, tc := range []struct {
		text []string
		i    int
		want string
		n    int
	}{
		{[]string{"a", "polite", "quarrel", "in", "Syria"}, 1, "civil war", 2},
		{[]string{"armed", "forces"}, 0, "military", 2}, // a multi-word entry as the spun span
	} {
		p, ok := findPhrase(l.Phrases(tc.text, tc.i), tc.want)
		if !ok || p.Len != tc.n || p.Source != Phrase {
			t.Errorf("Phrases(%v, %d): %q with span %d not found (got %v)", tc.text, tc.i, tc.want, tc.n, l.Phrases(tc.text, tc.i))
		}
	}
	if got := l.Phrases([]string{"Polite", "quarrel"}, 0); len(got) != 0 {
		t.Errorf("capitalised first word: got %v, want nothing", got)
	}
	if got := l.Phrases([]string{"polite", "Quarrel"}, 0); len(got) != 0 {
		if _, ok := findPhrase(got, "civil war"); ok {
			t.Errorf("span crossed a capitalised word: %v", got)
		}
	}
}
