package lm

import (
	"encoding/binary"
	"math"
)

// The binary format, versions 2 and 3. Everything is little-endian and read
// in place: loading checks the header and the section bounds and does nothing
// else, so a memory-mapped or embedded file is usable at once. The writer
// uses version 3 for trigram models and version 2 for every other order.
//
//	header (headerLen bytes, layout below)
//	sections, each starting on an 8-byte boundary:
//	  source      the provenance string recorded at import (UTF-8)
//	  vocabBlob   every word's spelling, concatenated in id order
//	  vocabOffs   uint32 × (V+1): word i is vocabBlob[offs[i]:offs[i+1]]
//	  vocabHash   uint64 × slots: open-addressing table of words, slot from
//	              stringKey, linear probing: the id in the low 32 bits (0 =
//	              empty), a 32-bit fingerprint of stringKey in the high ones
//	              (version 1: uint32 ids alone)
//	  unigrams    (float32 log10 prob, float32 log10 backoff) × V, by id;
//	              a backoff of negative zero marks a word that no longer
//	              n-gram extends and whose backoff is zero (see State)
//	  order2..5   linear-probing hash tables of n-grams, slot from ngramKey:
//	              middle orders: 8-byte slots, 40-bit fingerprint | 12-bit
//	              prob | 12-bit backoff code; the highest order: 5-byte slots,
//	              28-bit fingerprint | 12-bit prob, then 3 bytes of padding so
//	              that every slot can be read as one uint64
//	  (version 3, trigram models only, in the slots of order2..5:)
//	  bigStart    uint32 × (V+1): the bigrams whose first word is c are
//	              bigrams[bigStart[c]:bigStart[c+1]], c's block
//	  bigrams     uint64 entries, low bits first: the second word (W bits) |
//	              12-bit prob | 12-bit backoff code | the index in trigrams of
//	              this bigram's trigram block (P bits; 0, an empty block, when
//	              no trigram starts with the bigram)
//	  trigrams    uint32: blocks, each its length and then its entries, the
//	              third word (W bits) | 12-bit prob; trigrams[0] is the empty
//	              block
//	  layout      uint32 × 4: W, P, and the longest bigram and trigram blocks
//	              stored as sorted lists (8 and 15 as written)
//
// Version 2 differs from version 1 in two ways that make a miss cheap.
// Every hash table's entries are inserted in decreasing order of
// fingerprint, which makes every run of occupied slots decrease along the
// probe sequence (Amble and Knuth's ordered hash table, "Ordered hash
// tables", The Computer Journal, 1974): a search may stop at the first
// smaller fingerprint, so a miss reads as few slots as a hit, about 2.5 at
// load 0.75 instead of 8.5. And the vocabulary table holds a fingerprint
// beside each id, so a word the model lacks is told from the words in its
// way without reading their spellings. Most queries of a decoder miss at
// some order, and the lexicon asks for thousands of spelling variants that
// are no words. Version 1 files are still read, searched the old way.
//
// Version 3 serves trigram models, which is what the shipped model is, by
// grouping their n-grams by context the way KenLM's trie does. A bigram is
// found by index in its first word's block rather than by hashing, and its
// entry points at the block of trigrams that extend it; a state of length 2
// carries that pointer in Words[2], which a trigram model otherwise leaves
// unused, so the trigram query goes straight to its block. A block that fits
// one 64-byte cache line is a sorted list, scanned until a word not smaller
// than the one sought; a longer one is a small ordered hash table at load
// 0.75 (slot from blockSlot, linear probing, inserted in decreasing word
// order so that a miss stops at the first smaller word; an empty slot is
// word 0, which is why no n-gram may predict <unk>). Most queries of the
// decoder now touch one cache line a block instead of one a table, and the
// stored word ids are exact, so fingerprint collisions are gone. In paired
// runs of the repair benchmark it was about a tenth faster, and the shipped
// model is 5% smaller. Entries hold the
// same quantised codes as version 2, so the two answer bit for bit alike.
// The widths W and P are chosen from the model (W = bits for the largest
// id, P = the rest of 64 bits, at most 32 since the pointer rides in a
// WordID) and recorded in the layout section; a model whose ids or blocks do
// not fit, or that is not a trigram model, is written as version 2. Score
// checks block bounds and pointers against the sections as it meets them,
// so that a damaged file answers as if the n-gram were absent instead of
// panicking, without a pass over the file at load.
//
// Probabilities above unigrams are quantised linearly over each order's
// observed range: 4096 levels over the CMU model's widest range (about 7 log10
// units) is a step of 0.0017, an error of at most 0.0009 per word.
// Backoff codes 0 and 1 are an exact zero (0: the n-gram extends to nothing,
// so a state drops it; 1: it does extend); codes 2..4095 are 4094 levels over
// the order's range of non-zero backoffs.
const (
	formatVersion = 3
	// hashedVersion is the last version that keeps every order in a hash
	// table; the writer still uses it for models of other orders than 3.
	hashedVersion = 2
	// unorderedVersion is the last version whose tables are not ordered.
	unorderedVersion = 1
	headerLen        = 360

	offMagic    = 0
	offVersion  = 8
	offHdrLen   = 12
	offOrder    = 16
	offVocab    = 20
	offCounts   = 24  // uint64 × MaxOrder
	offUnk      = 64  // float32
	offFlags    = 68  // uint32, reserved, zero
	offQuant    = 72  // per order 2..MaxOrder: probMin, probStep, boMin, boStep (float32)
	offSections = 136 // numSections × (offset, length, count uint64)
	offChecksum = 352 // CRC-32C of the whole file with these 4 bytes left out
)

