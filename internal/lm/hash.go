package lm

import "math/bits"

// Hashing. Words are hashed once, as strings, to find their ids; n-grams are
// hashed from their ids, newest word first, one word at a time, so that Score
// extends the key of (c1 w) to (c2 c1 w) with one multiply-mix rather than
// rehashing the whole n-gram. The file stores only fingerprints of these
// hashes, so the functions are part of the format: changing them needs a new
// format version.

// Multipliers and shifts of the splitmix64 finaliser (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", 2014), a cheap mixer whose
// output bits all depend on all input bits.
const (
	mixA = 0xbf58476d1ce4e5b9
	mixB = 0x94d049bb133111eb
	// golden is 2^64 divided by the golden ratio, the usual odd constant for
	// spreading consecutive integers (word ids) apart before mixing.
	golden = 0x9e3779b97f4a7c15
)

func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= mixA
	x ^= x >> 27
	x *= mixB
	x ^= x >> 31
	return x
}

// wordKey starts an n-gram key with its newest word.
func wordKey(w WordID) uint64 { return mix64(uint64(w)*golden + 1) }

// extendKey adds an older word to the left of the n-gram whose key is h.
func extendKey(h uint64, older WordID) uint64 {
	return mix64(h ^ (uint64(older)+1)*golden)
}

// ngramKey is the key of ids, oldest first (the order ARPA writes them).
func ngramKey(ids []WordID) uint64 {
	h := wordKey(ids[len(ids)-1])
	for i := len(ids) - 2; i >= 0; i-- {
		h = extendKey(h, ids[i])
	}
	return h
}

// stringKey is FNV-1a (64-bit) followed by the mixer: FNV alone leaves the
// high bits, which pick the slot, poorly mixed for short words.
func stringKey(s string) uint64 {
	const (
		offset = 14695981039346656037 // FNV-1a 64-bit offset basis
		prime  = 1099511628211        // FNV-1a 64-bit prime
	)
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return mix64(h)
}

// vocabFingerprint is the low 32 bits of a word's stringKey, never zero.
func vocabFingerprint(h uint64) uint64 { return fingerprint(h, 32) }

// slotOf maps a hash onto [0, n) using its high bits (Lemire's multiply-shift
// range reduction), leaving the low bits free for the fingerprint.
func slotOf(h, n uint64) uint64 {
	hi, _ := bits.Mul64(h, n)
	return hi
}

// fingerprint is the low nbits of h, never zero: zero marks an empty slot.
func fingerprint(h uint64, nbits uint) uint64 {
	f := h & (1<<nbits - 1)
	if f == 0 {
		f = 1
	}
	return f
}
