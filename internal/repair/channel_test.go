package repair

import (
	"math"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
)

func TestRateFree(t *testing.T) {
	b := DefaultOptions().Base
	for _, tc := range []struct {
		name        string
		c           lexicon.Candidate
		lnq         float64
		class       rateClass
		replaceable bool
	}{
		{"kept, never replaced", lexicon.Candidate{Word: "washington", Source: lexicon.Keep}, 0, contentWords, false},
		{"kept function word", lexicon.Candidate{Word: "the", Channel: math.Log10(1 - b.Swap), Source: lexicon.Keep, Swappable: true}, 0, functionWords, true},
		{"kept content word", lexicon.Candidate{Word: "fighters", Channel: math.Log10(1 - b.Replace), Source: lexicon.Keep}, 0, contentWords, true},
		{"swap", lexicon.Candidate{Word: "the", Channel: math.Log10(b.Swap * 0.5), Source: lexicon.Swap}, math.Log(0.5), functionWords, true},
		{"thesaurus", lexicon.Candidate{Word: "said", Channel: math.Log10(b.Replace * 0.01), Source: lexicon.Thesaurus}, math.Log(0.01), contentWords, true},
	} {
		lnq, class, replaceable := b.rateFree(tc.c)
		if math.Abs(lnq-tc.lnq) > 1e-9 || class != tc.class || replaceable != tc.replaceable {
			t.Errorf("%s: rateFree = %.4f, %d, %v; want %.4f, %d, %v", tc.name, lnq, class, replaceable, tc.lnq, tc.class, tc.replaceable)
		}
	}
}

// TestLeaveOut: an open-class swap is scored on the rest of the document's
// swap evidence, its own expected replacement taken out; other slots, and
// documents too long for one word to matter, keep the estimated rate.
func TestLeaveOut(t *testing.T) {
	var r rates
	for c := range r.of {
		r.of[c] = 0.5
	}
	r.hits, r.trials = 0.1+3, 20+4 // the prior, and 3 replacements of 4 elsewhere and here
	f := factorsOf(r, 1)
	opts := []option{{evidence: 1, class: contentWords}, {evidence: 3, class: openSwaps}}
	got, ok := r.leaveOut(opts, f)
	p := 3 * f.alt[openSwaps] / (1 + 3*f.alt[openSwaps])
	if want := betaRate(r.hits-p, r.trials-p); !ok || math.Abs(got-want) > 1e-12 {
		t.Errorf("leaveOut = %v, %v; want %v", got, ok, want)
	}
	if _, ok := r.leaveOut([]option{{evidence: 1, class: functionWords, replaceable: true}, {evidence: 3, class: functionWords}}, f); ok {
		t.Error("a function-word slot was left out")
	}
	r.hits, r.trials = 0, 0
	if _, ok := r.leaveOut(opts, f); ok {
		t.Error("a long document's rate was recomputed")
	}
}
