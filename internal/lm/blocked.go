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

func (l layout) wordMask() uint64   { return 1<<l.wordBits - 1 }
func (l layout) bigProbShift() uint { return l.wordBits }
func (l layout) bigBoShift() uint   { return l.wordBits + quantBits }
func (l layout) bigPtrShift() uint  { return l.wordBits + 2*quantBits }

// fits reports whether entries with these widths fit their 64 and 32 bits
// and the pointer fits a WordID.
func (l layout) fits() bool {
	return l.wordBits >= 1 && l.wordBits <= maxWordBits && l.ptrBits >= 1 && l.ptrBits <= maxPtrBits &&
		l.wordBits+bigFixedBits+l.ptrBits <= 64
}

// blocks is the version 3 n-gram store, viewed in place.
type blocks struct {
	start      []byte // uint32 × (V+1)
	big        []byte // uint64 entries
	tri        []byte // uint32 words
	nBig, nTri uint64
	lay        layout
	biProb     quant
	biBackoff  quant
	triProb    quant
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
		bigLinear: uint64(le.Uint32(lay[8:])), triLinear: uint64(le.Uint32(lay[12:]))}
	if !b.lay.fits() || uint64(m.vocab-1)>>b.lay.wordBits != 0 {
		return formatErr("layout: %d-bit words and %d-bit pointers do not fit %d words in 64-bit entries",
			b.lay.wordBits, b.lay.ptrBits, m.vocab)
	}
	if b.start, n, err = m.section(secBigStart, 4, 0); err != nil {
		return err
	}
	if n != uint64(m.vocab)+1 {
		return formatErr("%d bigram block starts for %d words", n, m.vocab)
	}
	if b.big, b.nBig, err = m.section(secBigrams, 8, 0); err != nil {
		return err
	}
	if b.tri, b.nTri, err = m.section(secTrigrams, 4, 0); err != nil {
		return err
	}
	if b.nTri == 0 {
		return formatErr("trigram section lacks its empty block")
	}
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
	if uint64(c)+1 >= uint64(len(b.start))/4 {
		return 0, false
	}
	lo, hi := uint64(le.Uint32(b.start[4*c:])), uint64(le.Uint32(b.start[4*c+4:]))
	if lo >= hi || hi > b.nBig {
		return 0, false
	}
	blk := b.big[8*lo : 8*hi]
	n, x, mask := hi-lo, uint64(w), b.lay.wordMask()
	if n <= b.lay.bigLinear {
		for i := uint64(0); i < n; i++ {
			e := le.Uint64(blk[8*i:])
			if v := e & mask; v >= x {
				return e, v == x
			}
		}
		return 0, false
	}
	j := blockSlot(w, n)
	for range n {
		e := le.Uint64(blk[8*j:])
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
	if t >= b.nTri {
		return 0, false
	}
	n := uint64(le.Uint32(b.tri[4*t:]))
	if n == 0 || n > b.nTri-t-1 {
		return 0, false
	}
	blk := b.tri[4*(t+1) : 4*(t+1+n)]
	x, mask, shift := uint64(w), b.lay.wordMask(), b.lay.wordBits
	if n <= b.lay.triLinear {
		for i := uint64(0); i < n; i++ {
			e := uint64(le.Uint32(blk[4*i:]))
			if v := e & mask; v >= x {
				return e >> shift, v == x
			}
		}
		return 0, false
	}
	j := blockSlot(w, n)
	for range n {
		e := uint64(le.Uint32(blk[4*j:]))
		v := e & mask
		if v == x {
			return e >> shift, true
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

// scoreBlocked is Score for version 3 files, answering exactly as the same
// model in version 2 does. A state of length 2 carries in Words[2] the
// trigram block of its two words, which the bigram entry that made it
// pointed at: the block is a function of the words, so states that compare
// equal still predict alike, and the trigram costs no second block search.
func (m *Binary) scoreBlocked(state State, w WordID) (float32, State) {
	var next State
	if w == Unknown || int(w) >= m.vocab {
		return m.unk, next
	}
	u := m.uni[8*w:]
	p := f32(u)
	if bo := le.Uint32(u[4:]); bo != noExtension {
		next.Words[0] = w
		next.Backoff[0] = math.Float32frombits(bo)
		next.Len = 1
	}
	if state.Len == 0 {
		return p, next
	}
	b := &m.blk
	c1 := state.Words[0]
	e, ok := b.bigram(c1, w)
	if !ok {
		p += state.Backoff[0]
		if state.Len > 1 {
			p += state.Backoff[1]
		}
		return p, next
	}
	lay := b.lay
	p = b.biProb.decode(e >> lay.bigProbShift() & quantMax)
	if code := e >> lay.bigBoShift() & quantMax; code != boDropped {
		next.Words[0] = w
		next.Words[1] = c1
		if code >= boFirst {
			next.Backoff[1] = b.biBackoff.decode(code - boFirst)
		}
		next.Words[2] = WordID(e >> lay.bigPtrShift())
		next.Len = 2
	}
	if state.Len > 1 {
		if code, ok := b.trigram(uint64(state.Words[2]), w); ok {
			p = b.triProb.decode(code & quantMax)
		} else {
			p += state.Backoff[1]
		}
	}
	return p, next
}
