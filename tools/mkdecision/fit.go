package main

import (
	"fmt"
	"math"

	"github.com/unspin/unspin/internal/repair"
)

// fit trains a logistic regression on standardised features by Newton's
// method (iteratively reweighted least squares) with an L2 penalty: two
// dozen features and a few hundred thousand examples converge in a handful
// of steps, with no learning rate to tune.
func fit(e examples, l2 float64) *repair.Decision {
	n := len(repair.FeatureNames)
	d := &repair.Decision{Features: repair.FeatureNames, Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n)}
	var wsum float64
	for i, x := range e.x {
		for k, v := range x {
			d.Mean[k] += e.w[i] * v
		}
		wsum += e.w[i]
	}
	for k := range d.Mean {
		d.Mean[k] /= wsum
	}
	for i, x := range e.x {
		for k, v := range x {
			d.Scale[k] += e.w[i] * (v - d.Mean[k]) * (v - d.Mean[k])
		}
	}
	for k := range d.Scale {
		d.Scale[k] = math.Sqrt(d.Scale[k] / wsum)
		if d.Scale[k] < 1e-9 {
			d.Scale[k] = 1 // a constant feature: its weight stays 0
		}
	}
	m := n + 1 // the weights and the bias, last
	beta := make([]float64, m)
	z := make([]float64, m)
	for iter := range 25 {
		grad := make([]float64, m)
		hess := make([][]float64, m)
		for k := range hess {
			hess[k] = make([]float64, m)
		}
		for i, x := range e.x {
			for k, v := range x {
				z[k] = (v - d.Mean[k]) / d.Scale[k]
			}
			z[n] = 1
			s := 0.0
			for k := range z {
				s += beta[k] * z[k]
			}
			p := 1 / (1 + math.Exp(-s))
			g, h := e.w[i]*(e.y[i]-p), e.w[i]*p*(1-p)
			for a := range z {
				grad[a] += g * z[a]
				for b := 0; b <= a; b++ {
					hess[a][b] += h * z[a] * z[b]
				}
			}
		}
		for a := range m {
			for b := 0; b < a; b++ {
				hess[b][a] = hess[a][b]
			}
			if a < n {
				grad[a] -= l2 * beta[a]
				hess[a][a] += l2
			}
			hess[a][a] += 1e-9
		}
		step := solve(hess, grad)
		change := 0.0
		for k := range beta {
			beta[k] += step[k]
			change = max(change, math.Abs(step[k]))
		}
		if change < 1e-6 {
			_ = iter
			break
		}
	}
	copy(d.Weights, beta[:n])
	d.Bias = beta[n]
	return d
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting; a is small and positive definite.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

// report prints the weights, largest first in effect, and the training
// set's log loss, for whoever retrains.
func report(d *repair.Decision, e examples) {
	var loss, wsum float64
	for i, x := range e.x {
		p := min(max(d.Probability(x), 1e-12), 1-1e-12)
		loss -= e.w[i] * (e.y[i]*math.Log(p) + (1-e.y[i])*math.Log(1-p))
		wsum += e.w[i]
	}
	fmt.Printf("training log loss %.4f over %d candidates\n", loss/wsum, len(e.y))
	for k, name := range d.Features {
		fmt.Printf("  %-15s %+.3f\n", name, d.Weights[k])
	}
	fmt.Printf("  %-15s %+.3f\n", "bias", d.Bias)
}
