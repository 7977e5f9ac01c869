package lm

// Packed n-gram keys for training. An n-gram of up to MaxOrder words is packed
// into 128 bits, knIDBits per word, oldest word in the highest bits. Keys of
// one order then sort in the lexicographic order of their words, so all the
// n-grams sharing a context are adjacent, and the context, suffix and newest
// word of a key are shifts and masks rather than slice copies. Counting hashes
// these fixed-size keys instead of strings, which is what keeps training above
// a million tokens a second.

// knIDBits is the width of one word id in a key: 24 bits times MaxOrder (5)
// words fit in 128 bits with room to spare.
const knIDBits = 24

// knMaxVocab is the largest vocabulary a trained model may have (2^24 ids,
// about 16.7 million words, far beyond what fits in memory as n-gram counts).
const knMaxVocab = 1 << knIDBits

// knKey is a packed n-gram; the zero key is the empty n-gram.
type knKey struct{ hi, lo uint64 }

// knMasks[n] keeps the newest n words of a key.
var knMasks = func() (m [MaxOrder + 1]knKey) {
	for n := 1; n <= MaxOrder; n++ {
		bits := uint(n * knIDBits)
		if bits >= 64 {
			m[n] = knKey{1<<(bits-64) - 1, ^uint64(0)}
		} else {
			m[n] = knKey{0, 1<<bits - 1}
		}
	}
	return m
}()

// push appends w as the newest word; the oldest bits fall off the top.
func (k knKey) push(w WordID) knKey {
	return knKey{k.hi<<knIDBits | k.lo>>(64-knIDBits), k.lo<<knIDBits | uint64(w)}
}

// keep is the n-gram of the newest n words of k (its suffix of length n).
func (k knKey) keep(n int) knKey {
	m := knMasks[n]
	return knKey{k.hi & m.hi, k.lo & m.lo}
}

// context drops the newest word.
func (k knKey) context() knKey {
	return knKey{k.hi >> knIDBits, k.lo>>knIDBits | k.hi<<(64-knIDBits)}
}

// last is the newest word.
func (k knKey) last() WordID { return WordID(k.lo & (knMaxVocab - 1)) }

// words unpacks an n-gram of order n into dst, oldest first.
func (k knKey) words(n int, dst []WordID) []WordID {
	dst = dst[:0]
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, k.shiftRight(i).last())
	}
	return dst
}

// shiftRight drops the newest i words.
func (k knKey) shiftRight(i int) knKey {
	for ; i > 0; i-- {
		k = k.context()
	}
	return k
}

// knPack packs ids, oldest first.
func knPack(ids []WordID) knKey {
	var k knKey
	for _, w := range ids {
		k = k.push(w)
	}
	return k
}

// knCompare orders keys of one order lexicographically by their words.
func knCompare(a, b knKey) int {
	switch {
	case a.hi < b.hi:
		return -1
	case a.hi > b.hi:
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}
