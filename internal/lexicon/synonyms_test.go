package lexicon

import "testing"

// TestSynonymSource: Moby lists "tired" under "sleepy" but not "sleepy"
// under "tired", so the inverted index alone never proposes it; the spun
// word's own list does, and for an inflected form its lemma's list,
// re-inflected ("contribute" lists "help", "help" does not list it).
func TestSynonymSource(t *testing.T) {
	l := testLexicon(t, TableDepth+1)
	for _, tc := range []struct{ spun, want string }{
		{"sleepy", "tired"},
		{"contributed", "helped"},
	} {
		if c := find(l.Candidates(tc.spun), tc.want); c.Source != Synonym {
			t.Errorf("%s: want %s from its synonym list, got %v", tc.spun, tc.want, c)
		}
	}
}

// TestSynonymWeight: a pair listed only under the spun word is weaker
// evidence than one listed under the original with as many synonyms.
func TestSynonymWeight(t *testing.T) {
	l := testLexicon(t, DefaultK)
	for _, logN := range []float64{0, 1, 2.5} {
		if s, th := l.channelOf(Synonym, logN), l.channelOf(Thesaurus, logN); s >= th {
			t.Errorf("log10 n %.1f: synonym channel %.3f not below the thesaurus's %.3f", logN, s, th)
		}
	}
}

// TestSynonymLists: reading the inverted index back gives each root's own
// list, every posting once.
func TestSynonymLists(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	th := l.th
	lists := th.synonymLists()
	n := 0
	for r, list := range lists {
		n += len(list)
		if r%997 != 0 {
			continue
		}
		for _, w := range list {
			found := false
			th.rootIDsOf(int(w), func(x int) { found = found || x == r })
			if !found {
				t.Fatalf("root %q lists %q, whose postings lack it", th.root(r).word, th.word(int(w)))
			}
		}
	}
	if postings := int(u32(th.data, th.postOff+4*th.nWords)); n != postings {
		t.Errorf("%d list entries, %d postings", n, postings)
	}
	r := th.rootIndex("sleepy")
	if r < 0 || !containsID(lists[r], th.find("tired")) {
		t.Error(`"sleepy" heads no list holding "tired"`)
	}
}

func containsID(ids []int32, id int) bool {
	for _, x := range ids {
		if int(x) == id {
			return true
		}
	}
	return false
}
