package lm

import (
	"math"
	"sync"
)

// Order is the model's n-gram order.
func (m *Binary) Order() int { return m.order }

// VocabSize is the number of word ids, including the three fixed ones.
func (m *Binary) VocabSize() int { return m.vocab }

// Word is the spelling of id, or "" for an id outside the vocabulary.
func (m *Binary) Word(id WordID) string { return string(m.spelling(id)) }

// spelling is id's bytes in the vocabulary blob. Offsets are checked here,
// not at load, so that loading costs nothing per word; a damaged file gives
// empty words rather than a panic.
func (m *Binary) spelling(id WordID) []byte {
	if int(id) >= m.vocab {
		return nil
	}
	a, b := le.Uint32(m.offs[4*id:]), le.Uint32(m.offs[4*id+4:])
	if a > b || int(b) > len(m.blob) {
		return nil
	}
	return m.blob[a:b]
}

// ID maps a word to its id, or Unknown.
func (m *Binary) ID(word string) WordID {
	h := stringKey(word)
	i := slotOf(h, m.vslots)
	if m.ordered {
		return m.orderedID(word, h, i)
	}
	for range m.vslots {
		id := le.Uint32(m.vhash[4*i:])
		if id == 0 {
			return Unknown
		}
		if string(m.spelling(WordID(id))) == word {
			return WordID(id)
		}
		if i++; i == m.vslots {
			i = 0
		}
	}
	return Unknown
}

// orderedID searches a version 2 vocabulary table from slot i: spellings
// are read only where the fingerprint matches, and slots only where the top
// byte of their fingerprint does (see vocabTops).
func (m *Binary) orderedID(word string, h, i uint64) WordID {
	fp := vocabFingerprint(h)
	top := uint8(fp >> (vocabFPShift - 8))
	tops := m.vtop.of(m)
	for range m.vslots {
		if t := tops[i]; t < top {
			return Unknown // ordered: the fingerprints that follow are smaller still
		} else if t == top {
			s := le.Uint64(m.vhash[8*i:])
			f := s >> vocabFPShift
			if f == fp && string(m.spelling(WordID(uint32(s)))) == word {
				return WordID(uint32(s))
			}
			if f < fp { // an empty slot's fingerprint is 0
				return Unknown
			}
		}
		if i++; i == m.vslots {
			i = 0
		}
	}
	return Unknown
}

// vocabTops holds the top byte of each vocabulary slot's fingerprint, 0 for
// an empty slot. Along a probe sequence fingerprints only decrease, so a
// word that is not there is nearly always turned away by this array, a
// seventh of the table's size: the lexicon asks about hundreds of spelling
// neighbours of every unknown word, and they then stay in cache. It is
// built on the first lookup, at a cost of about 0.1 ms.
type vocabTops struct {
	once sync.Once
	tops []uint8
}

func (v *vocabTops) of(m *Binary) []uint8 {
	v.once.Do(func() {
		v.tops = make([]uint8, m.vslots)
		for i := range v.tops {
			v.tops[i] = uint8(le.Uint64(m.vhash[8*i:]) >> (64 - 8))
		}
	})
	return v.tops
}

// Unigram is log10 P(w) with no context; the unknown-word probability for
// Unknown and for ids outside the vocabulary.
func (m *Binary) Unigram(w WordID) float32 {
	if w == Unknown || int(w) >= m.vocab {
		return m.unk
	}
	return f32(m.uni[8*w:])
}

// UnknownLog10 is the log10 probability given to every unknown word.
func (m *Binary) UnknownLog10() float32 { return m.unk }

// NullState is the empty context.
func (m *Binary) NullState() State { return State{} }

// BeginSentence is the state after <s>.
func (m *Binary) BeginSentence() State {
	_, s := m.Score(State{}, BOS)
	return s
}

