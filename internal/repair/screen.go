package repair

import (
	"cmp"
	"slices"
	"strings"
)

// Screening for tortured phrases.
//
// A research-integrity screener wants the other view of the same decoding:
// not the repaired text, but each tortured phrase of the document as
// written, the term it likely stood for, and how sure the decoder is. The
// phrases are those repair would consider (phrases.go): listed ones, found
// whole, and, with inference on, spans put back into known terms through
// the learned word swaps.

// Phrase is one tortured phrase found in a text.
type Phrase struct {
	Start, End int    // byte offsets of the phrase as written
	Spun       string // the phrase as written
	// Matched is the phrase as read: a word hyphenated at a line end
	// ("counter-\nfeit") joined. It is Spun when nothing was joined.
	Matched  string
	Original string // its likely original, lowercase
	// Source says where the phrase is known from: a listed phrase's
	// evidence up to its first colon ("PPS" for the tortured-phrase list,
	// "spinner"), or Inferred.
	Source string
	// Confidence is the decoder's posterior of the original for the
	// phrase as a whole (the mean of its words', as repair decides it).
	Confidence   float64
	Alternatives []Alternative // other originals of the same span
}

// Inferred is the Source of a phrase no list holds.
const Inferred = "inferred"

// PhraseEvidence is implemented by a PhraseTable that says where each
// spun phrase comes from (the lexicon does).
type PhraseEvidence interface {
	PhraseEvidence(spun string) string
}

// Phrases decodes src once and returns its tortured phrases in order of
// position, none overlapping: where spans overlap (two inferred terms
// sharing a word), the more confident is kept. A listed phrase is evidence
// in itself and is returned unless its confidence is below SuggestFloor
// (its context all but rules it out, as for a listed single word such as
// "jumble" in its plain sense); an inferred one must reach MinConfidence.
func (r *Repairer) Phrases(src []byte) []Phrase {
	if r.opts.Phrases == nil {
		return nil
	}
	j := r.dehyphenate(src)
	if j == nil {
		return r.phrases(src)
	}
	found := r.phrases(j.Text)
	for i, p := range found {
		p.Start, p.End = j.Orig(p.Start), j.Orig(p.End)
		p.Spun = string(src[p.Start:p.End])
		found[i] = p
	}
	return found
}

// phrases is Phrases on a text whose hyphenations are as they will be read.
func (r *Repairer) phrases(src []byte) []Phrase {
	arena := r.arenas.Get().(*optionArena)
	defer r.putArena(arena)
	toks, sents, rate, _ := r.read(src, r.opts.FastMatchRight, arena)
	d := r.pool.Get().(*decoder)
	defer r.pool.Put(d)
	var found []Phrase
	for _, st := range sents {
		if len(st.phrases) == 0 {
			continue
		}
		setRates(st.slots, rate, r.opts.ChannelWeight)
		post := d.posteriors(st.slots)
		joinPhrases(st, post, r.opts.InferConfidence)
		var here []Phrase
		for _, sp := range st.phrases {
			_, conf, n := st.phraseParts(sp, post)
			floor := r.opts.SuggestFloor
			if sp.class == inferredPhrases {
				floor = r.opts.MinConfidence
			}
			if n == 0 || conf < floor {
				continue
			}
			first, last := toks[st.words[sp.start].tok], toks[st.words[sp.start+len(sp.words)-1].tok]
			here = append(here, Phrase{
				Start: first.Start, End: last.End, Spun: string(src[first.Start:last.End]), Matched: string(src[first.Start:last.End]),
				Original: sp.orig, Source: r.phraseSource(sp), Confidence: round(conf),
			})
		}
		found = append(found, disjoint(here)...)
	}
	return found
}

// phraseSource names where sp is known from.
func (r *Repairer) phraseSource(sp phraseSpan) string {
	if sp.class == inferredPhrases {
		return Inferred
	}
	if pe, ok := r.opts.Phrases.(PhraseEvidence); ok {
		if ev, _, _ := strings.Cut(pe.PhraseEvidence(sp.key), ":"); ev != "" {
			return ev
		}
	}
	return "list"
}

// disjoint keeps, of phrases on the same span, the most confident with the
// others as its alternatives, and of overlapping spans the most confident,
// returned in order of position.
func disjoint(ps []Phrase) []Phrase {
	slices.SortStableFunc(ps, func(a, b Phrase) int { return cmp.Compare(b.Confidence, a.Confidence) })
	var kept []Phrase
	for _, p := range ps {
		i := slices.IndexFunc(kept, func(k Phrase) bool { return p.Start < k.End && k.Start < p.End })
		switch {
		case i < 0:
			kept = append(kept, p)
		case kept[i].Start == p.Start && kept[i].End == p.End && kept[i].Original != p.Original:
			kept[i].Alternatives = append(kept[i].Alternatives, Alternative{Word: p.Original, Confidence: p.Confidence})
		}
	}
	slices.SortFunc(kept, func(a, b Phrase) int { return cmp.Compare(a.Start, b.Start) })
	return kept
}
