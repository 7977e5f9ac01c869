package repair

import (
	"math"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
)

// TestConsistency: each occurrence of a spun word is swayed by what its
// other occurrences' contexts say, a word seen once and function words are
// not, and a weight of 0 turns it all off.
func TestConsistency(t *testing.T) {
	sent := func(spun string, class rateClass, altEvidence float64) sentence {
		return sentence{
			words: []position{{cands: []lexicon.Candidate{{Word: spun}}}},
			slots: []slot{{opts: []option{
				{id: 1, evidence: 1, replaceable: true, class: class},
				{id: 2, evidence: altEvidence, class: class},
			}}},
		}
	}
	sents := []sentence{
		sent("initial", contentWords, 0.1),
		sent("initial", contentWords, 3),
		sent("initial", contentWords, 3),
		sent("crew", contentWords, 3),
		sent("a", functionWords, 3),
		sent("a", functionWords, 3),
	}
	var rate rates
	for c := range rate.of {
		rate.of[c] = 0.5 // keep and replace weigh alike: local posteriors are the evidence's shares
	}
	r := &Repairer{opts: Options{Consistency: 2, ChannelWeight: 1}}
	r.setConsistency(sents, rate)
	// The first "initial" hears from two others, each 3:1 for the
	// alternative: 2 × (0.75 - 0.25).
	if got := sents[0].slots[0].opts[1].doc; math.Abs(got-1) > 1e-9 {
		t.Errorf("first occurrence: doc term %v, want 1", got)
	}
	// The second hears from the first (1:10) and the third (3:1).
	want := 2 * ((0.1/1.1+0.75)/2 - (1/1.1+0.25)/2)
	if got := sents[1].slots[0].opts[1].doc; math.Abs(got-want) > 1e-9 {
		t.Errorf("second occurrence: doc term %v, want %v", got, want)
	}
	if sents[3].slots[0].opts[1].doc != 0 {
		t.Error("a word seen once was swayed")
	}
	if sents[4].slots[0].opts[1].doc != 0 {
		t.Error("a function word was swayed")
	}
	for i := range sents {
		sents[i].slots[0].opts[1].doc = 0
	}
	r.opts.Consistency = 0
	r.setConsistency(sents, rate)
	if sents[0].slots[0].opts[1].doc != 0 {
		t.Error("weight 0 still sways")
	}
}