// Score is log10 P(w | state) under ARPA back-off, and the state after w.
//
// It probes the orders from the bigram up, extending the n-gram one context
// word at a time, and stops at the first miss: the importer made the model
// closed under suffixes, so no longer n-gram can exist past a miss. The
// back-off weights of the context words left unmatched come from the state,
// so a query costs one probe per matched order and one for the miss.
//
// The next state keeps the words of the longest matched n-gram that is the
// context of some longer n-gram or carries a non-zero backoff; anything older
// cannot change a later prediction, and dropping it lets equal contexts
// compare equal (KenLM's state minimisation). An unknown word empties it.
//
// Version 3 files (blocked.go) are answered here, exactly as the same model
// in version 2 is, rather than in a function of their own: a State travels
// by value on the stack, and each call copies it in and out again. A state
// of length 2 carries in Words[2] the trigram block of its two words, which
// the bigram entry that made it pointed at: the block is a function of the
// words, so states that compare equal still predict alike, and the trigram
// costs no second block search.
func (m *Binary) Score(state State, w WordID) (float32, State) {
	if !m.blocked {
		return m.scoreHashed(state, w)
	}
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
	p = b.biProb.decode(e >> lay.probShift & quantMax)
	if code := e >> lay.boShift & quantMax; code != boDropped {
		next.Words[0] = w
		next.Words[1] = c1
		if code >= boFirst {
			next.Backoff[1] = b.biBackoff.decode(code - boFirst)
		}
		next.Words[2] = WordID(e >> lay.ptrShift)
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

// scoreHashed is Score for the hash tables of versions 1 and 2.
func (m *Binary) scoreHashed(state State, w WordID) (float32, State) {
	var next State
	if w == Unknown || int(w) >= m.vocab {
		return m.unk, next
	}
	u := m.uni[8*w:]
	p := f32(u)
	bo := le.Uint32(u[4:])
	next.Words[0] = w
	keep := 0 // next.Len so far
	if bo != noExtension {
		next.Backoff[0] = math.Float32frombits(bo)
		keep = 1
	}
	ctx := min(int(state.Len), m.order-1, MaxOrder-1)
	h := wordKey(w)
	j := 0
	for ; j < ctx; j++ {
		h = extendKey(h, state.Words[j])
		t := &m.tables[j+2]
		prob, code, ok := t.find(h)
		if !ok {
			break
		}
		p = prob
		if j+1 < len(next.Words) && !t.top {
			next.Words[j+1] = state.Words[j]
			next.Backoff[j+1] = t.backoffOf(code)
			if code != boDropped {
				keep = j + 2
			}
		}
	}
	for ; j < ctx; j++ {
		p += state.Backoff[j]
	}
	// Clear what the state does not keep, so that equal states are ==.
	keep = min(keep, m.order-1)
	for i := keep; i < len(next.Words); i++ {
		next.Words[i], next.Backoff[i] = 0, 0
	}
	next.Len = uint8(keep)
	return p, next
}

// find looks h up; it returns the n-gram's prob and backoff code.
func (t *table) find(h uint64) (float32, uint64, bool) {
	i := slotOf(h, t.slots)
	if t.top {
		fp := fingerprint(h, topFPBits)
		for range t.slots {
			s := le.Uint64(t.data[topSlot*i:])
			f := s & (1<<topFPBits - 1)
			if f == fp {
				return t.prob.decode(s >> topFPBits & quantMax), boDropped, true
			}
			if f == 0 || t.ordered && f < fp {
				break
			}
			if i++; i == t.slots {
				i = 0
			}
		}
		return 0, 0, false
	}
	fp := fingerprint(h, midFPBits)
	for range t.slots {
		s := le.Uint64(t.data[midSlot*i:])
		f := s & (1<<midFPBits - 1)
		if f == fp {
			return t.prob.decode(s >> midFPBits & quantMax), s >> (midFPBits + quantBits), true
		}
		if f == 0 || t.ordered && f < fp {
			break
		}
		if i++; i == t.slots {
			i = 0
		}
	}
	return 0, 0, false
}

func (t *table) backoffOf(code uint64) float32 {
	if code < boFirst {
		return 0
	}
	return t.backof.decode(code - boFirst)
}
