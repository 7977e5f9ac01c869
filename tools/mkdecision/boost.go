package main

import (
	"math"
	"slices"

	"github.com/unspin/unspin/internal/repair"
)

// boost fits gradient-boosted regression trees to the logistic loss
// (Friedman's LogitBoost-style Newton steps): depth-limited trees whose
// splits are chosen among quantile bins of each feature, so that a round
// costs one pass over the examples per tree level. Trees find what a linear
// model cannot: that a low posterior means little for a word the model
// does not know, or that the document's spin rate matters only for
// thesaurus candidates.
func boost(e examples, rounds, depth int, rate float64) []repair.Tree {
	n, nf := len(e.y), len(repair.FeatureNames)
	cuts := make([][]float64, nf)
	bins := make([][]uint8, nf)
	for f := range nf {
		cuts[f] = quantiles(e.x, f, 32)
		bins[f] = make([]uint8, n)
		for i := range n {
			bins[f][i] = uint8(binOf(cuts[f], e.x[i][f]))
		}
	}
	score := make([]float64, n)
	var base float64
	{
		var pos, wsum float64
		for i := range n {
			pos += e.w[i] * e.y[i]
			wsum += e.w[i]
		}
		base = math.Log(pos / (wsum - pos))
		for i := range score {
			score[i] = base
		}
	}
	trees := []repair.Tree{{Nodes: []repair.Node{{Feature: -1, Value: base}}}}
	g, h := make([]float64, n), make([]float64, n)
	for range rounds {
		for i := range n {
			p := 1 / (1 + math.Exp(-score[i]))
			g[i], h[i] = e.w[i]*(e.y[i]-p), e.w[i]*p*(1-p)
		}
		b := &builder{bins: bins, cuts: cuts, g: g, h: h, depth: depth, rate: rate}
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
		}
		b.grow(idx, 0)
		t := repair.Tree{Nodes: b.nodes}
		for i := range n {
			score[i] += t.Value(e.x[i])
		}
		trees = append(trees, t)
	}
	return trees
}

type builder struct {
	bins  [][]uint8
	cuts  [][]float64
	g, h  []float64
	depth int
	rate  float64
	nodes []repair.Node
}

const minHessian = 5 // the least weight of examples a leaf may hold

// grow adds the subtree over examples idx and returns its node index.
func (b *builder) grow(idx []int32, level int) int {
	at := len(b.nodes)
	b.nodes = append(b.nodes, repair.Node{Feature: -1})
	var G, H float64
	for _, i := range idx {
		G += b.g[i]
		H += b.h[i]
	}
	const lambda = 1
	b.nodes[at].Value = b.rate * G / (H + lambda)
	if level == b.depth || H < 2*minHessian {
		return at
	}
	bestGain, bestF, bestBin := 0.0, -1, 0
	parent := G * G / (H + lambda)
	var hg, hh [33]float64
	for f := range b.bins {
		clear(hg[:])
		clear(hh[:])
		for _, i := range idx {
			k := b.bins[f][i]
			hg[k] += b.g[i]
			hh[k] += b.h[i]
		}
		var lg, lh float64
		for k := 0; k < len(b.cuts[f]); k++ {
			lg += hg[k]
			lh += hh[k]
			rg, rh := G-lg, H-lh
			if lh < minHessian || rh < minHessian {
				continue
			}
			gain := lg*lg/(lh+lambda) + rg*rg/(rh+lambda) - parent
			if gain > bestGain {
				bestGain, bestF, bestBin = gain, f, k
			}
		}
	}
	if bestF < 0 {
		return at
	}
	var left, right []int32
	for _, i := range idx {
		if int(b.bins[bestF][i]) <= bestBin {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	b.nodes[at].Feature = bestF
	b.nodes[at].Threshold = b.cuts[bestF][bestBin]
	l := b.grow(left, level+1)
	r := b.grow(right, level+1)
	b.nodes[at].Left, b.nodes[at].Right = l, r
	return at
}

// quantiles returns up to k distinct cut points of feature f: an example
// goes left of cut c when its value is at most c.
func quantiles(x [][]float64, f, k int) []float64 {
	v := make([]float64, len(x))
	for i := range x {
		v[i] = x[i][f]
	}
	slices.Sort(v)
	var cuts []float64
	for q := 1; q < k; q++ {
		c := v[q*(len(v)-1)/k]
		if len(cuts) == 0 || c > cuts[len(cuts)-1] {
			cuts = append(cuts, c)
		}
	}
	if len(cuts) > 0 && cuts[len(cuts)-1] == v[len(v)-1] {
		cuts = cuts[:len(cuts)-1] // nothing would go right
	}
	return cuts
}

// binOf is the index of the first cut at or above v, len(cuts) past them all.
func binOf(cuts []float64, v float64) int {
	i, _ := slices.BinarySearch(cuts, v)
	return i
}
