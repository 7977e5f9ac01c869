package repair

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// randomTree grows a tree of at most depth levels over nf features, some
// branches ending early.
func randomTree(rng *rand.Rand, depth, nf int) Tree {
	var t Tree
	var grow func(level int) int
	grow = func(level int) int {
		k := len(t.Nodes)
		t.Nodes = append(t.Nodes, Node{Feature: -1, Value: rng.NormFloat64()})
		if level < depth && rng.IntN(4) > 0 {
			t.Nodes[k] = Node{Feature: rng.IntN(nf), Threshold: rng.NormFloat64()}
			l := grow(level + 1)
			r := grow(level + 1)
			t.Nodes[k].Left, t.Nodes[k].Right = l, r
		}
		return k
	}
	grow(0)
	return t
}

// The laid-out forest gives the sum the trees' own walks give, for trees
// of the shallow layout's depth and for deeper ones.
func TestForestMatchesTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nf = 6
	for _, depth := range []int{1, 3, 5} {
		trees := make([]Tree, 50)
		for i := range trees {
			trees[i] = randomTree(rng, depth, nf)
		}
		f, err := newForest(trees, nf)
		if err != nil {
			t.Fatal(err)
		}
		for range 1000 {
			x := make([]float64, nf)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			if rng.IntN(10) == 0 { // exactly on a threshold: goes left
				k := rng.IntN(len(trees[0].Nodes))
				if n := trees[0].Nodes[k]; n.Feature >= 0 {
					x[n.Feature] = n.Threshold
				}
			}
			want := 0.0
			for i := range trees {
				want += trees[i].Value(x)
			}
			if got := f.value(x); got != want {
				t.Fatalf("depth %d: forest %v, trees %v", depth, got, want)
			}
		}
	}
}

// A decision file whose trees point outside themselves or split on a
// feature the build lacks is refused rather than walked.
func TestForestRefusesBrokenTrees(t *testing.T) {
	for _, c := range []struct {
		name string
		tree Tree
		want string
	}{
		{"link", Tree{Nodes: []Node{{Feature: 0, Left: 1, Right: 5}, {Feature: -1}}}, "out of the tree"},
		{"feature", Tree{Nodes: []Node{{Feature: 9, Left: 1, Right: 1}, {Feature: -1}}}, "feature 9"},
		{"cycle", Tree{Nodes: []Node{{Feature: 0, Left: 0, Right: 0}}}, "out of the tree"},
	} {
		_, err := newForest([]Tree{c.tree}, 3)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}
