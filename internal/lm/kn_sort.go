package lm

// knRadixSort sorts pairs of one order by key with a least-significant-digit
// radix sort on bytes: 3 passes a word (fewer, since passes over a byte that
// is the same in every key are skipped, such as the top byte of every id in a
// vocabulary under 65,536 words). On a million trigrams it is several times
// faster than a comparison sort, and sorting is most of estimation's cost.
func knRadixSort(pairs []knPair, order int) {
	if len(pairs) < 2 {
		return
	}
	src, dst := pairs, make([]knPair, len(pairs))
	for shift := 0; shift < order*knIDBits; shift += 8 {
		var counts [256]int
		for i := range src {
			counts[src[i].key.byteAt(shift)]++
		}
		if counts[src[0].key.byteAt(shift)] == len(src) {
			continue // every key has this byte: the pass would not move anything
		}
		pos := 0
		for d, c := range counts {
			counts[d] = pos
			pos += c
		}
		for i := range src {
			d := src[i].key.byteAt(shift)
			dst[counts[d]] = src[i]
			counts[d]++
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
