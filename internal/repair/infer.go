package repair

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
	"github.com/unspin/unspin/internal/tortured"
)

// Inferred phrases.
//
// A term the phrase table does not list can still be put back: the
// paraphrasers swap each word of a term for a synonym, and the same swaps
// recur across terms, so a span whose words, through the swaps learned
// from the list (and the lexicon's candidates), spell a known term is
// likely that term tortured. Known terms are the inferrer's vocabulary
// (the list's originals, WordNet's multi-word lemmas) and the language
// model's collocations: word sequences it holds as n-grams that are far
// likelier together than apart ("heart attack", "brain cancer").
//
// Clean text must stay clean, and a real phrase can often be bent into
// some term ("information security" into "data security"). So a span is
// only tried when the model has never seen its words together, only
// swaps that recur across the list's terms are used
// (tortured.MinSupport), and terms begin and end with content words.
//
// The limit is the vocabulary, not the gates: of the 786 pairs of the
// by-term held-out part (tortured.Split), 473 keep their word count yet
// spell a term no source holds (WordNet, the list, the model's
// collocations), and dictionaries of the registries would add few
// (FOLDOC 8, GCIDE 16). On the folds of tools/tunephrases, loosening the
// gates (margin, confidence, swap rate, collocation strength, support)
// lifted carrier sentences from 4.2% to at most 6.2%, and swapping words
// toward terms no vocabulary holds to 6.6%, each with more clean
// scientific sentences flagged (24 to 64 of 3,776 instead of 7), so the
// defaults stay.

// PhraseInferrer restores tortured forms of terms no table lists (the
// tortured package does this).
type PhraseInferrer interface {
	// HasSwaps reports whether spun word w has a learned original.
	HasSwaps(w string) bool
	// KnownTerm reports whether words spell a term of the inferrer's, and
	// whether a longer one begins with them.
	KnownTerm(words []string) (term, prefix bool)
	// TermsWith calls found for each term, as known says, that the first
	// n of words (lowercase spun words) can be put back into through the
	// learned swaps and alts[k], further originals of words[k].
	TermsWith(words []string, alts [][]string, known tortured.Known, found func(n int, term string))
}

// What inferPhrases knows of each word.
const (
	usable  = 1 << iota // a plain word no listed phrase took
	joined              // usable, one space or line break after a usable word
	swapped             // usable, with a learned swap
)

// inferPhrases adds the known terms that spans of st's words (none part of
// a listed phrase: listed, nil when none is) can be put back into. Most words start no span: one
// pass over the sentence finds the words that may be part of one, and a
// span is walked only from a content word, with a learned swap in it.
func (r *Repairer) inferPhrases(src []byte, toks []text.Token, st *sentence, entries []*wordEntry, listed []bool) bool {
	n := len(st.words)
	flags := make([]uint8, n)
	for k, p := range st.words {
		t := toks[p.tok]
		if t.Kind != text.Word || t.Protected() || listed != nil && listed[k] || !lowerOrTitle(src[t.Start:t.End]) {
			continue
		}
		flags[k] = usable
		if k > 0 && flags[k-1]&usable != 0 && oneSeparator(src, toks, p.tok-1, st.words[k-1].tok) {
			flags[k] |= joined
		}
		if r.opts.Infer.HasSwaps(p.cands[0].Word) {
			flags[k] |= swapped
		}
	}
	added := false
	words := make([]string, 0, tortured.MaxTermWords)
	var alts [tortured.MaxTermWords][]string // further originals of each word of a span
	for i := range st.words {
		if flags[i]&usable == 0 || !tortured.ContentPhrase([]string{st.words[i].cands[0].Word}) {
			continue
		}
		end, hasSwap := i+1, flags[i]&swapped != 0
		for end < n && end-i < tortured.MaxTermWords && flags[end]&joined != 0 {
			hasSwap = hasSwap || flags[end]&swapped != 0
			end++
		}
		if end-i < 2 || !hasSwap {
			continue
		}
		words = words[:0]
		for k := i; k < end; k++ {
			words = append(words, st.words[k].cands[0].Word)
			alts[k-i] = r.inferAlts(alts[k-i][:0], st, flags, k)
		}
		var real [tortured.MaxTermWords + 1]int8 // realPhrase of words[:n]: 0 not asked, 1 no, 2 yes
		r.opts.Infer.TermsWith(words, alts[:len(words)], r.knownTerm, func(n int, term string) {
			if real[n] == 0 {
				real[n] = 1
				if r.realPhrase(words[:n]) {
					real[n] = 2
				}
			}
			if real[n] == 2 || r.localGain(st, i, words[:n], term) < r.opts.InferMargin {
				return
			}
			r.addPhrase(st, entries, phraseSpan{start: i, orig: term, class: inferredPhrases}, n)
			added = true
		})
	}
	return added
}

