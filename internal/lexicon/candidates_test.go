package lexicon

import (
	"slices"
	"testing"
)

func words(cs []Candidate) []string {
	var w []string
	for _, c := range cs {
		w = append(w, c.Word)
	}
	return w
}

func TestCandidatesPropose(t *testing.T) {
	l := testLexicon(t, 30)
	for _, tc := range []struct{ spun, want string }{
		{"pronounced", "said"},   // thesaurus
		{"warriors", "fighters"}, // plural re-inflected
		{"seemed", "appeared"},   // past tense re-inflected
		{"a", "the"},             // swap table
		{"infantry", "military"}, // swap table
		{"initial", "first"},
	} {
		got := l.Candidates(tc.spun)
		if got[0].Word != tc.spun || got[0].Source != Keep {
			t.Errorf("%s: first candidate %v, want the word kept", tc.spun, got[0])
		}
		if !slices.Contains(words(got), tc.want) {
			t.Errorf("%s: %q not among %v", tc.spun, tc.want, words(got))
		}
		if len(got) > 30 {
			t.Errorf("%s: %d candidates, K is 30", tc.spun, len(got))
		}
	}
}

func TestCandidatesKeepOnly(t *testing.T) {
	l := testLexicon(t, 30)
	for _, w := range []string{"Washington", "The", "ISIL", "2015", "he", "about", "you", "x86", "http://example.com", "a@b.org", "os.Exit", "snake_case"} {
		if got := l.Candidates(w); len(got) != 1 || got[0].Source != Keep {
			t.Errorf("%s: got %v, want the keep candidate only", w, got)
		}
	}
}

// TestKeepSwappable: the kept word says whether the swap table would
// replace it, which decides the spin rate that applies to keeping it.
func TestKeepSwappable(t *testing.T) {
	l := testLexicon(t, 30)
	for _, tc := range []struct {
		word      string
		swappable bool
	}{
		{"the", true},       // an original of the swap table ("a" for "the")
		{"military", true},  // "infantry" for "military"
		{"fighters", false}, // replaced through the thesaurus
		{"Washington", false},
	} {
		if got := l.Candidates(tc.word)[0]; got.Swappable != tc.swappable {
			t.Errorf("%s kept as %+v, want Swappable %v", tc.word, got, tc.swappable)
		}
	}
}

func TestCandidatesKnownOnly(t *testing.T) {
	l := testLexicon(t, 50)
	uni := l.Options().Unigram
	for _, w := range []string{"pronounced", "flourishing", "stays", "quarrel"} {
		for _, c := range l.Candidates(w)[1:] {
			if p := uni(c.Word); p < -99 {
				t.Errorf("%s: proposed %q, which the model does not know", w, c.Word)
			}
		}
	}
}

// TestCandidatesConcurrent: views are shared by the decoder's goroutines;
// lookups racing on the same words and the same originals must agree with
// a lookup made alone (run with -race).
func TestCandidatesConcurrent(t *testing.T) {
	base := testLexicon(t, 30)
	ws := []string{"pronounced", "warriors", "opposite", "team-work", "metropolises", "a", "seemed", "initial"}
	shared := base.With(base.Options())
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for i := range ws {
				shared.Candidates(ws[(i+g)%len(ws)])
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	alone := base.With(base.Options())
	for _, w := range ws {
		if a, b := words(shared.Candidates(w)), words(alone.Candidates(w)); !slices.Equal(a, b) {
			t.Errorf("%s: concurrent %v, alone %v", w, a, b)
		}
	}
}

// A hyphen-joined multi-word entry of the thesaurus or WordNet, a word no
// list holds, gets the entry's originals, but never one of its own parts.
func TestCandidatesJoinedPhrase(t *testing.T) {
	l := testLexicon(t, 30)
	for _, tc := range []struct{ spun, want string }{
		{"urban-center", "city"},       // WordNet's "urban center"
		{"team-work", "cooperation"},   // Moby's "team work", in the real sample
		{"law-of-nature", "principle"}, // Moby's "law of nature"
	} {
		if got := words(l.Candidates(tc.spun)); !slices.Contains(got, tc.want) {
			t.Errorf("%s: candidates %v lack %q", tc.spun, got, tc.want)
		}
	}
	for _, tc := range []struct{ spun, part string }{
		{"first-base", "first"},
		{"team-up", "team"},
	} {
		if got := words(l.Candidates(tc.spun)); slices.Contains(got, tc.part) {
			t.Errorf("%s: candidates %v hold its part %q", tc.spun, got, tc.part)
		}
	}
}
