package repair

import (
	"math"
	"slices"
	"strings"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
	"github.com/unspin/unspin/internal/tortured"
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

// matchPhrases adds the originals of known phrases to the words of st that
// spell them, then inferred terms where no listed phrase matched, and
// reports whether it added any. entries are the words' shared cache
// entries, replaced by private copies where candidates are added.
func (r *Repairer) matchPhrases(src []byte, toks []text.Token, st *sentence, entries []*wordEntry) bool {
	added := false
	covered := 0      // words before this are part of a matched phrase
	var listed []bool // the words a listed phrase covers; nil when none does
	var buf []byte
	var ends []int // reused from span to span: most spans match nothing
	for i := range st.words {
		longest := 0
		if i >= covered {
			longest = r.opts.Phrases.LongestPhrase(st.words[i].cands[0].Word)
		}
		if longest == 0 {
			continue
		}
		// One string holds the longest span; the shorter are its prefixes.
		buf, ends = r.phraseAt(buf[:0], ends[:0], src, toks, st.words[i:min(i+longest, len(st.words))])
		spun := string(buf)
		// The longest listed phrase wins: a shorter one inside it would
		// offer its words a second, conflicting reading.
		for n := len(ends); n >= 1; n-- {
			origs, key := tortured.Lookup(spun[:ends[n-1]], r.opts.Phrases.PhraseOriginals)
			for _, orig := range origs {
				r.addPhrase(st, entries, phraseSpan{start: i, orig: orig, class: knownPhrases, key: key}, n)
			}
			if len(origs) > 0 {
				added, covered = true, i+n
				if listed == nil {
					listed = make([]bool, len(st.words))
				}
				for k := i; k < i+n; k++ {
					listed[k] = true
				}
				break
			}
		}
	}
	if r.opts.Infer != nil {
		added = r.inferPhrases(src, toks, st, entries, listed) || added
	}
	return added
}

// phraseAt appends to buf the lowercase text of the longest prefix of
// words that are adjacent plain words separated by one space or line break, each
// lowercase or capitalised ("Irregular Woodlands" in a title), and to ends
// where each word of it ends in buf.
func (r *Repairer) phraseAt(buf []byte, ends []int, src []byte, toks []text.Token, words []position) ([]byte, []int) {
	for k, p := range words {
		t := toks[p.tok]
		if t.Kind != text.Word || t.Protected() || (k > 0 && !oneSeparator(src, toks, p.tok-1, words[k-1].tok)) {
			break
		}
		if shape := text.ShapeOf(string(src[t.Start:t.End])); shape != text.Lower && shape != text.Title {
			break
		}
		if k > 0 {
			buf = append(buf, ' ')
		}
		buf = text.AppendNorm(buf, src[t.Start:t.End])
		ends = append(ends, len(buf))
	}
	return buf, ends
}

// addPhrase gives each of the n spun words from span.start its part of
// span.orig as a candidate, unless it is the word itself. When orig has more words than
// the span, the last spun word stands for the rest, scored as those words
// in sequence; when fewer, the spun words past its end stand for nothing
// and score nothing, and Repair drops them with the space before them. A
// word the lexicon already offered becomes the phrase's candidate, so that
// its probability is not split between two options.
func (r *Repairer) addPhrase(st *sentence, entries []*wordEntry, span phraseSpan, n int) {
	i, class, orig := span.start, span.class, strings.Fields(span.orig)
	rate := r.opts.PhraseRate
	if class == inferredPhrases {
		rate = r.opts.InferRate
	}
	channel := math.Log10(rate)
	span.words = make([]string, n)
	for k := range span.words {
		span.words[k] = unchanged
	}
	defer func() {
		if span.changed {
			st.phrases = append(st.phrases, span)
		}
	}()
	for k := range n {
		var word string
		var parts *[]lm.WordID
		switch {
		case k < n-1 && k < len(orig):
			word = orig[k]
		case k == n-1 && k < len(orig):
			word = strings.Join(orig[k:], " ")
			if len(orig) > n {
				ids := make([]lm.WordID, 0, len(orig)-k)
				for _, w := range orig[k:] {
					ids = append(ids, r.model.ID(w))
				}
				parts = &ids
			}
		default:
			parts = &[]lm.WordID{}
		}
		p := &st.words[i+k]
		if word == p.cands[0].Word {
			continue
		}
		span.words[k] = word
		span.changed = true
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
		opts[j].class, opts[j].lnq, opts[j].phrase, opts[j].parts = class, 0, true, parts
		// Inside a matched phrase the written word is itself suspect: it
		// stays with the probability the phrase rate leaves. A listed
		// phrase's rate rules over an inferred one's.
		if opts[0].class != knownPhrases {
			opts[0].class, opts[0].replaceable = class, true
		}
		p.cands = cands
		entries[i+k] = &wordEntry{cands: cands, opts: opts, ctx: e.ctx}
	}
}

// phraseSpan is one phrase offered to words from start: the candidate
// each word got ("" for a word dropped), unchanged where it kept its own.
type phraseSpan struct {
	start   int
	words   []string
	changed bool
	orig    string    // the whole original, lowercase
	class   rateClass // knownPhrases or inferredPhrases
	key     string    // the listed spun form that matched; "" when inferred
}

// unchanged marks a word of a phrase span that keeps its own form: no
// word is spelt so.
const unchanged = "\x00"

// joinPhrases makes each phrase one decision. The decoder weighs each word
// apart, and a phrase whose number of words changed could come out half
// made ("mild side" for "mild reactions"): so every word of a phrase gets
// the phrase's mean posterior for its part, the word's other options
// sharing the rest as they did, and the phrase is then taken, or left,
// whole.
//
// An inferred phrase whose mean falls short of inferFloor is dropped
// (its parts get nothing): a span that merely could be a term needs the
// model's firm preference (see Options.InferConfidence). A part that a
// phrase kept shares with a dropped one stays: "liver disappointment" may
// be "liver failure" or "heart failure", and the doubtful second must not
// take "failure" from the first. All means are taken before any is set.
func joinPhrases(st sentence, post [][]float64, inferFloor float64) {
	if len(st.phrases) == 0 {
		return
	}
	type part struct{ word, opt int }
	ats := make([][]int, len(st.phrases))
	means := make([]float64, len(st.phrases))
	kept := map[part]bool{}
	for q, sp := range st.phrases {
		at, mean, n := st.phraseParts(sp, post)
		if sp.class == inferredPhrases && mean < inferFloor {
			mean = -1 // dropped
		} else {
			for k, j := range at {
				kept[part{sp.start + k, j}] = true
			}
			if n < 2 {
				at = nil // one part: the decoder's posterior stands
			}
		}
		ats[q], means[q] = at, mean
	}
	for q, sp := range st.phrases {
		mean := max(means[q], 0)
		for k, j := range ats[q] {
			if j < 0 || means[q] < 0 && kept[part{sp.start + k, j}] {
				continue
			}
			p := post[sp.start+k]
			rest := 1 - p[j]
			for o := range p {
				switch {
				case o == j:
					p[o] = mean
				case rest > 0:
					p[o] *= (1 - mean) / rest
				}
			}
		}
	}
}

// phraseParts returns the option index of each word's part of sp (-1
// where the word keeps its form), the parts' mean posterior and how many
// parts there are.
func (st sentence) phraseParts(sp phraseSpan, post [][]float64) (at []int, mean float64, n int) {
	var sum float64
	for k, w := range sp.words {
		j := -1
		if w != unchanged {
			j = st.partOption(sp.start+k, w)
		}
		at = append(at, j)
		if j >= 0 {
			sum += post[sp.start+k][j]
			n++
		}
	}
	if n > 0 {
		mean = sum / float64(n)
	}
	return at, mean, n
}

// partOption is the index of word i's phrase option for word w, or -1.
func (st sentence) partOption(i int, w string) int {
	for j, o := range st.slots[i].opts {
		if o.phrase && st.words[i].cands[o.cand].Word == w {
			return j
		}
	}
	return -1
}

// oneSeparator reports whether token sep, between word tokens prev and
// sep+1, is one plain space or one line break: text from a PDF
// (pdftotext) breaks its lines inside phrases.
func oneSeparator(src []byte, toks []text.Token, sep, prev int) bool {
	t := toks[sep]
	return sep == prev+1 && (t.Kind == text.Space && t.End-t.Start == 1 && src[t.Start] == ' ' || t.Kind == text.Newline)
}
