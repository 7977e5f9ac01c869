package tortured

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"slices"
	"sort"
)

// The shipped terms as sorted hashes.
//
// Tens of thousands of terms parsed at start-up cost a one-page repair more
// than its decoding (0.1 s more, measured), and kept as strings they are
// heap the garbage collector scans on every cycle. So tools/mkphrases
// writes the terms and their prefixes as two sorted arrays of phrase hashes
// (terms.bin), which the binary reads in place: nothing to parse, nothing
// to scan.
//
// Layout, little-endian: the number of term hashes (uint32), the term
// hashes, then the prefix hashes, each a uint64, each array sorted.

// hashSet is a sorted array of 8-byte hashes read in place.
type hashSet string

func (s hashSet) len() int { return len(s) / 8 }

func (s hashSet) at(i int) uint64 { return binary.LittleEndian.Uint64([]byte(s[8*i : 8*i+8])) }

// has reports whether h is in the set. The hashes are spread evenly over
// the 64-bit range, so h's share of that range is close to its place in
// the array: the search starts there and widens its bracket step by
// doubling step until it holds h, then halves it. A plain binary search
// began in the middle of the 1.2 MB array and missed the cache at nearly
// every step; this one stays within a few lines around the guess.
func (s hashSet) has(h uint64) bool {
	n := s.len()
	if n == 0 {
		return false
	}
	g, _ := bits.Mul64(h, uint64(n)) // the guess: h's share of the range, in [0, n)
	lo, hi := int(g), int(g)+1       // h is sought in [lo, hi): s.at(lo-1) < h <= s.at(hi-1) once bracketed
	for step := 1; lo > 0 && s.at(lo) > h; step *= 2 {
		hi, lo = lo+1, max(lo-step, 0)
	}
	for step := 1; hi < n && s.at(hi-1) < h; step *= 2 {
		lo, hi = hi, min(hi+step, n)
	}
	i := lo + sort.Search(hi-lo, func(i int) bool { return s.at(lo+i) >= h })
	return i < n && s.at(i) == h
}

// frozenTerms are the shipped terms and prefixes.
type frozenTerms struct{ terms, prefixes hashSet }

func readTermHashes(data string) (frozenTerms, error) {
	if len(data) < 4 || (len(data)-4)%8 != 0 {
		return frozenTerms{}, errors.New("term hashes: truncated")
	}
	n := int(binary.LittleEndian.Uint32([]byte(data[:4])))
	if 4+8*n > len(data) {
		return frozenTerms{}, errors.New("term hashes: truncated")
	}
	return frozenTerms{terms: hashSet(data[4 : 4+8*n]), prefixes: hashSet(data[4+8*n:])}, nil
}

// WriteTermHashes writes the inferrer's terms and prefixes in the shipped
// layout (terms.bin).
func (in *Inferrer) WriteTermHashes(w io.Writer) error {
	sorted := func(m map[uint64]bool) []uint64 {
		out := make([]uint64, 0, len(m))
		for h := range m {
			out = append(out, h)
		}
		slices.Sort(out)
		return out
	}
	terms, prefixes := sorted(in.terms), sorted(in.prefixes)
	bw := bufio.NewWriter(w)
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:4], uint32(len(terms)))
	bw.Write(b[:4])
	for _, h := range append(terms, prefixes...) {
		binary.LittleEndian.PutUint64(b[:], h)
		bw.Write(b[:])
	}
	return bw.Flush()
}
