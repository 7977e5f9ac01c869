package lexicon

import (
	"fmt"
	"hash/crc32"
	"math"
	"strings"
	"sync/atomic"
)

// table holds every spun form's ranked originals, computed at build time by
// Precompute and read in place, so loading costs nothing but a header check
// and a lookup is a binary search.
//
// Layout (little-endian), written by encodeTable:
//
//	"UNSPCAN4" crc32(body)
//	body: nStrings u32, nEntries u32, nContext u32, metaLen u32, meta [metaLen]byte,
//	      strOff  [nStrings+1]u32 (string i is blob[strOff[i]:strOff[i+1]]; sorted)
//	      listOff [nStrings+1]u32 (originals of spun string i: entries listOff[i]..listOff[i+1])
//	      flags   [nStrings]u8    (flagKey)
//	      uni     [nStrings]i16   (log10 P × 1000 under the ranking model; uniNone if unknown)
//	      nSyn    [nStrings]u16   (synonym count as a thesaurus root, 0 for no root)
//	      entries [nEntries][3]u8 (string index bits 0-15, then bit 16 << 7 | code)
//	      ctxOff  [nStrings+1]u32 (context relatives of spun string i: ctx ctxOff[i]..ctxOff[i+1])
//	      ctx     [nContext][3]u8 (as entries, the code log10 n × levels; see context.go)
//	      blob
//
// An entry's code says its source and channel: 0 a thesaurus root, whose n
// is its nSyn; 1-3 a spelling neighbour at that edit distance; 4-59 a
// re-inflected root with log10 n = (code-4)/16; 60-115 a synonym of the
// spun word's own list (or its lemma's, re-inflected) with log10 n =
// (code-60)/16. Three bytes an entry keep the 2.0 million of them near
// 6.0 MB. Entries of a list are best first by channel × unigram under the
// meta's options and model; meta is "key=value" lines saying which. The
// context relatives (1.2 million, best first by shared lines and unigram)
// add 3.6 MB and the ctxOff array 0.3 MB.
type table struct {
	data                         string
	nStrings, nEntries, nContext int
	meta                         string
	strOff, listOff, flags       int // byte offsets of the arrays
	uni, nSyn, ent, ctxOff, ctx  int
	blob                         int
}

const tableMagic = "UNSPCAN4"

// flagKey marks a spun form whose list was computed (possibly empty):
// words without it take the query-time fallback.
const flagKey uint8 = 1

// uniNone is the stored unigram of a word the ranking model does not know.
const uniNone = -32768

// Entry codes; see the layout above.
const (
	codeThesaurus = 0
	codeSpellMax  = 3
	codeMorph     = 4
	codeSynonym   = codeMorph + maxLevel + 1
	levels        = 16 // code steps per unit of log10 n: two sources' ranges fit in 7 bits
	maxLevel      = 55 // n up to 2,700, past Moby's longest list (1,485 made symmetric)
	codeWordNet   = codeSynonym + maxLevel + 1
	wordnetLevels = 4  // WordNet's lists are short: coarser steps fit the last 12 codes
	wordnetMax    = 11 // n up to 560
	maxStrings    = 1 << 17
)

// openTable views data in place; verify adds a checksum pass.
func openTable(data string, verify bool) (*table, error) {
	if len(data) < 28 || data[:8] != tableMagic {
		return nil, fmt.Errorf("%w: bad candidate table header", errCorrupt)
	}
	body := data[12:]
	if verify && crc32.ChecksumIEEE([]byte(body)) != u32(data, 8) {
		return nil, fmt.Errorf("%w: candidate table checksum mismatch", errCorrupt)
	}
	t := &table{data: body, nStrings: int(u32(body, 0)), nEntries: int(u32(body, 4)), nContext: int(u32(body, 8))}
	metaLen := int(u32(body, 12))
	if 16+metaLen > len(body) {
		return nil, errCorrupt
	}
	t.meta = body[16 : 16+metaLen]
	t.strOff = 16 + metaLen
	t.listOff = t.strOff + 4*(t.nStrings+1)
	t.flags = t.listOff + 4*(t.nStrings+1)
	t.uni = t.flags + t.nStrings
	t.nSyn = t.uni + 2*t.nStrings
	t.ent = t.nSyn + 2*t.nStrings
	t.ctxOff = t.ent + 3*t.nEntries
	t.ctx = t.ctxOff + 4*(t.nStrings+1)
	t.blob = t.ctx + 3*t.nContext
	if t.blob > len(body) || t.blob+int(u32(body, t.strOff+4*t.nStrings)) != len(body) ||
		int(u32(body, t.listOff+4*t.nStrings)) != t.nEntries || int(u32(body, t.ctxOff+4*t.nStrings)) != t.nContext {
		return nil, fmt.Errorf("%w: candidate table sizes disagree", errCorrupt)
	}
	return t, nil
}

