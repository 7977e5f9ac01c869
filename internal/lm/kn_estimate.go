package lm

// Interpolated modified Kneser-Ney (Chen and Goodman, "An empirical study of
// smoothing techniques for language modeling", 1998, section 3):
//
//	P_k(w | h) = max(c_k(hw) - D_k(c_k(hw)), 0) / c_k(h·)  +  γ_k(h) · P_{k-1}(w | h')
//	γ_k(h)     = (D_k1·N1(h·) + D_k2·N2(h·) + D_k3+·N3+(h·)) / c_k(h·)
//
// where h' is h without its oldest word, c_N is the raw count at the highest
// order N, and c_k for k < N is the continuation count N1+(·hw), the number
// of distinct words seen before hw, except for n-grams starting with <s>,
// which keep their raw count because no word can precede <s>. The unigram
// level interpolates with the uniform distribution over the vocabulary
// without <s>; <unk>, never counted, gets exactly that uniform share
// γ_1/|V| (KenLM's choice), so its mass grows with the number of rare words.
//
// Because every seen n-gram stores the whole interpolated probability, the
// back-off weight of a context h in ARPA is exactly γ(h): for an unseen hw
// the discounted term is zero and P(w | h) = γ(h) · P(w | h'), which is what
// an ARPA reader computes. The ARPA file therefore represents the
// interpolated distribution exactly, with no renormalisation.

// knLevel holds the n-grams of one order, sorted by knCompare. Level 1 is
// dense: its key for word id i is at index i.
type knLevel struct {
	keys   []knKey
	counts []uint32  // adjusted counts (see above)
	prob   []float64 // interpolated P(w | h)
	bow    []float64 // γ of the n-gram as a context; 1 when it has no extensions
	idx    *knTable  // key -> index, for orders 2 and up (see KNModel.lookup)
}

// index finds key in the level.
func (l *knLevel) index(k knKey, order int) (int, bool) {
	if order == 1 {
		return int(k.lo), k.hi == 0 && k.lo < uint64(len(l.keys))
	}
	i, ok := l.idx.get(k)
	return int(i), ok
}

type knPair struct {
	key   knKey
	count uint32
}

// knSorted turns counts of n-grams of one order into a level sorted by key.
// Keys must be distinct, as a knTable's are.
func knSorted(pairs []knPair, order int) knLevel {
	knRadixSort(pairs, order)
	l := knLevel{keys: make([]knKey, len(pairs)), counts: make([]uint32, len(pairs))}
	for i, p := range pairs {
		l.keys[i], l.counts[i] = p.key, p.count
	}
	return l
}

// knUnigramLevel is the dense unigram level of a vocabulary of v ids, all
// counts zero.
func knUnigramLevel(v int) knLevel {
	l := knLevel{keys: make([]knKey, v), counts: make([]uint32, v)}
	for i := range l.keys {
		l.keys[i] = knKey{lo: uint64(i)}
	}
	return l
}

// buildIndex makes the key -> index table of a sorted level.
func (l *knLevel) buildIndex() {
	l.idx = newKNTable(len(l.keys))
	for i, k := range l.keys {
		l.idx.add(k, uint32(i))
	}
}

// knContinuation builds level k from the distinct n-grams of level k+1,
// each of which adds one to the continuation count of its suffix, and from
// the raw counts of the k-grams that start with <s>. It also returns, for
// each n-gram of level k+1, the index of its suffix in level k, which
// interpolation needs. Suffixes are found by sorting rather than hashing:
// (suffix, position) pairs sorted by suffix form one run per distinct
// suffix, and sorting is sequential where hash probes miss the cache.
//
// The start n-grams all sort first: their oldest word is <s> (id 1), while a
// suffix never starts with <s> nor with <unk> (id 0, never counted).
func knContinuation(upper *knLevel, k int, starts *knTable, vocab int) (knLevel, []uint32) {
	suffix := make([]uint32, len(upper.keys))
	if k == 1 {
		l := knUnigramLevel(vocab)
		for i, key := range upper.keys {
			w := key.last()
			l.counts[w]++
			suffix[i] = uint32(w)
		}
		return l, suffix
	}
	pairs := make([]knPair, len(upper.keys))
	for i, key := range upper.keys {
		pairs[i] = knPair{key.keep(k), uint32(i)}
	}
	knRadixSort(pairs, k)
	l := knSorted(starts.pairs(), k)
	first := len(l.keys)
	for _, p := range pairs {
		if n := len(l.keys); n == first || l.keys[n-1] != p.key {
			l.keys = append(l.keys, p.key)
			l.counts = append(l.counts, 0)
		}
		j := len(l.keys) - 1
		l.counts[j]++
		suffix[p.count] = uint32(j)
	}
	return l, suffix
}

// knDiscounted is c - D(c), the count left after discounting (0 for c = 0).
func knDiscounted(c uint32, d [3]float64) float64 {
	if c == 0 {
		return 0
	}
	return float64(c) - d[min(c, 3)-1]
}

// knMass accumulates the sum of counts and N1, N2, N3+ of one context.
type knMass struct {
	sum float64
	n   [3]float64
}

func (m *knMass) add(c uint32) {
	if c == 0 {
		return
	}
	m.sum += float64(c)
	m.n[min(c, 3)-1]++
}

// gamma is the interpolation weight γ the discounts free.
func (m *knMass) gamma(d [3]float64) float64 {
	return (d[0]*m.n[0] + d[1]*m.n[1] + d[2]*m.n[2]) / m.sum
}
