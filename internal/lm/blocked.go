package lm

import "math"

// Version 3 (see format.go) stores a trigram model's bigrams and trigrams
// in blocks, one per context, found by index rather than by hashing.

// layout is a version 3 file's field widths, stored in its layout section.
type layout struct {
	wordBits  uint   // a word id in a bigram or trigram entry
	ptrBits   uint   // a bigram entry's trigram block index
	bigLinear uint64 // bigram blocks up to this many entries are sorted lists
	triLinear uint64 // trigram blocks likewise

	// Derived from wordBits once, since a variable shift costs a query
	// a bounds check each time it is worked out.
	mask                         uint64
	probShift, boShift, ptrShift uint
}

// derive fills in the fields that follow from the stored ones.
func (l layout) derive() layout {
	l.mask = 1<<l.wordBits - 1
	l.probShift = l.wordBits
	l.boShift = l.wordBits + quantBits
	l.ptrShift = l.wordBits + 2*quantBits
	return l
}

const (
	layoutFields = 4
	// A bigram entry: word | prob code | backoff code | trigram block.
	bigFixedBits = 2 * quantBits
	// A trigram entry: word | prob code, in 32 bits.
	triEntryBits = 32
	maxWordBits  = triEntryBits - quantBits
	// The trigram block index travels in a State's Words[2], a WordID.
	maxPtrBits = 32

	// A block is a sorted list while it fits a 64-byte cache line (a
	// trigram block with its size word), and otherwise a small ordered
	// hash table at blockLoad, where a probe reads about 2.5 entries.
	defaultBigLinear = 8
	defaultTriLinear = 15
	blockLoad        = 0.75
)

// fits reports whether entries with these widths fit their 64 and 32 bits
// and the pointer fits a WordID.
func (l layout) fits() bool {
	return l.wordBits >= 1 && l.wordBits <= maxWordBits && l.ptrBits >= 1 && l.ptrBits <= maxPtrBits &&
		l.wordBits+bigFixedBits+l.ptrBits <= 64
}

// blocks is the version 3 n-gram store, viewed in place.
type blocks struct {
	start     []uint32 // V+1 block starts
	big       []uint64
	tri       []uint32
	lay       layout
	biProb    quant
	biBackoff quant
	triProb   quant
}

// blockSlots is the size of a hashed block holding n entries.
func blockSlots(n int) int { return int(math.Ceil(float64(n) / blockLoad)) }

// blockSlot is where word w's probe sequence starts in a hashed block of n
// slots; part of the format.
func blockSlot(w WordID, n uint64) uint64 { return slotOf(uint64(w)*golden, n) }

func (m *Binary) loadBlocks() error {
	if m.order != 3 {
		return formatErr("version 3 holds trigram models, not order %d", m.order)
	}
	b := &m.blk
	lay, n, err := m.section(secLayout, 4, 0)
	if err != nil {
		return err
	}
	if n != layoutFields {
		return formatErr("layout section of %d fields, want %d", n, layoutFields)
	}
	b.lay = layout{wordBits: uint(le.Uint32(lay)), ptrBits: uint(le.Uint32(lay[4:])),
		bigLinear: uint64(le.Uint32(lay[8:])), triLinear: uint64(le.Uint32(lay[12:]))}.derive()
	if !b.lay.fits() || uint64(m.vocab-1)>>b.lay.wordBits != 0 {
		return formatErr("layout: %d-bit words and %d-bit pointers do not fit %d words in 64-bit entries",
			b.lay.wordBits, b.lay.ptrBits, m.vocab)
	}
	start, n, err := m.section(secBigStart, 4, 0)
	if err != nil {
		return err
	}
	if n != uint64(m.vocab)+1 {
		return formatErr("%d bigram block starts for %d words", n, m.vocab)
	}
	big, _, err := m.section(secBigrams, 8, 0)
	if err != nil {
		return err
	}
	tri, n, err := m.section(secTrigrams, 4, 0)
	if err != nil {
		return err
	}
	if n == 0 {
		return formatErr("trigram section lacks its empty block")
	}
	b.start, b.big, b.tri = uint32s(start), uint64s(big), uint32s(tri)
	q := m.data[offQuant:]
	b.biProb = quant{min: f32(q), step: f32(q[4:]), levels: quantMax}
	b.biBackoff = quant{min: f32(q[8:]), step: f32(q[12:]), levels: boLevels}
	b.triProb = quant{min: f32(q[16:]), step: f32(q[20:]), levels: quantMax}
	return nil
}

// bigram finds the bigram (c w) in c's block and returns its entry.
// Offsets are checked here rather than at load, so that a damaged file
// answers as if the bigram were absent instead of panicking.
func (b *blocks) bigram(c, w WordID) (uint64, bool) {
	if int(c)+1 >= len(b.start) {
		return 0, false
	}
	lo, hi := b.start[c], b.start[c+1]
	if lo >= hi || int(hi) > len(b.big) {
		return 0, false
	}
	blk := b.big[lo:hi]
	x, mask := uint64(w), b.lay.mask
	if uint64(len(blk)) <= b.lay.bigLinear {
		for _, e := range blk {
			if v := e & mask; v >= x {
				return e, v == x
			}
		}
		return 0, false
	}
	n := uint64(len(blk))
	j := blockSlot(w, n)
	for range n {
		e := blk[j]
		v := e & mask
		if v == x {
			return e, true
		}
		if v < x { // an empty slot is word 0: ordered, so w is absent
			return 0, false
		}
		if j++; j == n {
			j = 0
		}
	}
	return 0, false
}

// trigram finds w in the trigram block at t and returns its prob code.
func (b *blocks) trigram(t uint64, w WordID) (uint64, bool) {
	nTri := uint64(len(b.tri))
	if t >= nTri {
		return 0, false
	}
	n := uint64(b.tri[t])
	if n == 0 || n > nTri-t-1 {
		return 0, false
	}
	blk := b.tri[t+1 : t+1+n]
	x, mask, shift := uint32(w), uint32(b.lay.mask), b.lay.wordBits
	if n <= b.lay.triLinear {
		for _, e := range blk {
			if v := e & mask; v >= x {
				return uint64(e >> shift), v == x
			}
		}
		return 0, false
	}
	j := blockSlot(w, n)
	for range n {
		e := blk[j]
		v := e & mask
		if v == x {
			return uint64(e >> shift), true
		}
		if v < x {
			return 0, false
		}
		if j++; j == n {
			j = 0
		}
	}
	return 0, false
}

// Toucher is implemented by a model that can touch the memory a query
// will read before it is asked (Binary, for version 3 files).
type Toucher interface {
	Touch(state State, w WordID) uint64
}

var _ Toucher = (*Binary)(nil)

// Touch reads the first entry Score(state, w) will probe in the bigram
// block of state's newest word, and returns it for the caller to fold into
// something it keeps, so that the load is not dropped. Touching a batch of
// queries before asking them lets their cache misses overlap instead of
// waiting one after another. It changes nothing and answers nothing.
func (m *Binary) Touch(state State, w WordID) uint64 {
	if !m.blocked || state.Len == 0 || int(w) >= m.vocab {
		return 0
	}
	b := &m.blk
	c := uint64(state.Words[0])
	if c+1 >= uint64(len(b.start)) {
		return 0
	}
	lo, hi := uint64(b.start[c]), uint64(b.start[c+1])
	if lo >= hi || hi > uint64(len(b.big)) {
		return 0
	}
	if n := hi - lo; n > b.lay.bigLinear {
		return b.big[lo+blockSlot(w, n)]
	}
	return b.big[lo]
}
