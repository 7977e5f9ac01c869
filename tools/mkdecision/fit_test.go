package main

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// synthetic makes examples whose label depends on the first feature alone
// (linearly) and on the second through a threshold, as candidates' do.
func synthetic(n int) examples {
	rng := rand.New(rand.NewPCG(1, 2))
	var e examples
	nf := len(repair.FeatureNames)
	for range n {
		x := make([]float64, nf)
		for k := range x {
			x[k] = rng.NormFloat64()
		}
		z := 2*x[0] - 1
		if x[1] > 0.5 {
			z += 3
		}
		y := 0.0
		if rng.Float64() < 1/(1+math.Exp(-z)) {
			y = 1
		}
		e.x, e.y, e.w = append(e.x, x), append(e.y, y), append(e.w, 1)
	}
	return e
}

func logLoss(d *repair.Decision, e examples) float64 {
	var l float64
	for i, x := range e.x {
		p := min(max(d.Probability(x), 1e-12), 1-1e-12)
		if e.y[i] == 1 {
			l -= math.Log(p)
		} else {
			l -= math.Log(1 - p)
		}
	}
	return l / float64(len(e.y))
}

func TestFitFindsTheSignal(t *testing.T) {
	train, test := synthetic(4000), synthetic(2000)
	d := fit(train, 1)
	if d.Weights[0] < 1 || d.Weights[1] < 0.5 {
		t.Errorf("weights of the informative features %.2f, %.2f: want clearly positive", d.Weights[0], d.Weights[1])
	}
	for k := 2; k < len(d.Weights); k++ {
		if abs(d.Weights[k]) > 0.2 {
			t.Errorf("noise feature %d weighs %.2f", k, d.Weights[k])
		}
	}
	linear := logLoss(d, test)
	if err := d.UseTrees(boost(train, 60, 3, 0.2)); err != nil {
		t.Fatal(err)
	}
	if trees := logLoss(d, test); trees >= linear {
		t.Errorf("boosted trees log loss %.4f, not below the linear model's %.4f on a threshold effect", trees, linear)
	}
}

func abs(x float64) float64 { return max(x, -x) }
