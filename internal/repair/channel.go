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
//
// The swap table also holds a few open-class pairs of the spinner behind
// the real sample ("military" written "infantry", "spokesman" "orator").
// Their spun words are everyday English, and on the function-word rate a
// lone clean sentence's "infantry" became "military" whenever the model
// liked the latter better. Such a pair is the fingerprint of one spinner,
// so it is applied on the evidence of that spinner's table at work in the
// document: its rate is estimated from every swap-table position, function
// words included, under a prior that expects the table not to be at work,
// and each word is scored on the others' evidence, not its own (leaveOut).
// A pair whose spun word the model does not know ("some-more") has no real
// use to protect and stays in the function-word class.

// rateClass separates the kinds of replacement that get their own rate.
type rateClass uint8

const (
	contentWords    rateClass = iota // thesaurus, morphology, phrases, spelling
	functionWords                    // the swap table
	knownPhrases                     // a term of the phrase table, matched whole: a fixed rate
	inferredPhrases                  // a known term put back through learned word swaps: a fixed rate
	openSwaps                        // the swap table's open-class pairs, on the table's evidence
	numClasses
)

// classRates holds one number per class.
type classRates [numClasses]float64

// rates are a document's spin rates, one per class, and the Beta
// posterior behind the open-swap rate (expected replacements and
// replaceable positions, prior included) for leaveOut to take one word's
// share out of; both are 0 when the evidence is too large for one word to
// matter.
type rates struct {
	of           classRates
	hits, trials float64
}

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
	var lnKeep, lnR classRates
	for c := range r.of {
		lnKeep[c], lnR[c] = math.Log1p(-r.of[c]), math.Log(r.of[c])
	}
	f := factorsOf(r, weight)
	for i := range slots {
		opts := slots[i].opts
		if len(opts) < 2 {
			continue
		}
		keep, alt := lnKeep, lnR
		if x, ok := r.leaveOut(opts, f); ok {
			keep[openSwaps], alt[openSwaps] = math.Log1p(-x), math.Log(x)
		}
		opts[0].channel = 0
		if opts[0].replaceable {
			opts[0].channel = weight * keep[opts[0].class]
		}
		for j := 1; j < len(opts); j++ {
			opts[j].channel = weight*(alt[opts[j].class]+opts[j].lnq) + opts[j].doc
		}
	}
}

// leaveOut returns the open-swap rate to score one slot with: the rate
// estimated without the slot's own expected counts, when it has an
// open-swap option and the document is short enough for that to matter.
// A word's local evidence already weighs in its decoding; counted again in
// the rate it lets a word the model merely prefers vouch for itself, and in
// one sentence a single "infantry" the model reads as "military" would
// raise the rate enough to be changed.
func (r rates) leaveOut(opts []option, f rateFactors) (float64, bool) {
	if r.trials == 0 || !hasClass(opts, openSwaps) {
		return 0, false
	}
	weigh := func(j int) float64 { // the local posterior's numerator of option j
		o := opts[j]
		switch {
		case j > 0:
			return o.evidence * f.alt[o.class]
		case o.replaceable:
			return o.evidence * f.keep[o.class]
		}
		return o.evidence
	}
	z := 0.0
	for j := range opts {
		z += weigh(j)
	}
	if !(z > 0) || math.IsInf(z, 0) {
		return 0, false
	}
	var hits, trials float64 // the slot's share, in the classes the evidence pools
	for j, o := range opts {
		if (o.class == openSwaps || o.class == functionWords) && (j > 0 || o.replaceable) {
			p := weigh(j) / z
			trials += p
			if j > 0 {
				hits += p
			}
		}
	}
	return clampRate(betaRate(max(r.hits-hits, 1e-3), max(r.trials-trials, 1e-3))), true
}

func hasClass(opts []option, c rateClass) bool {
	for _, o := range opts {
		if o.class == c {
			return true
		}
	}
	return false
}

// rateCounts accumulates, from one sentence's posteriors, the expected
// number of replaced words and of words the spinner could have replaced,
// per class. Words with no alternative count too: a "the" left in place is
// evidence that the spinner did not replace the "the"s. post is nil for a
// sentence with nothing to decode.
func rateCounts(slots []slot, post [][]float64, replaced, replaceable *classRates) {
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
