package learn

import (
	"math"
	"slices"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/repair"
)

// Layered proposes the generic lexicon's candidates with a learned table on
// top: a spun word in the table gets its learned originals added, or their
// channel raised where the lexicon already had them; any other word gets
// exactly the lexicon's answer.
type Layered struct {
	base  repair.Candidates
	table *Table
	rate  float64
}

// Layer puts table over base. A learned channel is expressed as the lexicon
// expresses its own, log10(rate·q), with rate the replacement rate the
// repairer factors out of thesaurus-like sources (BaseRates.Replace, which
// is also what it assumes for lexicon.Learned).
func Layer(base repair.Candidates, table *Table) *Layered {
	return &Layered{base: base, table: table, rate: repair.DefaultOptions().Base.Replace}
}

// ContextCandidates passes base's on (repair.ContextCandidates): a
// learned original is among Candidates already.
func (l *Layered) ContextCandidates(word string) []lexicon.Candidate {
	if c, ok := l.base.(repair.ContextCandidates); ok {
		return c.ContextCandidates(word)
	}
	return nil
}

// Candidates implements repair.Candidates.
func (l *Layered) Candidates(word string) []lexicon.Candidate {
	cands := l.base.Candidates(word)
	if len(cands) == 0 {
		return cands
	}
	learned := l.table.Originals(cands[0].Word)
	if len(learned) == 0 {
		return cands
	}
	cands = slices.Clone(cands) // the lexicon's lists are shared
	for _, p := range learned {
		ch := math.Log10(l.rate * p.Prob)
		i := slices.IndexFunc(cands[1:], func(c lexicon.Candidate) bool { return c.Word == p.Orig })
		switch {
		case i < 0:
			cands = append(cands, lexicon.Candidate{Word: p.Orig, Channel: ch, Source: lexicon.Learned})
		case ch > cands[i+1].Channel:
			cands[i+1] = lexicon.Candidate{Word: p.Orig, Channel: ch, Source: lexicon.Learned}
		}
	}
	return cands
}
