package lm

import (
	"cmp"
	"math/bits"
	"slices"
)

// blockArrays is a trigram model's version 3 layout, built before the file
// is sized.
type blockArrays struct {
	lay   layout
	start []uint32 // V+1 bigram block starts
	big   []uint64
	tri   []uint32 // tri[0] is the empty block every bigram without trigrams points at
}

// planBlocks lays out the bigrams and trigrams of a trigram model in blocks,
// with the same quantised codes version 2 would store. It returns nil when
// the model does not fit the layout (another order, ids or pointers too wide,
// an n-gram predicting <unk> whose id 0 marks empty slots, a trigram with
// no bigram to point at it); the writer then keeps version 2.
func (b *builder) planBlocks() *blockArrays {
	if b.order != 3 || b.opts.hashed {
		return nil
	}
	lay := layout{wordBits: uint(max(1, bits.Len(uint(len(b.m.words)-1)))),
		bigLinear: defaultBigLinear, triLinear: defaultTriLinear}
	lay.ptrBits = min(maxPtrBits, 64-bigFixedBits-lay.wordBits)
	lay = lay.derive()
	if !lay.fits() {
		return nil
	}
	s2, s3 := b.m.orders[2], b.m.orders[3]
	p2, q2 := b.quantisers(s2, false)
	p3, _ := b.quantisers(s3, true)
	bi, tr := sortedByContext(s2), sortedByContext(s3)
	a := &blockArrays{lay: lay, start: make([]uint32, len(b.m.words)+1), tri: []uint32{0}}
	perWord := make([][]uint64, len(b.m.words))
	k := 0 // next trigram in tr
	for _, i := range bi {
		g := s2.gram(i)
		ptr := uint64(0)
		var ts []uint32
		for ; k < len(tr) && slices.Equal(s3.gram(tr[k])[:2], g); k++ {
			t := s3.gram(tr[k])
			pc := p3.encode(s3.prob[tr[k]])
			b.noteError(p3.decode(pc), s3.prob[tr[k]])
			ts = append(ts, uint32(t[2])|uint32(pc)<<lay.wordBits)
		}
		if len(ts) > 0 {
			ptr = uint64(len(a.tri))
			blk := layoutBlock(ts, uint32(lay.mask), lay.triLinear)
			a.tri = append(a.tri, uint32(len(blk)))
			a.tri = append(a.tri, blk...)
		}
		pc := p2.encode(s2.prob[i])
		b.noteError(p2.decode(pc), s2.prob[i])
		e := uint64(g[1]) | pc<<lay.probShift | b.backoffCode(s2, i, q2)<<lay.boShift | ptr<<lay.ptrShift
		perWord[g[0]] = append(perWord[g[0]], e)
	}
	if k != len(tr) || uint64(len(a.tri)-1)>>lay.ptrBits != 0 || !predictsNoUnknown(s2) || !predictsNoUnknown(s3) {
		return nil
	}
	for c, es := range perWord {
		a.start[c] = uint32(len(a.big))
		a.big = append(a.big, layoutBlock(es, lay.mask, lay.bigLinear)...)
	}
	if uint64(len(a.big)) > 1<<32-1 {
		return nil
	}
	a.start[len(b.m.words)] = uint32(len(a.big))
	return a
}

// sortedByContext is the indices of s's n-grams ordered by their words,
// oldest first, so that each context's n-grams are adjacent.
func sortedByContext(s *ngramSet) []int {
	idx := make([]int, s.len())
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int { return slices.Compare(s.gram(x), s.gram(y)) })
	return idx
}

func predictsNoUnknown(s *ngramSet) bool {
	for i := range s.len() {
		if s.gram(i)[s.n-1] == Unknown {
			return false
		}
	}
	return true
}

// layoutBlock orders one block's entries, whose low bits (mask) are the
// predicted word: sorted when there are at most linear of them, otherwise
// an ordered hash table (inserted in decreasing word order, so that a search
// stops at the first smaller word, an empty slot being word 0).
func layoutBlock[E uint32 | uint64](es []E, mask E, linear uint64) []E {
	slices.SortFunc(es, func(x, y E) int { return cmp.Compare(x&mask, y&mask) })
	if uint64(len(es)) <= linear {
		return es
	}
	n := uint64(blockSlots(len(es)))
	out := make([]E, n)
	for k := len(es) - 1; k >= 0; k-- {
		j := blockSlot(WordID(es[k]&mask), n)
		for out[j] != 0 {
			if j++; j == n {
				j = 0
			}
		}
		out[j] = es[k]
	}
	return out
}

// sizes records the byte size of each version 3 section.
func (a *blockArrays) sizes(s *[numSections]int) {
	s[secBigStart] = 4 * len(a.start)
	s[secBigrams] = 8 * len(a.big)
	s[secTrigrams] = 4 * len(a.tri)
	s[secLayout] = 4 * layoutFields
}

// writeBlocks writes the version 3 sections and the quantisers of orders 2
// and 3 into the header where version 2 keeps them.
func (b *builder) writeBlocks(a *blockArrays, sizes [numSections]int) {
	p2, q2 := b.quantisers(b.m.orders[2], false)
	p3, q3 := b.quantisers(b.m.orders[3], true)
	b.writeQuant(2, p2, q2)
	b.writeQuant(3, p3, q3)
	out := b.section(secBigStart, sizes[secBigStart], len(a.start))
	for i, v := range a.start {
		le.PutUint32(out[4*i:], v)
	}
	out = b.section(secBigrams, sizes[secBigrams], len(a.big))
	for i, v := range a.big {
		le.PutUint64(out[8*i:], v)
	}
	out = b.section(secTrigrams, sizes[secTrigrams], len(a.tri))
	for i, v := range a.tri {
		le.PutUint32(out[4*i:], v)
	}
	out = b.section(secLayout, sizes[secLayout], layoutFields)
	for i, v := range []uint64{uint64(a.lay.wordBits), uint64(a.lay.ptrBits), a.lay.bigLinear, a.lay.triLinear} {
		le.PutUint32(out[4*i:], uint32(v))
	}
}
