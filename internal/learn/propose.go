package learn

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// Proposing pairs the lexicon lacks.
//
// A spinner with a dictionary of its own writes some words far more often
// than clean English does ("twelvemonth" for every "year") and some far
// less (the "year"s it replaced). So a word whose count in the pile is well
// above what its unigram probability predicts is a suspect, and the words
// the language model expects in its slots, among those the pile is short
// of, are its candidate originals. One occurrence says little: a pair is
// proposed only when the same original is among the model's favourites
// across many occurrences of the suspect.
//
// The model's favourites include function words wherever the context
// allows one, and a pile whose spinner replaced "the" is short of "the":
// left alone, the vote proposes "the" for "infantry" and "you" for
// "demise". Spinners swap a word for one of its own class, so, as in the
// lexicon, a closed-class original is only proposed for a closed-class
// spun word.

// ProposeOptions tune Propose.
type ProposeOptions struct {
	MinCount    int     // occurrences a suspect needs
	Excess      float64 // log10 of how much more frequent than the model predicts
	MaxSuspects int     // suspects examined, most frequent first
	Shortlist   int     // frequent words the model may propose as originals
	SkipTop     int     // the most frequent words, function words, are never proposed
	Occurrences int     // occurrences of a suspect examined
	TopN        int     // originals kept per occurrence
	MinShare    float64 // share of occurrences that must agree on an original
}

// DefaultProposeOptions are the measured defaults (docs/learning.md).
func DefaultProposeOptions() ProposeOptions {
	return ProposeOptions{MinCount: 5, Excess: 1, MaxSuspects: 300, Shortlist: 4000, SkipTop: 0,
		Occurrences: 40, TopN: 5, MinShare: 0.3}
}

// Propose returns pairs (spun, original) the texts suggest, with their
// number of agreeing occurrences as evidence. lex says which words are
// closed-class.
func Propose(model lm.Model, lex *lexicon.Lexicon, docs [][]byte, o ProposeOptions) []Pair {
	c := readCorpus(model, docs)
	if c.words == 0 {
		return nil
	}
	suspects := c.suspects(model, o)
	short := c.shortlist(model, o)
	out := make([][]Pair, len(suspects))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, s := range suspects {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = c.vote(model, lex, s, short, o)
		}()
	}
	wg.Wait()
	return slices.Concat(out...)
}

// suspects are the spinnable words the pile has far too many of.
func (c *corpus) suspects(model lm.Model, o ProposeOptions) []lm.WordID {
	seen := map[lm.WordID]bool{}
	var out []lm.WordID
	for si, s := range c.sents {
		for i, id := range s {
			if !c.spinnable[si][i] || seen[id] || id == lm.Unknown || c.count[id] < o.MinCount {
				continue
			}
			seen[id] = true
			if math.Log10(float64(c.count[id])/float64(c.words))-unigram(model, id) >= o.Excess {
				out = append(out, id)
			}
		}
	}
	slices.SortFunc(out, func(a, b lm.WordID) int { return cmp.Compare(c.count[b], c.count[a]) })
	return out[:min(len(out), o.MaxSuspects)]
}

// shortlist are the frequent lowercase words of the model, past the
// function words, that the pile has at most half as many of as expected:
// the words a spinner has been replacing.
func (c *corpus) shortlist(model lm.Model, o ProposeOptions) []lm.WordID {
	type scored struct {
		id lm.WordID
		lp float64
	}
	var all []scored
	for id := lm.WordID(3); int(id) < model.VocabSize(); id++ {
		if plainWord(model.Word(id)) {
			all = append(all, scored{id, unigram(model, id)})
		}
	}
	slices.SortFunc(all, func(a, b scored) int { return cmp.Compare(b.lp, a.lp) })
	var out []lm.WordID
	for _, s := range all[min(o.SkipTop, len(all)):min(o.SkipTop+o.Shortlist, len(all))] {
		expected := math.Pow(10, s.lp) * float64(c.words)
		if float64(c.count[s.id]) <= expected/2 {
			out = append(out, s.id)
		}
	}
	return out
}

func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return len(w) >= 3
}
