package lexicon

import (
	"math"

	"github.com/unspin/unspin/internal/lm"
)

// UnigramOf adapts a language model to Options.Unigram: log10 P(w) with no
// context, -Inf for a word the model does not know.
func UnigramOf(m lm.Model) func(string) float64 {
	null := m.NullState()
	return func(w string) float64 {
		id := m.ID(w)
		if id == lm.Unknown {
			return math.Inf(-1)
		}
		p, _ := m.Score(null, id)
		return float64(p)
	}
}
