package lm

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"time"
)

// KNModel is an interpolated modified Kneser-Ney model held in memory as
// sorted arrays of packed n-grams, the result of training. It answers
// LogProb queries (used to measure it) and writes itself as ARPA, the form
// ImportARPA turns into the binary model the decoder reads.
type KNModel struct {
	order     int
	words     []string
	vocab     map[string]WordID
	levels    []knLevel // levels[k] holds the k-grams; levels[0] is unused
	discounts [MaxOrder + 1][3]float64
	estimated [MaxOrder + 1]bool // false where fallback discounts were used
	tokens    int64
	sentences int64
	// indexOnce builds the hash indexes of orders 2 and up on the first
	// query: estimation and WriteARPA never look n-grams up.
	indexOnce sync.Once
}

// Estimate computes the model from the counts. The Trainer must not be used
// afterwards: the model takes over its memory.
func (t *Trainer) Estimate() (*KNModel, error) {
	switch {
	case t.top == nil:
		return nil, errors.New("lm: Estimate called twice")
	case t.tokens == 0:
		return nil, errTrainEmpty
	}
	began := time.Now()
	n := t.order
	m := &KNModel{order: n, words: t.words, vocab: t.vocab, tokens: t.tokens, sentences: t.sentences}
	suffixes := m.buildLevels(t)
	m.estimateDiscounts(t.progress)
	m.unigrams()
	for k := 2; k <= n; k++ {
		if err := m.interpolate(k, suffixes[k]); err != nil {
			return nil, err
		}
		suffixes[k] = nil
	}
	if t.progress != nil {
		fmt.Fprintf(t.progress, "train: estimated the order-%d model in %.1fs\n", n, time.Since(began).Seconds())
	}
	return m, nil
}

// buildLevels sorts the counts of the highest order and derives the adjusted
// counts of the orders below, releasing the trainer's tables as it goes. It
// returns, for each order k >= 2, the index in level k-1 of each k-gram's
// suffix.
func (m *KNModel) buildLevels(t *Trainer) [][]uint32 {
	n := m.order
	m.levels = make([]knLevel, n+1)
	suffixes := make([][]uint32, n+1)
	if n == 1 {
		m.levels[1] = knUnigramLevel(len(m.words))
		for _, p := range t.top.pairs() {
			m.levels[1].counts[p.key.lo] = p.count
		}
	} else {
		m.levels[n] = knSorted(t.top.pairs(), n)
	}
	t.top = nil
	for k := n - 1; k >= 1; k-- {
		m.levels[k], suffixes[k+1] = knContinuation(&m.levels[k+1], k, t.starts[k], len(m.words))
		t.starts[k] = nil
	}
	return suffixes
}

// estimateDiscounts sets each order's discounts from its count-of-counts,
// noting on progress where there were too few n-grams to estimate them.
func (m *KNModel) estimateDiscounts(progress io.Writer) {
	for k := 1; k <= m.order; k++ {
		c := knCountOfCounts(m.levels[k].counts)
		m.discounts[k], m.estimated[k] = KNDiscounts(c[1], c[2], c[3], c[4])
		if !m.estimated[k] && progress != nil {
			fmt.Fprintf(progress, "train: order %d: too few n-grams to estimate discounts (n1..n4 = %v); using %v\n",
				k, c[1:], knFallbackDiscounts)
		}
	}
}

// unigrams interpolates the unigram level with the uniform distribution over
// every id but <s>.
func (m *KNModel) unigrams() {
	l := &m.levels[1]
	d := m.discounts[1]
	var mass knMass
	for _, c := range l.counts {
		mass.add(c)
	}
	uniform := mass.gamma(d) / float64(len(l.counts)-1)
	l.prob = make([]float64, len(l.counts))
	for id, c := range l.counts {
		if WordID(id) != BOS {
			l.prob[id] = knDiscounted(c, d)/mass.sum + uniform
		}
	}
	l.bow = knOnes(len(l.counts))
}

