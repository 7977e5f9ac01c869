package lm

// knRadixSort sorts pairs of one order by key with a least-significant-digit
// radix sort on bytes: 3 passes a word, fewer since passes over a byte that
// is the same in every key are skipped (the top byte of every id, in a
// vocabulary under 65,536 words). The byte counts of all passes are taken
// in one read of the input. On a million trigrams it is several times
// faster than a comparison sort, and sorting is most of estimation's cost.
func knRadixSort(pairs []knPair, order int) {
	if len(pairs) < 2 {
		return
	}
	digits := order * knIDBits / 8
	counts := make([][256]int, digits)
	for i := range pairs {
		k := pairs[i].key
		for d := range digits {
			counts[d][k.byteAt(8*d)]++
		}
	}
	src, dst := pairs, make([]knPair, len(pairs))
	for d := range digits {
		c := &counts[d]
		shift := 8 * d
		if c[src[0].key.byteAt(shift)] == len(src) {
			continue // every key has this byte: the pass would not move anything
		}
		pos := 0
		for b, n := range c {
			c[b] = pos
			pos += n
		}
		for i := range src {
			b := src[i].key.byteAt(shift)
			dst[c[b]] = src[i]
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &pairs[0] {
		copy(pairs, src)
	}
}

// byteAt is the byte of k starting at bit shift, a multiple of 8.
func (k knKey) byteAt(shift int) byte {
	if shift >= 64 {
		return byte(k.hi >> (shift - 64))
	}
	return byte(k.lo >> shift)
}
