package repair

import (
	"encoding/binary"
	"math"

	"github.com/unspin/unspin/internal/text"
)

// Passes that remember.
//
// The passes to a fixed point (settle.go) read texts that differ in a few
// words: after the first, most sentences come back unchanged. A sentence's
// lattice depends on its tokens alone, and its posteriors on the lattice and
// the document's rates, so the passes over one text share a memo: a
// sentence seen before keeps its lattice, and keeps its posteriors when the
// rates are the ones it was decoded at. A pass then costs what a fresh run
// on its text would compute, minus the work that run would repeat; its
// edits are the same, so the fixed point is one a fresh run agrees with.
//
// Rates are estimated anew in every pass, over every sentence, as a fresh
// run would. They would rarely come out bit for bit the same after a few
// edits, so they are rounded to a grid (rateStep) that a few edits mostly do not
// cross.

// rateStep is the grid of the spin rates, in log-odds. The edits of a late
// pass move the estimate systematically (by about 0.06 on spun news, as the
// last spun words are restored), so the step must be several times that for
// the last pass to reuse the posteriors of the one before: at 0.02 it
// seldom did, at 0.3 it mostly does (fix then costs 1.75 times one pass
// instead of 2). Quality is the same at 0.02, 0.1, 0.2 and 0.3 on the seed
// article, the function-word set and 88,000 words of spun news: the rate
// matters by its order of magnitude, not by its second digit.
const rateStep = 0.3

// onGrid rounds a rate to the grid of rateStep in log-odds.
func onGrid(r float64) float64 {
	l := math.Round(math.Log(r/(1-r))/rateStep) * rateStep
	return 1 / (1 + math.Exp(-l))
}

// memo is what the passes over one text remember of its sentences.
type memo struct {
	r      *Repairer
	seen   map[string]*memoSentence
	opts   []Option       // the verdicts' options of the pass, for a decision
	words  []Word         // and the verdicts themselves: a window's are thousands, grown anew each pass otherwise
	arenas []*optionArena // the passes' lattices live in these until the last
}

type memoSentence struct {
	st    sentence
	start int // the sentence's first token when its lattice was built
	dec   *decoded
}

// decoded are a lattice's posteriors and the rates they were decoded at.
type decoded struct {
	rate rates
	post [][]float64 // nil until decoded
}

func (r *Repairer) newMemo() *memo {
	return &memo{r: r, seen: map[string]*memoSentence{}}
}

// release gives the lattices' memory back; the memo is not used after.
func (m *memo) release() {
	for _, a := range m.arenas {
		m.r.putArena(a)
	}
	m.arenas, m.seen = nil, nil
}

// repairOnce is RepairOnce, reusing what the memo knows. With a decision,
// the verdicts are the ones a fresh pass decodes, and the decision over
// them (which reads the whole document) is made afresh.
func (m *memo) repairOnce(src []byte) []Edit {
	r := m.r
	var edits []Edit
	add := func(w Word) {
		if e, ok := r.edit(src, w); ok {
			edits = append(edits, e)
		}
	}
	if r.opts.Decision == nil {
		m.analyze(src, false, add)
		return edits
	}
	words := m.words[:0] // the last pass's verdicts are gone, as in analyze
	a := m.analyze(src, true, func(w Word) { words = append(words, w) })
	r.decide(words, a)
	for _, w := range words {
		add(w)
	}
	m.words = words
	return edits
}