// inferAlts appends to dst the further originals inference tries for word
// k of st: its first InferAlts lexicon candidates that are synonyms, when
// a word beside it has a learned swap and the model has never seen the two
// together (a term needs a learned swap, and a word far from one would
// have the walk try every pairing: measured, that made the repair of spun
// news 70% slower and restored no more).
func (r *Repairer) inferAlts(dst []string, st *sentence, flags []uint8, k int) []string {
	if r.opts.InferAlts <= 0 || !(r.unseenSwapPair(st, flags, k-1, k) || r.unseenSwapPair(st, flags, k, k+1)) {
		return dst
	}
	cands := st.words[k].cands
	for _, c := range cands[1:min(len(cands), 1+r.opts.InferAlts)] {
		if synonymSource(c.Source) && !strings.Contains(c.Word, " ") {
			dst = append(dst, c.Word)
		}
	}
	return dst
}

// unseenSwapPair reports whether words a and b = a+1 of st are both usable,
// one of them with a learned swap, and the model has never seen them
// together. Clean text is mostly pairs the model holds, which no inferred
// term replaces (realPhrase), so trying synonyms there is wasted work.
func (r *Repairer) unseenSwapPair(st *sentence, flags []uint8, a, b int) bool {
	if a < 0 || b >= len(st.words) || flags[a]&usable == 0 || flags[b]&joined == 0 || (flags[a]|flags[b])&swapped == 0 {
		return false
	}
	held, _ := collocation(r.model, []string{st.words[a].cands[0].Word, st.words[b].cands[0].Word})
	return !held
}

// synonymSource reports whether a candidate from src is a thesaurus's
// synonym of the spun word, as a paraphraser draws them: not a spelling
// neighbour ("compiler" for "computer"), a function-word swap or an
// earlier phrase's part.
func synonymSource(src lexicon.Source) bool {
	switch src {
	case lexicon.Thesaurus, lexicon.Morphology, lexicon.Synonym, lexicon.WordNet:
		return true
	}
	return false
}

// localGain is how much likelier (log10) the model finds term than the
// spun words in their place, after the word before the span and up to the
// word after it: a cheap look at the context before a term is offered to
// the decoder, which weighs every option it is given.
func (r *Repairer) localGain(st *sentence, i int, spun []string, term string) float64 {
	score := func(words []string) float64 {
		m := r.model
		s := m.NullState()
		if i > 0 {
			_, s = m.Score(s, m.ID(st.words[i-1].cands[0].Word))
		}
		var sum float64
		for _, w := range words {
			p, next := m.Score(s, m.ID(w))
			sum, s = sum+float64(p), next
		}
		if j := i + len(spun); j < len(st.words) {
			p, _ := m.Score(s, m.ID(st.words[j].cands[0].Word))
			sum += float64(p)
		}
		return sum
	}
	return score(strings.Fields(term)) - score(spun)
}

// lowerOrTitle reports whether word is lowercase or capitalised, looking
// at its bytes where it is ASCII.
func lowerOrTitle(word []byte) bool {
	for i, c := range word {
		switch {
		case c >= utf8.RuneSelf:
			shape := text.ShapeOf(string(word))
			return shape == text.Lower || shape == text.Title
		case i > 0 && 'A' <= c && c <= 'Z':
			return false
		}
	}
	return true
}

// knownTerm is the inferrer's vocabulary, and with InferCollocation set,
// the model's collocations too.
func (r *Repairer) knownTerm(words []string) (term, prefix bool) {
	term, prefix = r.opts.Infer.KnownTerm(words)
	if r.opts.InferCollocation <= 0 || term && prefix {
		return term, prefix
	}
	if len(words) == 1 { // any word the model knows may begin a collocation
		return false, r.model.ID(words[0]) != lm.Unknown
	}
	held, pmi := collocation(r.model, words)
	if held {
		term = term || len(words) >= 2 && pmi >= r.opts.InferCollocation && tortured.ContentPhrase(words)
		prefix = prefix || len(words) < tortured.MaxTermWords
	}
	return term, prefix
}

// realPhrase reports whether spun words as written are a phrase of their
// own: a term of the inferrer's, or words the model holds as bigrams,
// however weakly ("political structure" is no tortured "political
// system"). A tortured form is a pairing nobody writes: the model has not
// seen it ("counterfeit consciousness"). Measured on a by-term split of
// the list, this rule halved the words of clean news that inference
// changed and restored as many held-out sentences.
func (r *Repairer) realPhrase(words []string) bool {
	if t, _ := r.opts.Infer.KnownTerm(words); t {
		return true
	}
	held, _ := collocation(r.model, words)
	return held
}

// collocation reports whether the model holds every adjacent pair of words
// as a bigram (not backed off to the unigram), and the least pointwise
// mutual information of those pairs, log10 P(b | a) minus log10 P(b): a
// sequence is as much a collocation as its weakest link. A word the model
// does not know holds nothing.
func collocation(m lm.Model, words []string) (held bool, pmi float64) {
	null := m.NullState()
	pmi = math.Inf(1)
	var prev lm.State
	for k, w := range words {
		id := m.ID(w)
		if id == lm.Unknown {
			return false, 0
		}
		uni, st := m.Score(null, id)
		if k > 0 {
			bi, _ := m.Score(prev, id)
			if prev.Len == 0 || abs32(bi-(prev.Backoff[0]+uni)) < 1e-5 {
				return false, 0 // the pair backs off: never seen together
			}
			pmi = min(pmi, float64(bi-uni))
		}
		prev = st
	}
	return true, pmi
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
