package repair

import "github.com/unspin/unspin/internal/lm"

// Document-level consistency.
//
// A spinner is a table: it replaces a word the same way all through a text,
// so the occurrences of one spun word in a document are evidence about each
// other. "initial" four times in an article, each weakly read as "first" by
// its context, is "first" with more confidence than any one context gives.
// After the rates are estimated, each occurrence of a spun word gets, for
// each of its options, the mean local posterior of that option at the
// word's other occurrences in the document; the decoder adds Consistency
// times its difference from the kept word's to the option's channel score.
// A word seen once gets nothing, and neither do the swap table's function
// words: whether an "a" was a "the" is a matter of the words around it, and
// every article has both.

// consistencyKey names a spun word's option across the document: the spun
// word (as its lexicon form) and the original's id.
type consistencyKey struct {
	spun string
	id   lm.WordID
}

// setConsistency fills each option's doc term from the local posteriors
// of the other occurrences of the same spun word.
func (r *Repairer) setConsistency(sents []sentence, rate rates) {
	weight := r.opts.Consistency
	if weight == 0 {
		return
	}
	f := factorsOf(rate, r.opts.ChannelWeight)
	var local localPosteriors
	count := map[string]int{}
	mass := map[consistencyKey]float64{}
	for _, st := range sents {
		for k, s := range st.slots {
			if len(s.opts) < 2 {
				continue
			}
			spun := st.words[k].cands[0].Word
			count[spun]++
			for j, p := range local.slot(s, f) {
				mass[consistencyKey{spun, s.opts[j].id}] += p
			}
		}
	}
	for _, st := range sents {
		for k, s := range st.slots {
			spun := st.words[k].cands[0].Word
			n := count[spun]
			if len(s.opts) < 2 || n < 2 || s.opts[0].class == functionWords {
				continue
			}
			own := local.slot(s, f)
			others := func(j int) float64 {
				return (mass[consistencyKey{spun, s.opts[j].id}] - own[j]) / float64(n-1)
			}
			keep := others(0)
			for j := range s.opts {
				s.opts[j].doc = weight * (others(j) - keep)
			}
		}
	}
}
