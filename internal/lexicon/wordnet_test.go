package lexicon

import "testing"

// TestWordNetCandidates checks that a pair only WordNet makes is offered
// with the wordnet source, through the lemma too, with a channel above the
// Moby pairs of the same word (WordNet's lists are short); that a pair only
// Moby makes keeps its source; and that a WordNet original rarer than the
// spun word is not offered.
func TestWordNetCandidates(t *testing.T) {
	l := testLexicon(t, 30)
	find := func(spun, orig string) (Candidate, bool) {
		for _, c := range l.Candidates(spun) {
			if c.Word == orig {
				return c, true
			}
		}
		return Candidate{}, false
	}
	for _, tc := range []struct{ spun, orig string }{
		{"panel", "jury"},    // a synset-mate; Moby lists jury under panel's neighbours only weakly
		{"juries", "panels"}, // through the lemma, re-inflected
	} {
		c, ok := find(tc.spun, tc.orig)
		if !ok {
			t.Errorf("%s: %q not offered", tc.spun, tc.orig)
			continue
		}
		if c.Source != WordNet {
			t.Errorf("%s -> %s: source %v, want wordnet", tc.spun, tc.orig, c.Source)
		}
	}
	if c, ok := find("panels", "juries"); ok && c.Source == WordNet {
		t.Errorf("panels -> juries offered from WordNet, though rarer than panels")
	}
	jury, _ := find("panel", "jury")
	country, ok := find("panel", "country")
	if !ok || country.Source != Thesaurus {
		t.Fatalf("panel -> country: %v, want a Moby thesaurus candidate", country)
	}
	if jury.Channel <= country.Channel {
		t.Errorf("panel: WordNet's jury channel %.2f not above Moby's country %.2f", jury.Channel, country.Channel)
	}
}

// TestWordNetCodes checks that every WordNet level has a code of its own
// within the entry's seven bits, and that a code reads back as its level.
func TestWordNetCodes(t *testing.T) {
	if codeWordNet+wordnetMax > 0x7f {
		t.Fatalf("WordNet codes reach %d, past seven bits", codeWordNet+wordnetMax)
	}
	for _, n := range []int{1, 2, 3, 10, 100, 560, 5000} {
		lv := wordnetLevel(n)
		if lv < 0 || lv > wordnetMax {
			t.Errorf("wordnetLevel(%d) = %d, outside 0..%d", n, lv, wordnetMax)
		}
	}
	if wordnetLevel(3) >= wordnetLevel(30) {
		t.Errorf("wordnetLevel does not grow with n: 3 -> %d, 30 -> %d", wordnetLevel(3), wordnetLevel(30))
	}
}
