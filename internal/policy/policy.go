package policy

import (
	"math"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// Policy holds the user's lists. The zero value (or nil) changes nothing.
type Policy struct {
	Allow *List // words never changed, pairs never proposed
	Deny  *List // words whose proposals are always applied, pairs always made
	Extra *List // pairs of extra dictionaries: more candidates, no guarantee
}

// Source names the origin of a fix forced by the denylist.
const Source = "denylist"

// extraChannel is log10 P(spun | original) given to a pair of an extra
// dictionary, before the repairer factors out the lexicon's base rate of
// 0.1: q = 0.5, as if the spinner wrote this spun word half the times it met
// the original. That is the order of the shipped swap table's q for a
// two-way swap; a table that knows better should be learned instead.
var extraChannel = math.Log10(0.1 * 0.5)

// denyChannel is the channel of an always-pair: q = 1, the strongest the
// repairer accepts. The edit is forced afterwards anyway; this only lets the
// decoder choose the neighbours as if the original were there.
var denyChannel = math.Log10(0.1)

func (p *Policy) allow() *List { return orEmpty(p, func(p *Policy) *List { return p.Allow }) }
func (p *Policy) deny() *List  { return orEmpty(p, func(p *Policy) *List { return p.Deny }) }
func (p *Policy) extra() *List { return orEmpty(p, func(p *Policy) *List { return p.Extra }) }

var empty = NewList()

func orEmpty(p *Policy, f func(*Policy) *List) *List {
	if p == nil || f(p) == nil {
		return empty
	}
	return f(p)
}

// Candidates wraps inner so that the decoder sees the lists: an allowlisted
// word keeps only itself, an allowlisted pair loses its original, a
// denylisted pair is the only alternative, extra pairs are added.
func (p *Policy) Candidates(inner repair.Candidates) repair.Candidates {
	return filter{p: p, inner: inner, deny: p.deny().Originals(), extra: p.extra().Originals()}
}

type filter struct {
	p           *Policy
	inner       repair.Candidates
	deny, extra map[string][]string
}

func (f filter) Candidates(word string) []lexicon.Candidate {
	cands := f.inner.Candidates(word)
	if len(cands) == 0 {
		return cands
	}
	w := cands[0].Word
	if f.p.allow().Words[w] {
		return cands[:1]
	}
	if origs := f.deny[w]; len(origs) > 0 {
		out := []lexicon.Candidate{cands[0]}
		for _, o := range origs {
			out = append(out, lexicon.Candidate{Word: o, Channel: denyChannel, Source: lexicon.Learned})
		}
		return out
	}
	return f.edit(w, cands)
}

// ContextCandidates passes the inner proposer's context candidates on
// under the same lists: none for an allowlisted word or one whose
// originals the denylist fixes, and no allowlisted pair.
func (f filter) ContextCandidates(word string) []lexicon.Candidate {
	inner, ok := f.inner.(repair.ContextCandidates)
	if !ok {
		return nil
	}
	extra := inner.ContextCandidates(word)
	cands := f.inner.Candidates(word)
	if len(extra) == 0 || len(cands) == 0 {
		return nil
	}
	w := cands[0].Word
	if f.p.allow().Words[w] || len(f.deny[w]) > 0 {
		return nil
	}
	allow := f.p.allow().Pairs
	out := extra[:0:0]
	for _, c := range extra {
		if !allow[Pair{w, c.Word}] {
			out = append(out, c)
		}
	}
	return out
}

// edit drops allowlisted pairs and adds extra ones. The lexicon's slice is
// shared by every caller, so a change is made on a copy.
func (f filter) edit(w string, cands []lexicon.Candidate) []lexicon.Candidate {
	allow := f.p.allow().Pairs
	out := make([]lexicon.Candidate, 0, len(cands)+len(f.extra[w]))
	for _, c := range cands {
		if !allow[Pair{w, c.Word}] {
			out = append(out, c)
		}
	}
	for _, o := range f.extra[w] {
		if !allow[Pair{w, o}] && !hasWord(out, o) {
			out = append(out, lexicon.Candidate{Word: o, Channel: extraChannel, Source: lexicon.Learned})
		}
	}
	return out
}

func hasWord(cs []lexicon.Candidate, w string) bool {
	for _, c := range cs {
		if c.Word == w {
			return true
		}
	}
	return false
}

// norm is the form the lists compare: the language model's.
func norm(s string) string { return text.Norm(s) }
