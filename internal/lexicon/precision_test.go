package lexicon

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// TestClosedOriginalsFromSwapsOnly: thesauri list prepositions and
// pronouns as synonyms of content words ("on" under "opposite"), which no
// spinner seen undoes; only the swap table may propose a closed-class
// original. Checked over every word of the spun sample.
func TestClosedOriginalsFromSwapsOnly(t *testing.T) {
	l := testLexicon(t, TableDepth+1)
	data, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	words := append(strings.Fields(string(data)), "opposite", "despite", "approach", "against")
	for _, w := range words {
		for _, c := range l.Candidates(trimPunct(w))[1:] {
			if l.closed[c.Word] && c.Source != Swap {
				t.Errorf("%s: closed-class %q proposed by %v", w, c.Word, c.Source)
			}
		}
	}
}

// TestHyphenatedNoHalves: a hyphenated compound's spelling variants are
// its joined form, not its parts; a spinner swap that drops a part lives
// in the swap table.
func TestHyphenatedNoHalves(t *testing.T) {
	l := testLexicon(t, TableDepth+1)
	for _, w := range []string{"cease-fire", "full-time", "year-old", "team-work", "drop-off", "well-known", "grease-gun"} {
		cs := l.Candidates(w)
		for _, c := range cs[1:] {
			for _, part := range strings.Split(w, "-") {
				if c.Word == part && c.Source != Swap {
					t.Errorf("%s: proposes its part %q (%v)", w, part, c.Source)
				}
			}
		}
	}
	uni := l.Options().Unigram
	if joined := "teamwork"; uni(joined) > -99 && !hasWord(l.Candidates("team-work"), joined) {
		t.Errorf("team-work: joined form %q missing from %v", joined, words(l.Candidates("team-work")))
	}
	if c := find(l.Candidates("some-more"), "more"); c.Source != Swap {
		t.Errorf("some-more: want more from the swap table, got %v", c)
	}
}

func find(cs []Candidate, w string) Candidate {
	for _, c := range cs {
		if c.Word == w {
			return c
		}
	}
	return Candidate{Source: 255}
}

// TestUnlistedInflection: a form the ranking model does not know is not
// in the table, and gets its lemma's roots re-inflected at query time.
func TestUnlistedInflection(t *testing.T) {
	l := testLexicon(t, TableDepth+1)
	for _, tc := range []struct{ spun, want string }{
		{"metropolises", "cities"},
		{"egressed", "issued"},
	} {
		if c := find(l.Candidates(tc.spun), tc.want); c.Source != Morphology && c.Source != Thesaurus && c.Source != WordNet {
			t.Errorf("%s: %s not proposed (%v)", tc.spun, tc.want, words(l.Candidates(tc.spun)))
		}
	}
}

// TestOptionsApply: the table stores what a channel is made of, so the
// options still change it: a larger Alpha lowers every thesaurus channel
// of a root with more than one synonym, and K cuts the list.
func TestOptionsApply(t *testing.T) {
	base := testLexicon(t, 10)
	o := base.Options()
	o.Alpha = 2
	steep := base.With(o)
	for _, c := range base.Candidates("pronounced")[1:] {
		if d := find(steep.Candidates("pronounced"), c.Word); d.Source == Thesaurus && d.Channel >= c.Channel {
			t.Errorf("%s: channel %.3f at alpha 2, %.3f at alpha 1", c.Word, d.Channel, c.Channel)
		}
	}
	if n := len(base.Candidates("pronounced")); n != 10 {
		t.Errorf("K=10 gave %d candidates", n)
	}
	// A user's model that knows only two words filters the table.
	only := base.With(Options{K: 30, Unigram: func(w string) float64 {
		if w == "said" || w == "told" {
			return -3
		}
		return math.Inf(-1)
	}})
	got := only.Candidates("pronounced")
	for _, c := range got[1:] {
		if c.Word != "said" && c.Word != "told" {
			t.Errorf("model knowing said and told: proposed %q", c.Word)
		}
	}
	if !hasWord(got, "said") {
		t.Errorf("model knowing said: %v lacks it", words(got))
	}
}