var magic = [8]byte{'U', 'N', 'S', 'P', 'I', 'N', 'L', 'M'}

// Section indexes in the section table.
const (
	secSource = iota
	secVocabBlob
	secVocabOffs
	secVocabHash
	secUnigrams
	secOrder2   // secOrder2 + n - 2 holds order n
	numSections = secOrder2 + MaxOrder - 1

	// Version 3 puts its own sections in the slots of orders 2..5.
	secBigStart = secOrder2     // uint32 × (V+1): where each word's bigram block starts
	secBigrams  = secOrder2 + 1 // uint64 bigram entries, block after block
	secTrigrams = secOrder2 + 2 // uint32: trigram blocks, each its size then its entries
	secLayout   = secOrder2 + 3 // uint32 × layoutFields: the entries' field widths
)

// Slot layouts.
const (
	quantBits    = 12
	quantMax     = 1<<quantBits - 1
	midFPBits    = 40 // 2^-40 false-hit odds per probe: never seen in practice
	topFPBits    = 28 // 2^-28 per probe; a miss reads ~8 slots at load 0.75
	vocabFPShift = 32 // a vocabulary slot's fingerprint: its high 32 bits
	midSlot      = 8
	topSlot      = 5
	topPadding   = 8 - topSlot

	boDropped = 0 // backoff code: zero, and no longer n-gram starts here
	boZero    = 1 // backoff code: zero, but longer n-grams start here
	boFirst   = 2 // first code of the quantised non-zero range
	boLevels  = quantMax - boFirst

	// noExtension is the bit pattern of a unigram backoff meaning "zero, and
	// dropped from the state" (negative zero, as KenLM does it).
	noExtension = 0x80000000
)

// DefaultLoadFactor is the share of hash-table slots in use. 0.75 keeps the
// shipped model under 10 bytes an n-gram; a miss then reads about 8 adjacent
// slots, one or two cache lines.
const DefaultLoadFactor = 0.75

// DefaultUnknownLog10 is log10 P(w) given to a word the model lacks when the
// model has no <unk> of its own (the CMU model has none): below every word the
// CMU model knows save a handful, so unknown words never look likely, yet not so
// low that one of them swamps a sentence's score.
const DefaultUnknownLog10 = -7.0

var le = binary.LittleEndian

func f32(b []byte) float32       { return math.Float32frombits(le.Uint32(b)) }
func putF32(b []byte, v float32) { le.PutUint32(b, math.Float32bits(v)) }

// quant maps a value range onto integer codes.
type quant struct {
	min, step float32
	levels    int // codes are 0..levels
}

func newQuant(lo, hi float32, levels int) quant {
	if hi <= lo {
		return quant{min: lo, levels: levels}
	}
	return quant{min: lo, step: (hi - lo) / float32(levels), levels: levels}
}

func (q quant) encode(v float32) uint64 {
	if q.step == 0 {
		return 0
	}
	c := math.Round(float64((v - q.min) / q.step))
	return uint64(min(max(0, c), float64(q.levels)))
}

func (q quant) decode(c uint64) float32 { return q.min + float32(c)*q.step }
