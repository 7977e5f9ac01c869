package lm

import (
	"cmp"
	"math"
	"slices"
)

// writeTable quantises order n and inserts it into its hash table.
func (b *builder) writeTable(n, size int) {
	s := b.m.orders[n]
	top := n == b.order
	slots := uint64(b.tableSlots(n))
	out := b.section(secOrder2+n-2, size, int(slots))
	pq, bq := b.quantisers(s, top)
	b.writeQuant(n, pq, bq)

	width, fpBits := uint64(midSlot), uint(midFPBits)
	if top {
		width, fpBits = topSlot, topFPBits
	}
	// Inserting in decreasing order of fingerprint orders the table (see
	// format.go); equal fingerprints keep the n-grams' order.
	keys := make([]uint64, s.len())
	order := make([]int, s.len())
	for i := range keys {
		keys[i], order[i] = ngramKey(s.gram(i)), i
	}
	slices.SortStableFunc(order, func(a, c int) int {
		return cmp.Compare(fingerprint(keys[c], fpBits), fingerprint(keys[a], fpBits))
	})
	for _, i := range order {
		h := keys[i]
		pc := pq.encode(s.prob[i])
		b.noteError(pq.decode(pc), s.prob[i])
		v := fingerprint(h, fpBits) | pc<<fpBits
		if !top {
			v |= b.backoffCode(s, i, bq) << (fpBits + quantBits)
		}
		j := slotOf(h, slots)
		for {
			old := le.Uint64(out[width*j:]) & (1<<fpBits - 1)
			if old == 0 {
				break
			}
			if old == fingerprint(h, fpBits) {
				b.info.Collisions++
			}
			if j++; j == slots {
				j = 0
			}
		}
		for k := range width {
			out[width*j+k] = byte(v >> (8 * k))
		}
	}
}

// writeQuant records order n's quantisers in the header.
func (b *builder) writeQuant(n int, pq, bq quant) {
	q := b.out[offQuant+16*(n-2):]
	putF32(q, pq.min)
	putF32(q[4:], pq.step)
	putF32(q[8:], bq.min)
	putF32(q[12:], bq.step)
}

// quantisers spans order s's probabilities and its non-zero backoffs.
func (b *builder) quantisers(s *ngramSet, top bool) (quant, quant) {
	plo, phi := float32(math.Inf(1)), float32(math.Inf(-1))
	for _, p := range s.prob {
		plo, phi = min(plo, p), max(phi, p)
	}
	blo, bhi := float32(math.Inf(1)), float32(math.Inf(-1))
	for _, v := range s.bo {
		if v != 0 && !top {
			blo, bhi = min(blo, v), max(bhi, v)
		}
	}
	if plo > phi {
		plo, phi = 0, 0
	}
	if blo > bhi {
		blo, bhi = 0, 0
	}
	return newQuant(plo, phi, quantMax), newQuant(blo, bhi, boLevels)
}

func (b *builder) backoffCode(s *ngramSet, i int, bq quant) uint64 {
	switch {
	case !s.keep(i):
		return boDropped
	case s.bo[i] == 0:
		return boZero
	}
	c := bq.encode(s.bo[i])
	b.noteError(bq.decode(c), s.bo[i])
	return boFirst + c
}

func (b *builder) noteError(got, want float32) {
	b.info.MaxQuantError = max(b.info.MaxQuantError, float32(math.Abs(float64(got-want))))
}