// str returns string i.
func (t *table) str(i int) string {
	a := u32(t.data, t.strOff+4*i)
	b := u32(t.data, t.strOff+4*i+4)
	return t.data[t.blob+int(a) : t.blob+int(b)]
}

// find returns the index of w, or -1: a binary search over sorted strings.
func (t *table) find(w string) int {
	return findSorted(t.nStrings, t.str, w)
}

func (t *table) flag(i int, f uint8) bool { return t.data[t.flags+i]&f != 0 }

// unigram is the ranking model's log10 P of string i, -Inf if unknown.
func (t *table) unigram(i int) (float64, bool) {
	v := int16(u16(t.data, t.uni+2*i))
	if v == uniNone {
		return 0, false
	}
	return float64(v) / 1000, true
}

// list returns the entry range of spun string i.
func (t *table) list(i int) (a, b int) {
	return int(u32(t.data, t.listOff+4*i)), int(u32(t.data, t.listOff+4*i+4))
}

// entry returns entry e: the original's string index, its source and
// log10 of the channel's n (synonym count or edit distance).
func (t *table) entry(e int) (word int, src Source, logN float64) {
	p := t.ent + 3*e
	word = int(u16(t.data, p)) | int(t.data[p+2]>>7)<<16
	code := t.data[p+2] & 0x7f
	switch {
	case code == codeThesaurus:
		return word, Thesaurus, log10Int(t.rootSize(word))
	case code <= codeSpellMax:
		return word, Spelling, math.Log10(float64(code))
	case code < codeSynonym:
		return word, Morphology, float64(code-codeMorph) / levels
	case code < codeWordNet:
		return word, Synonym, float64(code-codeSynonym) / levels
	}
	return word, WordNet, float64(code-codeWordNet) / wordnetLevels
}

// contextList returns the range of spun string i's context relatives.
func (t *table) contextList(i int) (a, b int) {
	return int(u32(t.data, t.ctxOff+4*i)), int(u32(t.data, t.ctxOff+4*i+4))
}

// contextEntry returns context relative e: its string index and log10 of
// its synonym count.
func (t *table) contextEntry(e int) (word int, logN float64) {
	p := t.ctx + 3*e
	return int(u16(t.data, p)) | int(t.data[p+2]>>7)<<16, float64(t.data[p+2]&0x7f) / levels
}

// log10s caches log10 n as float64 bits, filled on first use: a lookup
// reads up to 60 synonym counts, and math.Log10 was a sixth of its time.
var log10s [1 << 16]atomic.Uint64

// log10Int is log10 max(n, 1) for n < 65536.
func log10Int(n int) float64 {
	if n <= 1 {
		return 0
	}
	if b := log10s[n].Load(); b != 0 {
		return math.Float64frombits(b)
	}
	v := math.Log10(float64(n))
	log10s[n].Store(math.Float64bits(v))
	return v
}

// rootSize is string i's synonym count as a thesaurus root, 0 for none.
func (t *table) rootSize(i int) int { return int(u16(t.data, t.nSyn+2*i)) }

// metaValue returns the value of key in the meta lines, or "".
func (t *table) metaValue(key string) string {
	for line := range strings.Lines(t.meta) {
		if k, v, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "="); ok && k == key {
			return v
		}
	}
	return ""
}
