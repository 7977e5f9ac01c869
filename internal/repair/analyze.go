package repair

import (
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// Word is the decoder's verdict on one word that could have been spun: the
// candidates it decoded, each with its posterior, the spun word first.
type Word struct {
	Start, End int        // byte offsets of the word in the input
	Shape      text.Shape // letter case to give a replacement
	Options    []Option
}

// Option is one candidate original of a word and its posterior probability.
type Option struct {
	Word      string // lowercased original
	Source    lexicon.Source
	Channel   float64 // the lexicon's log10 P(spun | original)
	Posterior float64
	// Local is its posterior in its spun context alone (the fast match's
	// window) at the document's rates; Unigram is the model's log10 P of
	// the word, the unknown-word probability when it does not know it.
	// Both are set only for a decision (Features), which reads them.
	Local   float64
	Unigram float64
	listed  bool      // a phrase of the tortured-phrase list, matched whole
	id      lm.WordID // the word in the model's vocabulary
}

// Analysis is what the decoder concluded about a whole text.
type Analysis struct {
	Words        int     // word tokens read
	Decoded      int     // words that had candidates after the fast match
	ContentRate  float64 // estimated share of content words the spinner replaced
	FunctionRate float64 // the same for the swap table's function words
	// counts is how often each word occurs in the text, indexed by the
	// model's word ids: set only for a decision, which asks whether a
	// candidate original occurs elsewhere in the document. A slice rather
	// than a map: the decision asks about every candidate in every pass.
	counts []int32
	// powers caches 10^Unigram of the words, for burst.
	powers *unigramPowers
}

// wordCounts counts the words of a text's sentences, each slot's own word,
// by the ids of a vocabulary of vocab words.
func wordCounts(sents []sentence, vocab int) []int32 {
	counts := make([]int32, vocab)
	for _, st := range sents {
		for _, s := range st.slots {
			if id := int(s.opts[0].id); id < len(counts) {
				counts[id]++
			}
		}
	}
	return counts
}

// Analyze decodes src and calls visit, in order, for every word that had a
// candidate other than itself. Edits, spin scores and learned tables are all
// built from these verdicts.
func (r *Repairer) Analyze(src []byte, visit func(Word)) Analysis {
	return r.analyze(src, visit, false)
}

// analyze is Analyze, filling the options' Local and Unigram only when
// features asks for them: they cost a query an option, and only the
// decision reads them.
func (r *Repairer) analyze(src []byte, visit func(Word), features bool) Analysis {
	arena := r.arenas.Get().(*optionArena)
	defer r.putArena(arena)
	toks, sents, rate, a := r.read(src, r.opts.FastMatchRight, arena)
	if features {
		a.counts, a.powers = wordCounts(sents, r.model.VocabSize()), r.powers
	}
	d := r.pool.Get().(*decoder)
	defer r.pool.Put(d)
	f := factorsOf(rate, r.opts.ChannelWeight)
	var local localPosteriors
	posteriors := func(slots []slot) [][]float64 {
		setRates(slots, rate, r.opts.ChannelWeight) // the decoder weighs the channel at the document's rates
		return d.posteriors(slots)
	}
	a.Decoded = r.eachDecodable(sents, posteriors, func(p position, s slot, post []float64) {
		if visit != nil {
			var loc []float64
			if features {
				loc = local.slot(s, f)
			}
			visit(r.verdict(src, toks, p, s, post, loc))
		}
	})
	return a
}

// eachDecodable gets each changeable sentence's option posteriors from
// posteriors (the decoder's, or the fast match's local ones) and calls fn
// for every word with an alternative. It returns how many such words there
// were.
func (r *Repairer) eachDecodable(sents []sentence, posteriors func([]slot) [][]float64,
	fn func(p position, s slot, post []float64)) int {
	n := 0
	for _, st := range sents {
		if !st.changeable {
			continue
		}
		post := posteriors(st.slots)
		joinPhrases(st, post, r.opts.InferConfidence)
		for k, p := range st.words {
			if len(st.slots[k].opts) < 2 {
				continue
			}
			n++
			fn(p, st.slots[k], post[k])
		}
	}
	return n
}

// read tokenizes src, builds each sentence's lattice (its fast match
// scoring right words after each position, its options from arena) and
// estimates the document's spin rates.
func (r *Repairer) read(src []byte, right int, arena *optionArena) ([]text.Token, []sentence, rates, Analysis) {
	toks := text.Tokenize(src)
	var sents []sentence
	var a Analysis
	for _, s := range text.Sentences(src, toks) {
		st := r.sentence(src, toks, s, right, arena)
		a.Words += len(st.slots)
		sents = append(sents, st)
	}
	rate := r.estimateRates(sents)
	r.setConsistency(sents, rate)
	a.ContentRate, a.FunctionRate = rate.of[contentWords], rate.of[functionWords]
	return toks, sents, rate, a
}

func (r *Repairer) verdict(src []byte, toks []text.Token, p position, s slot, post, local []float64) Word {
	return r.verdictIn(make([]Option, len(s.opts)), src, toks, p, s, post, local)
}

// verdictIn is verdict, its options in opts, of the slot's length.
func (r *Repairer) verdictIn(opts []Option, src []byte, toks []text.Token, p position, s slot, post, local []float64) Word {
	t := toks[p.tok]
	w := Word{Start: t.Start, End: t.End, Shape: text.ShapeAt(src, toks, p.tok)}
	w.Options = opts
	for j, o := range s.opts {
		c := p.cands[o.cand]
		w.Options[j] = Option{Word: c.Word, Source: c.Source, Channel: c.Channel, Posterior: post[j], listed: o.class == knownPhrases, id: o.id}
		if local != nil {
			w.Options[j].Local, w.Options[j].Unigram = local[j], r.unigram(o.id)
		}
	}
	return w
}

// putArena returns a document's arena once nothing refers to its options.
func (r *Repairer) putArena(a *optionArena) {
	a.reset()
	r.arenas.Put(a)
}

// unigram is log10 P(id) out of context.
func (r *Repairer) unigram(id lm.WordID) float64 {
	p, _ := r.model.Score(r.model.NullState(), id)
	return float64(p)
}
