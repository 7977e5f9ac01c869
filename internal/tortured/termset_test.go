package tortured

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestHashSetHas checks the guided search against a plain binary search,
// on random sets with the extremes of the range, duplicates and a cluster.
func TestHashSetHas(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 10, 100, 1000, 50000} {
		var hs []uint64
		for range n {
			hs = append(hs, r.Uint64())
		}
		if n > 5 {
			hs[0], hs[1] = 0, ^uint64(0)
			hs = append(hs, hs[2], 5, 6, 7) // duplicates, clustered
		}
		slices.Sort(hs)
		b := make([]byte, 8*len(hs))
		for i, h := range hs {
			binary.LittleEndian.PutUint64(b[8*i:], h)
		}
		s := hashSet(b)
		old := func(h uint64) bool {
			i := sort.Search(s.len(), func(i int) bool { return s.at(i) >= h })
			return i < s.len() && s.at(i) == h
		}
		probe := append([]uint64{0, 1, 4, 5, 6, 7, 8, ^uint64(0), ^uint64(0) - 1}, hs...)
		for range 20000 {
			probe = append(probe, r.Uint64())
		}
		for _, h := range hs {
			probe = append(probe, h+1, h-1)
		}
		for _, h := range probe {
			if s.has(h) != old(h) {
				t.Fatalf("n %d: has(%d) = %v", n, h, s.has(h))
			}
		}
	}
}

// BenchmarkHashSetHas looks up the shipped terms, half of them present.
func BenchmarkHashSetHas(b *testing.B) {
	in, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	s := in.shipped.terms
	r := rand.New(rand.NewPCG(1, 2))
	var qs []uint64
	for range 4096 {
		if r.IntN(2) == 0 {
			qs = append(qs, s.at(r.IntN(s.len())))
		} else {
			qs = append(qs, r.Uint64())
		}
	}
	n := 0
	for i := 0; b.Loop(); i++ {
		if s.has(qs[i&4095]) {
			n++
		}
	}
}
