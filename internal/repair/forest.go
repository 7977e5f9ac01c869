package repair

import (
	"fmt"
	"math"
)

// A forest is boosted trees laid out for speed. The decision judges every
// candidate of every word, a few hundred trees each, and walking the
// trees' nodes as JSON gives them (a branch a level, which the processor
// cannot predict) took as long as the rest of a repair. Here every tree is
// a complete binary tree of the forest's depth, its splits in heap order
// and its leaves after them, so a walk is a few loads and compares with no
// branch to guess; a leaf above the full depth becomes splits that always
// go left, down to copies of its value.
type forest struct {
	shallow []tree4 // the trees when they are at most 4 deep, as tools/mkdecision makes them
	depth   int
	feature []int32   // each split's feature, 2^depth - 1 a tree
	limit   []float64 // and its threshold: go right when x[feature] > limit
	leaf    []float64 // each tree's 2^depth leaf values
}

// newForest lays out trees over nf features.
func newForest(trees []Tree, nf int) (*forest, error) {
	f := &forest{}
	for i := range trees {
		d, err := trees[i].depth(0, 0, nf)
		if err != nil {
			return nil, fmt.Errorf("tree %d: %w", i, err)
		}
		f.depth = max(f.depth, d)
	}
	splits, leaves := 1<<f.depth-1, 1<<f.depth
	f.feature = make([]int32, len(trees)*splits)
	f.limit = make([]float64, len(trees)*splits)
	f.leaf = make([]float64, len(trees)*leaves)
	for i := range trees {
		f.place(&trees[i], 0, 0, 0, i)
	}
	if f.depth <= 4 && nf <= 256 {
		f.shallow = shallowTrees(trees, nf)
	}
	return f, nil
}

// tree4 is a tree of depth 4 in one piece, walked without a loop: the
// common case (a shallower tree is padded to it), twice as fast as the
// general walk.
type tree4 struct {
	feature [15]uint8
	limit   [15]float64
	leaf    [16]float64
}

// shallowTrees lays out trees at most 4 deep as tree4s.
func shallowTrees(trees []Tree, nf int) []tree4 {
	f4 := &forest{depth: 4}
	f4.feature = make([]int32, len(trees)*15)
	f4.limit = make([]float64, len(trees)*15)
	f4.leaf = make([]float64, len(trees)*16)
	for i := range trees {
		f4.place(&trees[i], 0, 0, 0, i)
	}
	out := make([]tree4, len(trees))
	for i := range out {
		t := &out[i]
		for h := range 15 {
			t.feature[h], t.limit[h] = uint8(f4.feature[i*15+h]), f4.limit[i*15+h]
		}
		copy(t.leaf[:], f4.leaf[i*16:])
	}
	return out
}

// depth is the depth below node k at level, checking the tree's links and
// features as it goes: a file that breaks them is refused, not followed.
func (t *Tree) depth(k, level, nf int) (int, error) {
	if k < 0 || k >= len(t.Nodes) || level > 16 {
		return 0, fmt.Errorf("node %d at level %d: out of the tree", k, level)
	}
	n := t.Nodes[k]
	if n.Feature < 0 {
		return level, nil
	}
	if n.Feature >= nf {
		return 0, fmt.Errorf("node %d splits on feature %d of %d", k, n.Feature, nf)
	}
	l, err := t.depth(n.Left, level+1, nf)
	if err != nil {
		return 0, err
	}
	r, err := t.depth(n.Right, level+1, nf)
	return max(l, r), err
}

// place puts node k of tree t at heap position h of its level in tree i.
func (f *forest) place(t *Tree, k, h, level, i int) {
	splits := 1<<f.depth - 1
	if level == f.depth {
		f.leaf[i<<f.depth+h-splits] = t.Nodes[k].Value
		return
	}
	n := t.Nodes[k]
	left, right := n.Left, n.Right
	if n.Feature < 0 { // a leaf above the full depth: always left, to its copies
		f.feature[i*splits+h], f.limit[i*splits+h] = 0, math.Inf(1)
		left, right = k, k
	} else {
		f.feature[i*splits+h], f.limit[i*splits+h] = int32(n.Feature), n.Threshold
	}
	f.place(t, left, 2*h+1, level+1, i)
	f.place(t, right, 2*h+2, level+1, i)
}

// value is the trees' summed value for features x: the log-odds.
func (f *forest) value(x []float64) float64 {
	if f.shallow != nil {
		return value4(f.shallow, x)
	}
	splits := 1<<f.depth - 1
	trees := len(f.leaf) >> f.depth
	z := 0.0
	for i := range trees {
		feature := f.feature[i*splits : (i+1)*splits]
		limit := f.limit[i*splits : (i+1)*splits]
		h := 0
		for range f.depth {
			right := 0
			if x[feature[h]] > limit[h] {
				right = 1
			}
			h = 2*h + 1 + right
		}
		z += f.leaf[i<<f.depth+h-splits]
	}
	return z
}

// value4 walks four trees at a time. A walk is a chain of dependent loads
// and compares, and one tree's chain after another kept the processor
// waiting on each; four independent chains in one loop body overlap, which
// measured nearly twice as fast. The leaves are still added one tree after
// the other, so the sum is the same to the last bit.
func value4(trees []tree4, x []float64) float64 {
	z := 0.0
	i := 0
	for ; i+4 <= len(trees); i += 4 {
		a, b, c, d := leaf4(&trees[i], x), leaf4(&trees[i+1], x), leaf4(&trees[i+2], x), leaf4(&trees[i+3], x)
		z += a
		z += b
		z += c
		z += d
	}
	for ; i < len(trees); i++ {
		z += leaf4(&trees[i], x)
	}
	return z
}

// leaf4 is the leaf value tree t reaches for features x.
func leaf4(t *tree4, x []float64) float64 {
	h := 1 + step(x[t.feature[0]] > t.limit[0])
	h = 2*h + 1 + step(x[t.feature[h]] > t.limit[h])
	h = 2*h + 1 + step(x[t.feature[h&15]] > t.limit[h&15])
	h = 2*h + 1 + step(x[t.feature[h&15]] > t.limit[h&15])
	return t.leaf[(h-15)&15]
}

func step(b bool) int {
	if b {
		return 1
	}
	return 0
}