// interpolate computes level k's probabilities from level k-1's, and the
// back-off weights of level k-1's n-grams as contexts. suffix[i] is the
// index of the suffix of k-gram i in level k-1. Keys are sorted, so the
// n-grams of one context form a run, and the contexts come in the order of
// level k-1's keys: one pointer walks level k-1 to find them.
func (m *KNModel) interpolate(k int, suffix []uint32) error {
	l, lower := &m.levels[k], &m.levels[k-1]
	d := m.discounts[k]
	l.prob = make([]float64, len(l.keys))
	if k < m.order {
		l.bow = knOnes(len(l.keys))
	}
	ci := 0
	for start := 0; start < len(l.keys); {
		ctx := l.keys[start].context()
		var mass knMass
		end := start
		for ; end < len(l.keys) && l.keys[end].context() == ctx; end++ {
			mass.add(l.counts[end])
		}
		if k == 2 {
			ci = int(ctx.lo)
		}
		for ci < len(lower.keys) && knCompare(lower.keys[ci], ctx) < 0 {
			ci++
		}
		if ci == len(lower.keys) || lower.keys[ci] != ctx {
			return fmt.Errorf("lm: internal error: context of a %d-gram missing from order %d", k, k-1)
		}
		gamma := mass.gamma(d)
		lower.bow[ci] = gamma
		for i := start; i < end; i++ {
			lp := lower.prob[suffix[i]]
			l.prob[i] = knDiscounted(l.counts[i], d)/mass.sum + gamma*lp
		}
		start = end
	}
	return nil
}

func knOnes(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 1
	}
	return s
}

// Order is the model's n-gram order.
func (m *KNModel) Order() int { return m.order }

// VocabSize is the number of word ids, including <unk>, <s> and </s>.
func (m *KNModel) VocabSize() int { return len(m.words) }

// ID is the id of a normalised word, or Unknown.
func (m *KNModel) ID(word string) WordID { return m.vocab[word] }

// Word is the spelling of id.
func (m *KNModel) Word(id WordID) string { return m.words[id] }

// NGrams is the number of distinct n-grams of order k in the model.
func (m *KNModel) NGrams(k int) int { return len(m.levels[k].keys) }

// Discounts returns D1, D2, D3+ of order k and whether they were estimated
// from the counts (false: the fallback values were used).
func (m *KNModel) Discounts(k int) ([3]float64, bool) { return m.discounts[k], m.estimated[k] }

// Tokens is the number of training words, </s> excluded.
func (m *KNModel) Tokens() int64 { return m.tokens }

// LogProb is log10 P(w | context), context oldest first, computed the way an
// ARPA reader does: the longest stored n-gram ending in w, times the back-off
// weights of the longer contexts that were not followed by w. It is -Inf for
// <s>, which is never predicted.
func (m *KNModel) LogProb(context []WordID, w WordID) float64 {
	if len(context) > m.order-1 {
		context = context[len(context)-(m.order-1):]
	}
	if int(w) >= len(m.words) {
		w = Unknown
	}
	backoff := 0.0
	for ; ; context = context[1:] {
		k := len(context) + 1
		ctx := knPack(context)
		if i, ok := m.lookup(k, ctx.push(w)); ok {
			return math.Log10(m.levels[k].prob[i]) + backoff
		}
		if ci, ok := m.lookup(k-1, ctx); k > 1 && ok {
			backoff += math.Log10(m.levels[k-1].bow[ci])
		}
	}
}

// lookup finds an n-gram of order k, building the indexes on first use.
func (m *KNModel) lookup(k int, key knKey) (int, bool) {
	m.indexOnce.Do(func() {
		for k := 2; k <= m.order; k++ {
			m.levels[k].buildIndex()
		}
	})
	if k < 1 {
		return 0, false
	}
	return m.levels[k].index(key, k)
}

// Summary writes the model's size and discounts, one line an order.
func (m *KNModel) Summary(w io.Writer) error {
	for k := 1; k <= m.order; k++ {
		d, ok := m.Discounts(k)
		note := ""
		if !ok {
			note = " (fallback)"
		}
		if _, err := fmt.Fprintf(w, "order %d: %d n-grams, discounts %.4f %.4f %.4f%s\n",
			k, m.NGrams(k), d[0], d[1], d[2], note); err != nil {
			return err
		}
	}
	return nil
}
