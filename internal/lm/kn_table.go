package lm

import "math/bits"

// knTable is an open-addressing hash table from packed n-grams to a uint32
// (a count while training, an index into a sorted level afterwards). It
// replaces a Go map in the hot loop: the keys are fixed-size integers whose
// hash is two multiplies, and iterating the slots is a sequential scan.
// The zero key marks an empty slot; no stored n-gram is zero, because every
// n-gram of order 2 or more contains a word other than <unk>.
type knTable struct {
	slots []knPair
	shift uint // 64 - log2(len(slots))
	n     int
}

// knTableMinSize is the initial number of slots (a power of two).
const knTableMinSize = 1 << 10

// knHash mixes both halves of a key; the top bits pick the slot
// (Fibonacci hashing: Knuth, TAOCP vol. 3, section 6.4).
func knHash(k knKey) uint64 {
	const golden = 0x9e3779b97f4a7c15 // 2^64 divided by the golden ratio
	const mixer = 0xbf58476d1ce4e5b9  // the splitmix64 multiplier
	return (k.lo ^ bits.RotateLeft64(k.hi*golden, 31)) * mixer
}

// newKNTable returns a table that holds n keys without growing.
func newKNTable(n int) *knTable {
	size := knTableMinSize
	for size*3 < n*5 { // keep the load under 0.6
		size *= 2
	}
	return &knTable{slots: make([]knPair, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// slot returns the slot holding key, or the empty slot where it would go.
func (t *knTable) slot(key knKey) *knPair {
	mask := uint64(len(t.slots) - 1)
	for i := knHash(key) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key || s.key == (knKey{}) {
			return s
		}
	}
}

// add adds delta to key's value, inserting it with value delta if absent.
func (t *knTable) add(key knKey, delta uint32) {
	s := t.slot(key)
	if s.key == key {
		s.count += delta
		return
	}
	s.key, s.count = key, delta
	t.n++
	if t.n*5 >= len(t.slots)*3 {
		t.grow()
	}
}

// get returns key's value.
func (t *knTable) get(key knKey) (uint32, bool) {
	if key == (knKey{}) {
		return 0, false
	}
	s := t.slot(key)
	return s.count, s.key == key
}

func (t *knTable) grow() {
	old := t.slots
	t.slots = make([]knPair, 2*len(old))
	t.shift--
	for _, s := range old {
		if s.key != (knKey{}) {
			*t.slot(s.key) = s
		}
	}
}

// pairs returns the table's contents in slot order.
func (t *knTable) pairs() []knPair {
	out := make([]knPair, 0, t.n)
	for _, s := range t.slots {
		if s.key != (knKey{}) {
			out = append(out, s)
		}
	}
	return out
}
