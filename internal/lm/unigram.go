package lm

import "math"

// UnigramFunc adapts m for callers that rank words by their probability out
// of context, such as the lexicon pruning candidates: it returns log10 P(w),
// or -Inf for a word m does not know.
func UnigramFunc(m Model) func(word string) float64 {
	return func(w string) float64 {
		id := m.ID(w)
		if id == Unknown {
			return math.Inf(-1)
		}
		p, _ := m.Score(m.NullState(), id)
		return float64(p)
	}
}
