package repair

import (
	"math"
	"slices"
	"strings"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/text"
)

// Known phrases.
//
// Paper mills and spinners swap the words of a technical term one by one:
// "artificial intelligence" becomes "counterfeit consciousness", "random
// forest" becomes "irregular woodland". No single word says so ("irregular"
// is fine English), and the fast match, judging each word among spun
// neighbours, would find the original absurd. So whole spun phrases are
// looked up in the lexicon's phrase table, and each word of a match gets
// the matching word of the original as a candidate, decoded together by the
// language model, at a fixed high rate: the phrase itself is the evidence.

// maxPhraseWords is the longest phrase looked up; terms are short.
const maxPhraseWords = 4

// matchPhrases adds the originals of known phrases to the words of st that
// spell them, and reports whether it added any. entries are the words'
// shared cache entries, replaced by private copies where candidates are added.
func (r *Repairer) matchPhrases(src []byte, toks []text.Token, st *sentence, entries []*wordEntry) bool {
	added := false
	for i := range st.words {
		if !r.opts.Phrases.StartsPhrase(st.words[i].cands[0].Word) {
			continue
		}
		for n := min(maxPhraseWords, len(st.words)-i); n >= 2; n-- {
			spun, ok := r.phraseAt(src, toks, st.words[i:i+n])
			if !ok {
				continue
			}
			for _, orig := range r.opts.Phrases.PhraseOriginals(spun) {
				r.addPhrase(st, entries, i, strings.Fields(orig))
				added = true
			}
		}
	}
	return added
}

// phraseAt returns the lowercase text of words when they are adjacent
// plain words separated by single spaces, lowercase but for a capital
// starting the first.
func (r *Repairer) phraseAt(src []byte, toks []text.Token, words []position) (string, bool) {
	var b strings.Builder
	for k, p := range words {
		t := toks[p.tok]
		if t.Kind != text.Word || t.Protected() || (k > 0 && !singleSpace(src, toks, p.tok-1, words[k-1].tok)) {
			return "", false
		}
		w := string(src[t.Start:t.End])
		if shape := text.ShapeOf(w); shape != text.Lower && (k > 0 || shape != text.Title) {
			return "", false
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text.Norm(w))
	}
	return b.String(), true
}

// addPhrase gives each of the words from i the matching original word as a
// candidate, unless it is the word itself. A word the lexicon already
// offered becomes the phrase's candidate, so that its probability is not
// split between two options.
func (r *Repairer) addPhrase(st *sentence, entries []*wordEntry, i int, orig []string) {
	channel := math.Log10(r.opts.PhraseRate)
	for k, word := range orig {
		p := &st.words[i+k]
		if word == p.cands[0].Word {
			continue
		}
		e := entries[i+k]
		cands := append([]lexicon.Candidate(nil), p.cands...)
		opts := append([]option(nil), e.opts...)
		phrase := lexicon.Candidate{Word: word, Channel: channel, Source: lexicon.Phrase}
		j := slices.IndexFunc(opts, func(o option) bool { return cands[o.cand].Word == word })
		if j > 0 {
			cands[opts[j].cand] = phrase
		} else {
			cands = append(cands, phrase)
			opts = append(opts, option{id: r.model.ID(word), cand: int32(len(cands) - 1)})
			j = len(opts) - 1
		}
		opts[j].class, opts[j].lnq, opts[j].phrase = knownPhrases, 0, true
		// Inside a matched phrase the written word is itself suspect: it
		// stays with the probability the phrase rate leaves.
		opts[0].class, opts[0].replaceable = knownPhrases, true
		p.cands = cands
		entries[i+k] = &wordEntry{cands: cands, opts: opts}
	}
}

// singleSpace reports whether token sep, between word tokens prev and
// sep+1, is one plain space.
func singleSpace(src []byte, toks []text.Token, sep, prev int) bool {
	t := toks[sep]
	return sep == prev+1 && t.Kind == text.Space && t.End-t.Start == 1 && src[t.Start] == ' '
}