// analyze is Repairer.analyze, reusing what the memo knows. Its Analysis
// holds the rates only. Without features (no decision: the posteriors
// decide), it visits only the words edit makes an edit of, and builds no
// verdict for the others, most words.
func (m *memo) analyze(src []byte, features bool, visit func(Word)) Analysis {
	r := m.r
	arena := r.arenas.Get().(*optionArena)
	m.arenas = append(m.arenas, arena)
	toks := text.Tokenize(src)
	m.opts = m.opts[:0] // the last pass's verdicts are gone: its edits copied what they kept
	var sents []*memoSentence
	var key []byte
	for _, s := range text.Sentences(src, toks) {
		key = sentenceKey(key[:0], src, toks, s)
		ms, ok := m.seen[string(key)]
		if !ok {
			ms = &memoSentence{st: r.sentence(src, toks, s, r.opts.FastMatchRight, arena), start: s.Start, dec: new(decoded)}
			m.seen[string(key)] = ms
		}
		sents = append(sents, ms.at(s.Start))
	}
	plain := make([]sentence, len(sents))
	for i, ms := range sents {
		plain[i] = ms.st
	}
	rate := r.estimateRates(plain)
	d := r.pool.Get().(*decoder)
	defer r.pool.Put(d)
	f := factorsOf(rate, r.opts.ChannelWeight)
	var local localPosteriors
	for _, ms := range sents {
		if !ms.st.changeable {
			continue
		}
		dec := ms.dec
		if dec.post == nil || dec.rate != rate {
			setRates(ms.st.slots, rate, r.opts.ChannelWeight)
			dec.rate, dec.post = rate, clonePosteriors(d.posteriors(ms.st.slots))
			joinPhrases(ms.st, dec.post, r.opts.InferConfidence) // as a fresh pass does (eachDecodable)
		}
		for k, p := range ms.st.words {
			s := ms.st.slots[k]
			if len(s.opts) < 2 {
				continue
			}
			var loc []float64
			if features {
				loc = local.slot(s, f)
			} else if !r.proposes(dec.post[k]) {
				continue
			}
			visit(r.verdictIn(m.options(len(s.opts)), src, toks, p, s, dec.post[k], loc))
		}
	}
	a := Analysis{ContentRate: rate.of[contentWords], FunctionRate: rate.of[functionWords]}
	if features {
		a.counts, a.powers, a.Words = wordCounts(plain, r.model.VocabSize()), r.powers, 0
		for _, st := range plain {
			a.Words += len(st.slots)
		}
	}
	return a
}

// options returns room for n options of a verdict, valid until the next
// pass: the verdicts of a pass share a few large allocations.
func (m *memo) options(n int) []Option {
	if len(m.opts)+n > cap(m.opts) {
		m.opts = make([]Option, 0, max(2*cap(m.opts), n, 1<<12))
	}
	m.opts = m.opts[:len(m.opts)+n]
	return m.opts[len(m.opts)-n : len(m.opts) : len(m.opts)]
}

// at returns the sentence as found at token start: the shared entry itself
// when it is where its lattice was built, else a copy whose words point at
// the tokens there. The copy shares the lattice and its decoding.
func (ms *memoSentence) at(start int) *memoSentence {
	if start == ms.start {
		return ms
	}
	c := *ms
	c.st.words = make([]position, len(ms.st.words))
	for i, p := range ms.st.words {
		c.st.words[i] = position{tok: p.tok - ms.start + start, cands: p.cands}
	}
	return &c
}

// sentenceKey identifies a sentence by what its lattice is built from: its
// bytes, and each token's kind, flags and place.
func sentenceKey(dst, src []byte, toks []text.Token, s text.Sentence) []byte {
	from, to := s.Span(toks)
	dst = append(dst, src[from:to]...)
	for _, t := range toks[s.Start:s.End] {
		dst = append(dst, 0, byte(t.Kind), byte(t.Flags))
		dst = binary.AppendUvarint(dst, uint64(t.Start-from))
	}
	return dst
}

func clonePosteriors(post [][]float64) [][]float64 {
	n := 0
	for _, p := range post {
		n += len(p)
	}
	flat := make([]float64, 0, n)
	out := make([][]float64, len(post))
	for i, p := range post {
		flat = append(flat, p...)
		out[i] = flat[len(flat)-len(p):]
	}
	return out
}
