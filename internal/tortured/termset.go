package tortured

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
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

func (s hashSet) has(h uint64) bool {
	i := sort.Search(s.len(), func(i int) bool { return s.at(i) >= h })
	return i < s.len() && s.at(i) == h
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
