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
