package repair

import (
	"math"
	"testing"
)

func TestDigamma(t *testing.T) {
	const euler = 0.5772156649015329
	for _, tc := range []struct{ x, want float64 }{
		{1, -euler},
		{0.5, -euler - 2*math.Ln2},
		{10, 2.251752589066721},
		{100, 4.600161852738087},
	} {
		if got := digamma(tc.x); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("digamma(%g) = %.12f, want %.12f", tc.x, got, tc.want)
		}
	}
}

// TestBetaRateShrinksShortTexts: with little evidence the rate the channel
// uses sits well below the posterior mean; with a page of it, at the mean.
func TestBetaRateShrinksShortTexts(t *testing.T) {
	short := betaRate(1.2, 24) // a sentence: the prior's 20 words and 4 of its own
	if mean := 1.2 / 24; short > 0.7*mean {
		t.Errorf("short text: rate %.4f, want well below the mean %.4f", short, mean)
	}
	long := betaRate(40, 800)
	if mean := 40.0 / 800; math.Abs(long-mean) > 0.002 {
		t.Errorf("long text: rate %.4f, want about the mean %.4f", long, mean)
	}
}
