package repair

import "math"

// betaRate is the rate the channel uses for a class with a replaced
// replacements expected among n words the spinner could have replaced,
// prior included: exp E[ln r] under the Beta(a, n-a) posterior, the
// posterior's geometric mean, rather than its mean a/n.
//
// The channel scores an alternative with ln r, so the expectation of ln r
// is what the evidence supports. On a long document the two agree (a page
// of words leaves the posterior narrow); on a short one, where the prior
// holds most of the weight, the posterior is wide and ln(a/n) overstates
// the expected ln r (Jensen's inequality), by about 0.5 nats for a single
// sentence. That overstatement was enough for the language model alone to
// rewrite a clean sentence's words; with the expectation a change needs
// evidence in proportion to the little text there is.
func betaRate(a, n float64) float64 {
	return math.Exp(digamma(a) - digamma(n))
}

// digamma is ψ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) - 1/x up to 6,
// then the asymptotic series, accurate to about 1e-10 there.
func digamma(x float64) float64 {
	var r float64
	for ; x < 6; x++ {
		r -= 1 / x
	}
	f := 1 / (x * x)
	return r + math.Log(x) - 0.5/x - f*(1.0/12-f*(1.0/120-f*(1.0/252-f*(1.0/240-f/132))))
}
