package repair

import (
	"math"

	"github.com/unspin/unspin/internal/lexicon"
)

// The channel and the document's spin rates.
//
// The lexicon scores a candidate original o of a spun word s with
// P(s | o) = r·q(s | o), and keeping the word with 1 - r, for a fixed rate r
// of replacement. But r is a property of the document, not of the language:
// a spun article had most of the words its spinner knows replaced, a clean
// one none. Using a rate fit for spun text on clean text changes good words;
// using one fit for clean text leaves spun words alone. So the repairer
// estimates the rates of each document by expectation-maximisation: decode
// with the current rates, count the expected replacements among the
// positions whose original the spinner could have replaced, and set each
// rate to their share, with a Beta prior that keeps short texts near the
// prior mean.
//
// Function words and content words get a rate each: spinners treat them
// differently (the real sample swapped nearly every "the" for "a" but left
// many content words alone), and a content-word rate would otherwise
// decide the fate of every article.

// rateClass separates the kinds of replacement that get their own rate.
type rateClass uint8

const (
	contentWords    rateClass = iota // thesaurus, morphology, phrases, spelling
	functionWords                    // the swap table
	knownPhrases                     // a term of the phrase table, matched whole: a fixed rate
	inferredPhrases                  // a known term put back through learned word swaps: a fixed rate
	numClasses
)

// rates holds one spin rate per class.
type rates [numClasses]float64

// BaseRates are the replacement rates the lexicon folded into its channel
// probabilities, so that the repairer can factor them out and put the
// document's own rates in.
type BaseRates struct {
	Replace float64 // thesaurus, morphology and phrase candidates
	Swap    float64 // the swap table
	Spell   float64 // spelling neighbours
}

func (b BaseRates) of(src lexicon.Source) float64 {
	switch src {
	case lexicon.Swap:
		return b.Swap
	case lexicon.Spelling:
		return b.Spell
	}
	return b.Replace
}

func classOf(src lexicon.Source) rateClass {
	if src == lexicon.Swap {
		return functionWords
	}
	return contentWords
}

// rateFree turns a lexicon candidate into the rate-free terms the channel
// needs: for an alternative, ln q(s | o) and its class; for the kept word,
// whether the spinner could have replaced it at all (a keep probability
// below one) and under which class.
func (b BaseRates) rateFree(c lexicon.Candidate) (lnq float64, class rateClass, replaceable bool) {
	if c.Source == lexicon.Keep {
		switch {
		case c.Channel >= 0:
			return 0, contentWords, false
		case c.Swappable:
			return 0, functionWords, true
		}
		return 0, contentWords, true
	}
	q := math.Pow(10, c.Channel) / b.of(c.Source)
	return math.Log(min(q, 1)), classOf(c.Source), true
}

// setRates writes the channel scores for the spin rates into the options:
// ln(1 - r) to keep a word the spinner could have replaced, ln(r·q) for an
// alternative, each times the channel weight.
func setRates(slots []slot, r rates, weight float64) {
	var lnKeep, lnR rates
	for c := range r {
		lnKeep[c], lnR[c] = math.Log1p(-r[c]), math.Log(r[c])
	}
	for i := range slots {
		opts := slots[i].opts
		if len(opts) < 2 {
			continue
		}
		opts[0].channel = 0
		if opts[0].replaceable {
			opts[0].channel = weight * lnKeep[opts[0].class]
		}
		for j := 1; j < len(opts); j++ {
			opts[j].channel = weight*(lnR[opts[j].class]+opts[j].lnq) + opts[j].doc
		}
	}
}

// rateCounts accumulates, from one sentence's posteriors, the expected
// number of replaced words and of words the spinner could have replaced,
// per class. Words with no alternative count too: a "the" left in place is
// evidence that the spinner did not replace the "the"s. post is nil for a
// sentence with nothing to decode.
func rateCounts(slots []slot, post [][]float64, replaced, replaceable *rates) {
	for i, s := range slots {
		if len(s.opts) < 2 || post == nil {
			if s.opts[0].replaceable {
				replaceable[s.opts[0].class]++
			}
			continue
		}
		for j := 1; j < len(s.opts); j++ {
			c := s.opts[j].class
			replaced[c] += post[i][j]
			replaceable[c] += post[i][j]
		}
		if s.opts[0].replaceable {
			replaceable[s.opts[0].class] += post[i][0]
		}
	}
}
