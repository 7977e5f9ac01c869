package lm

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
)

// Binary is a model in the binary format, viewed in place over its bytes.
// It is safe for concurrent use; Score, ID and Unigram never allocate.
type Binary struct {
	data     []byte
	order    int
	vocab    int
	counts   [MaxOrder]uint64
	unk      float32
	source   string
	blob     []byte
	offs     []byte
	vhash    []byte
	vslots   uint64
	vtop     vocabTops
	uni      []byte
	tables   [MaxOrder + 1]table // tables[n] holds order n, n >= 2
	closeFn  func() error
	checksum uint32
	ordered  bool // the n-gram tables are ordered (format version 2)
	blocked  bool // bigrams and trigrams are in blocks, in blk (format version 3)
	blk      blocks
}

var _ Model = (*Binary)(nil)

// table is one order's hash table of n-grams.
type table struct {
	data    []byte
	slots   uint64
	top     bool // highest order: 5-byte slots, no backoff
	ordered bool // fingerprints decrease along each run: see format.go
	prob    quant
	backof  quant
}

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a valid unspin language model")

func formatErr(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, a...))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Load views data as a model without copying or parsing it. It checks the
// header and that every section lies inside data, not the checksum: call
// Verify for that. data must not change while the model is in use.
func Load(data []byte) (*Binary, error) {
	if len(data) < headerLen {
		return nil, formatErr("%d bytes is shorter than the %d-byte header", len(data), headerLen)
	}
	if !bytes.Equal(data[:8], magic[:]) {
		return nil, formatErr("bad magic %q", data[:8])
	}
	version := le.Uint32(data[offVersion:])
	if version < unorderedVersion || version > formatVersion {
		return nil, formatErr("format version %d, this build reads versions %d to %d", version, unorderedVersion, formatVersion)
	}
	if n := le.Uint32(data[offHdrLen:]); n != headerLen {
		return nil, formatErr("header length %d, want %d", n, headerLen)
	}
	m := &Binary{data: data, checksum: le.Uint32(data[offChecksum:]), ordered: version != unorderedVersion, blocked: version == formatVersion}
	m.order = int(le.Uint32(data[offOrder:]))
	m.vocab = int(le.Uint32(data[offVocab:]))
	if m.order < 1 || m.order > MaxOrder {
		return nil, formatErr("order %d outside 1..%d", m.order, MaxOrder)
	}
	if m.vocab < 3 {
		return nil, formatErr("vocabulary of %d words lacks the fixed ids", m.vocab)
	}
	for i := range m.counts {
		m.counts[i] = le.Uint64(data[offCounts+8*i:])
	}
	m.unk = f32(data[offUnk:])
	if err := m.loadSections(); err != nil {
		return nil, err
	}
	return m, nil
}

// section returns section i's bytes and element count after checking that
// the bytes lie inside the file and hold count elements of size width plus pad.
func (m *Binary) section(i int, width, pad uint64) ([]byte, uint64, error) {
	e := m.data[offSections+24*i:]
	off, n, count := le.Uint64(e), le.Uint64(e[8:]), le.Uint64(e[16:])
	size := uint64(len(m.data))
	if off < headerLen || off > size || n > size-off {
		return nil, 0, formatErr("section %d (%d bytes at %d) outside the %d-byte file", i, n, off, size)
	}
	if width > 0 && (count > n/width || count*width+pad != n) {
		return nil, 0, formatErr("section %d: %d bytes cannot hold %d entries of %d bytes", i, n, count, width)
	}
	return m.data[off : off+n], count, nil
}

func (m *Binary) loadSections() error {
	src, _, err := m.section(secSource, 0, 0)
	if err != nil {
		return err
	}
	m.source = string(src)
	if m.blob, _, err = m.section(secVocabBlob, 0, 0); err != nil {
		return err
	}
	var n uint64
	if m.offs, n, err = m.section(secVocabOffs, 4, 0); err != nil {
		return err
	}
	if n != uint64(m.vocab)+1 {
		return formatErr("%d vocabulary offsets for %d words", n, m.vocab)
	}
	if m.vhash, m.vslots, err = m.section(secVocabHash, m.vocabSlotWidth(), 0); err != nil {
		return err
	}
	if m.vslots == 0 {
		return formatErr("empty vocabulary hash table")
	}
	if m.uni, n, err = m.section(secUnigrams, 8, 0); err != nil {
		return err
	}
	if n != uint64(m.vocab) {
		return formatErr("%d unigrams for %d words", n, m.vocab)
	}
	if m.blocked {
		return m.loadBlocks()
	}
	for o := 2; o <= m.order; o++ {
		if err := m.loadTable(o); err != nil {
			return err
		}
	}
	return nil
}

// vocabSlotWidth is the size of a vocabulary table slot: an id (version 1)
// or an id and its fingerprint.
func (m *Binary) vocabSlotWidth() uint64 {
	if m.ordered {
		return 8
	}
	return 4
}

func (m *Binary) loadTable(o int) error {
	t := &m.tables[o]
	t.top = o == m.order
	t.ordered = m.ordered
	width, pad := uint64(midSlot), uint64(0)
	if t.top {
		width, pad = topSlot, topPadding
	}
	var err error
	if t.data, t.slots, err = m.section(secOrder2+o-2, width, pad); err != nil {
		return err
	}
	if t.slots == 0 {
		return formatErr("order %d: empty hash table", o)
	}
	q := m.data[offQuant+16*(o-2):]
	t.prob = quant{min: f32(q), step: f32(q[4:]), levels: quantMax}
	t.backof = quant{min: f32(q[8:]), step: f32(q[12:]), levels: boLevels}
	return nil
}

// Verify checks the whole file against its CRC-32C checksum, reading every
// byte: about 6 ms for the shipped model (CRC-32C runs at some 5 GB/s).
func (m *Binary) Verify() error {
	c := crc32.Update(0, castagnoli, m.data[:offChecksum])
	c = crc32.Update(c, castagnoli, m.data[offChecksum+4:])
	if c != m.checksum {
		return formatErr("checksum mismatch (file says %08x, contents give %08x): truncated or corrupted", m.checksum, c)
	}
	return nil
}

// Close releases a model from Open; the model must not be used afterwards.
// It does nothing for a model from Load.
func (m *Binary) Close() error {
	if m.closeFn == nil {
		return nil
	}
	f := m.closeFn
	m.closeFn = nil
	return f()
}

// loadVerified is Load followed by Verify.
func loadVerified(data []byte) (*Binary, error) {
	m, err := Load(data)
	if err != nil {
		return nil, err
	}
	if err := m.Verify(); err != nil {
		return nil, err
	}
	return m, nil
}
