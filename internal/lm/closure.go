package lm

import "math"

// ARPA back-off is defined over whatever n-grams a file lists, but a file
// pruned by SRILM can list "a b c" without "b c" or "a b". Score stops at the
// first missing order, and a state keeps a context only if it is listed, so
// before building tables the importer adds every missing suffix and prefix,
// as KenLM does: an added n-gram's probability is the one back-off gives it
// and its backoff is zero, which leaves every query's answer unchanged.

// closeModel adds the missing n-grams, fills in their probabilities and marks
// which n-grams are contexts of longer ones. It returns how many it added.
func (m *arpaModel) closeModel() int {
	top := len(m.orders) - 1
	added := 0
	for n := top; n >= 3; n-- {
		s, lower := m.orders[n], m.orders[n-1]
		for i := range s.len() {
			g := s.gram(i)
			for _, sub := range [2][]WordID{g[1:], g[:n-1]} {
				if lower.lookup(ngramKey(sub)) < 0 {
					lower.add(sub, float32(math.NaN()), 0)
					added++
				}
			}
		}
	}
	for n := 2; n <= top; n++ {
		s := m.orders[n]
		for i, p := range s.prob {
			if p != p { // NaN: added above
				g := s.gram(i)
				s.prob[i] = m.bo(g[:n-1]) + m.prob(g[1:])
			}
		}
	}
	m.markExtensions()
	return added
}

// prob is log10 P(g[last] | g[:last]) by the textbook ARPA recursion.
func (m *arpaModel) prob(g []WordID) float32 {
	n := len(g)
	if n == 1 {
		return m.orders[1].prob[g[0]]
	}
	if n < len(m.orders) {
		if i := m.orders[n].lookup(ngramKey(g)); i >= 0 {
			return m.orders[n].prob[i]
		}
	}
	return m.bo(g[:n-1]) + m.prob(g[1:])
}

// bo is the backoff of context g, zero when g is not listed.
func (m *arpaModel) bo(g []WordID) float32 {
	n := len(g)
	if n == 1 {
		return m.orders[1].bo[g[0]]
	}
	if i := m.orders[n].lookup(ngramKey(g)); i >= 0 {
		return m.orders[n].bo[i]
	}
	return 0
}

// markExtensions sets ext for every n-gram that begins a longer one.
func (m *arpaModel) markExtensions() {
	top := len(m.orders) - 1
	for n := 1; n <= top; n++ {
		m.orders[n].ext = make([]bool, m.orders[n].len())
	}
	for n := 2; n <= top; n++ {
		s, lower := m.orders[n], m.orders[n-1]
		for i := range s.len() {
			g := s.gram(i)
			if n == 2 {
				lower.ext[g[0]] = true
			} else if j := lower.lookup(ngramKey(g[:n-1])); j >= 0 {
				lower.ext[j] = true
			}
		}
	}
}

// keep says whether a state must remember n-gram i of set s as context.
func (s *ngramSet) keep(i int) bool { return s.ext[i] || s.bo[i] != 0 }
