package lm

import (
	"cmp"
	"hash/crc32"
	"math"
	"slices"
)

// builder lays a closed arpaModel out in the binary format.
type builder struct {
	m     *arpaModel
	opts  ImportOptions
	out   []byte
	next  int // where the next section starts
	info  Info
	order int
	blk   *blockArrays // the version 3 layout, or nil for version 2
}

func align8(n int) int { return (n + 7) &^ 7 }

// encode returns the model file's bytes.
func (m *arpaModel) encode(opts ImportOptions) ([]byte, Info) {
	b := &builder{m: m, opts: opts, order: len(m.orders) - 1}
	b.info = Info{Order: b.order, VocabSize: len(m.words), Source: opts.Source, UnknownLog10: opts.UnknownLog10}
	if m.hasUnk {
		b.info.UnknownLog10 = m.unk
	}
	b.blk = b.planBlocks()
	sizes := b.sectionSizes()
	total := headerLen
	for _, s := range sizes {
		total = align8(total) + s
	}
	b.out = make([]byte, total)
	b.next = headerLen
	b.writeHeader()
	b.writeVocab(sizes)
	b.writeUnigrams()
	if b.blk != nil {
		b.writeBlocks(b.blk, sizes)
	} else {
		for n := 2; n <= b.order; n++ {
			b.writeTable(n, sizes[secOrder2+n-2])
		}
	}
	b.out = b.out[:b.next] // drop the alignment the empty sections reserved
	c := crc32.Update(0, castagnoli, b.out[:offChecksum])
	c = crc32.Update(c, castagnoli, b.out[offChecksum+4:])
	le.PutUint32(b.out[offChecksum:], c)
	b.info.FileSize = int64(len(b.out))
	return b.out, b.info
}

func (b *builder) vocabSlots() int { return 2*len(b.m.words) + 1 } // load 0.5: words are few

func (b *builder) tableSlots(n int) int {
	return int(math.Ceil(float64(b.m.orders[n].len())/b.opts.LoadFactor)) + 1
}

func (b *builder) sectionSizes() [numSections]int {
	var s [numSections]int
	s[secSource] = len(b.opts.Source)
	for _, w := range b.m.words {
		s[secVocabBlob] += len(w)
	}
	s[secVocabOffs] = 4 * (len(b.m.words) + 1)
	s[secVocabHash] = 8 * b.vocabSlots()
	s[secUnigrams] = 8 * len(b.m.words)
	if b.blk != nil {
		b.blk.sizes(&s)
		return s
	}
	for n := 2; n <= b.order; n++ {
		if n == b.order {
			s[secOrder2+n-2] = topSlot*b.tableSlots(n) + topPadding
		} else {
			s[secOrder2+n-2] = midSlot * b.tableSlots(n)
		}
	}
	return s
}

// section reserves the next section and records it in the section table.
func (b *builder) section(i, size, count int) []byte {
	off := align8(b.next)
	e := b.out[offSections+24*i:]
	le.PutUint64(e, uint64(off))
	le.PutUint64(e[8:], uint64(size))
	le.PutUint64(e[16:], uint64(count))
	b.next = off + size
	return b.out[off : off+size]
}

func (b *builder) writeHeader() {
	copy(b.out, magic[:])
	version := uint32(hashedVersion)
	if b.blk != nil {
		version = formatVersion
	}
	le.PutUint32(b.out[offVersion:], version)
	le.PutUint32(b.out[offHdrLen:], headerLen)
	le.PutUint32(b.out[offOrder:], uint32(b.order))
	le.PutUint32(b.out[offVocab:], uint32(len(b.m.words)))
	b.info.Counts = make([]uint64, b.order)
	b.info.Counts[0] = uint64(len(b.m.words))
	for n := 2; n <= b.order; n++ {
		b.info.Counts[n-1] = uint64(b.m.orders[n].len())
	}
	for i, c := range b.info.Counts {
		le.PutUint64(b.out[offCounts+8*i:], c)
	}
	putF32(b.out[offUnk:], b.info.UnknownLog10)
}

func (b *builder) writeVocab(sizes [numSections]int) {
	copy(b.section(secSource, sizes[secSource], len(b.opts.Source)), b.opts.Source)
	blob := b.section(secVocabBlob, sizes[secVocabBlob], sizes[secVocabBlob])
	offs := b.section(secVocabOffs, sizes[secVocabOffs], len(b.m.words)+1)
	slots := b.vocabSlots()
	hash := b.section(secVocabHash, sizes[secVocabHash], slots)
	pos := 0
	for id, w := range b.m.words {
		le.PutUint32(offs[4*id:], uint32(pos))
		pos += copy(blob[pos:], w)
	}
	le.PutUint32(offs[4*len(b.m.words):], uint32(pos))
	// Inserted in decreasing order of fingerprint, the table is ordered
	// (see format.go). <unk> is never looked up: a miss is Unknown anyway.
	keys := make([]uint64, len(b.m.words))
	ids := make([]int, 0, len(b.m.words))
	for id, w := range b.m.words {
		keys[id] = stringKey(w)
		if id != int(Unknown) {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(a, c int) int {
		return cmp.Compare(vocabFingerprint(keys[c]), vocabFingerprint(keys[a]))
	})
	for _, id := range ids {
		i := slotOf(keys[id], uint64(slots))
		for le.Uint64(hash[8*i:]) != 0 {
			if i++; i == uint64(slots) {
				i = 0
			}
		}
		le.PutUint64(hash[8*i:], vocabFingerprint(keys[id])<<vocabFPShift|uint64(id))
	}
}

func (b *builder) writeUnigrams() {
	u := b.m.orders[1]
	out := b.section(secUnigrams, 8*len(b.m.words), len(b.m.words))
	for id := range b.m.words {
		putF32(out[8*id:], u.prob[id])
		if u.keep(id) {
			putF32(out[8*id+4:], u.bo[id])
		} else {
			le.PutUint32(out[8*id+4:], noExtension)
		}
	}
}
