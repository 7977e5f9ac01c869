package repair

import (
	"math"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
)

// TestJoinPhrasesSharedPart: "liver disappointment" offered as "liver
// failure" and "heart failure"; the first is sure, the second is dropped,
// and dropping it must not take "failure", the part they share, from the
// first.
func TestJoinPhrasesSharedPart(t *testing.T) {
	word := func(ws ...string) position {
		var cs []lexicon.Candidate
		for _, w := range ws {
			cs = append(cs, lexicon.Candidate{Word: w})
		}
		return position{cands: cs}
	}
	opts := []option{{cand: 0}, {cand: 1, phrase: true}}
	st := sentence{
		words: []position{word("liver", "heart"), word("disappointment", "failure")},
		slots: []slot{{opts: opts}, {opts: opts}},
		phrases: []phraseSpan{
			{start: 0, words: []string{unchanged, "failure"}, orig: "liver failure", class: inferredPhrases},
			{start: 0, words: []string{"heart", "failure"}, orig: "heart failure", class: inferredPhrases},
		},
	}
	post := [][]float64{{0.9, 0.1}, {0.02, 0.98}}
	joinPhrases(st, post, 0.95)
	if math.Abs(post[1][1]-0.98) > 1e-9 {
		t.Errorf("failure, the kept phrase's part: posterior %v, want 0.98", post[1][1])
	}
	if post[0][1] != 0 || post[0][0] != 1 {
		t.Errorf("heart, the dropped phrase's own part: posteriors %v, want [1 0]", post[0])
	}
}
