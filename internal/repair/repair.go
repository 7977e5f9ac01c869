// Package repair decodes spun text back to its likely original and turns the
// decoder's posteriors into edits.
package repair

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// Options tune the decoder and the policy that turns posteriors into edits.
type Options struct {
	// MinConfidence is the posterior an edit needs to be applied; edits
	// below it are suggestions.
	MinConfidence float64
	// SuggestFloor is the posterior below which an edit is not even
	// suggested.
	SuggestFloor float64
	// Candidates is K, the most candidate originals the lexicon offers a
	// word, the word itself included. Measured on the real sample and the
	// synthetic set, 10 to 30 give F0.5 within 0.01 of each other, and the
	// fast match's cost grows with K: 20 keeps the best of both.
	Candidates int
	// Beam is the most language-model states kept after each word. 12
	// decodes as well as 16 on every measured set (the tuning tool's
	// -beam) in about a tenth less time; 8 loses precision.
	Beam int
	// ChannelWeight scales the channel's log probability against the
	// language model's.
	ChannelWeight float64
	// Scale flattens (<1) or sharpens (>1) posteriors. An n-gram model is
	// overconfident: halving its log probabilities makes the posteriors
	// better calibrated, and measured on the real sample and a synthetic
	// set it raised F0.5 at equal precision (see tools/tune).
	Scale float64
	// PriorRate and PriorWeight are the mean and the weight, in words, of
	// the Beta prior on a document's spin rate.
	PriorRate, PriorWeight float64
	// OpenSwapPrior is the prior mean (of the same weight) of the rate of
	// the swap table's open-class pairs ("military" written "infantry"),
	// estimated from all the table's positions (channel.go). Measured on
	// 29 clean sentences using such spun words, 0.05 left 3 of the 3
	// open-class ones changed, 0.02 2, 0.01 1 and 0.005 none; the spun
	// sets, whole, scored the same at each, and line by line lost 0.002 to
	// 0.01 of F0.5 from 0.05 to 0.005.
	OpenSwapPrior float64
	// RateIterations is the number of expectation-maximisation rounds that
	// estimate the spin rate before the final decoding.
	RateIterations int
	// FastMatch is the margin, in natural log, by which a candidate may
	// trail the best one in its local context and still be decoded; 0 decodes
	// every candidate.
	FastMatch float64
	// FastMatchRight is how many spun words after a position the fast
	// match scores a candidate with, besides the two before it. Measured,
	// one decodes as well as two on every set, learns more of a spinner's
	// pairs, and saves a third of the fast match's queries.
	FastMatchRight int
	// Phrases knows spun multi-word phrases and their originals; nil turns
	// phrase matching off.
	Phrases PhraseTable
	// PhraseRate is the spin rate assumed where a whole known phrase
	// matches. It is fixed, not estimated: "counterfeit consciousness" is
	// itself the evidence, even in a paper otherwise clean.
	PhraseRate float64
	// Infer restores tortured forms of terms the phrase table does not
	// list (infer.go); nil turns inference off.
	Infer PhraseInferrer
	// InferCollocation makes the model's collocations known terms too:
	// word sequences it holds as bigrams whose pointwise mutual
	// information (log10) reaches this at every pair; 0 or less knows only
	// the inferrer's terms. Measured on a by-term split of the list (four
	// folds of its training part, 120 held-out sentences): 1.2, 1.5 and 1.7
	// restored 23 sentences and 2 restored 21; 1.7 changed the fewest
	// words of clean news of the three (89 of 88,592, 80 with inference
	// off) and leaves "woodland trail" (a "forest trail" at 1.5).
	InferCollocation float64
	// InferConfidence is the posterior an inferred phrase needs, as a
	// whole, to be offered at all; below it the span keeps its words.
	// Measured on folds of the list's training part and on Brown's learned
	// prose (7,302 clean sentences): with no floor 23 of 120 held-out
	// sentences were restored and 70 clean sentences had a phrase flagged;
	// at 0.9, 22 and 39; at 0.95, 22 and 15.
	InferConfidence float64
	// InferMargin is how much likelier (log10) an inferred term must be
	// than the spun words in their local context (the words either side)
	// to be offered to the decoder at all. Measured on folds of the list's
	// training part, 0 to 3 restored the same 22 held-out sentences in 120
	// and changed the same clean text (4 restored 20, 6 restored 18);
	// at 3 the decoder is offered fewer options it would reject.
	InferMargin float64
	// InferAlts is how many of a word's own lexicon candidates, best
	// first, inference tries as its original besides the swaps learned
	// from the list: the paraphraser drew from a thesaurus, and the
	// list shows only some of its swaps. The restored span must still be
	// a known term and hold one learned swap. Measured on a by-term split
	// of the list (four folds of its training part, 120 held-out
	// sentences): 0 restored 23, 3 restored 24, 8 and 19 restored 25;
	// 8 changed 6 more words of Brown's news (109 of 88,592) and made the
	// repair of spun news about 4% slower.
	InferAlts int
	// InferRate is the fixed spin rate of an inferred term: lower than
	// PhraseRate, as a span that merely could be a tortured term is weaker
	// evidence than a listed one, so the language model must prefer it.
	InferRate float64
	// Base are the rates the lexicon assumed, factored out of its channel:
	// set them from the lexicon's options (the defaults are the lexicon's).
	Base BaseRates
	// Consistency weighs, in natural log, how much the other occurrences
	// of a spun word in the document sway each of its occurrences
	// (consistency.go); 0 turns it off.
	Consistency float64
	// Decision, when set, decides each word from its candidates' features
	// (decide.go) and its probability is an edit's confidence; nil decides
	// from the decoder's posteriors alone.
	Decision *Decision
	// Context is how many of a word's context candidates (the lexicon's
	// ContextCandidates: table originals past K and Moby 2-hop relatives)
	// the fast match may add to its slot, those that read better than the
	// spun word in its local context; 0 adds none, and at most 8 are
	// added. They need the fast match: without it none are offered. Off
	// by default: 3 lets the right original reach the decoder for 2 to 7
	// points more of the spun words (TestLatticeRecall) but costs a third
	// to a half more time, and with the channel alone deciding it changes
	// the F0.5 measured on the real sample and the synthetic sets by under
	// 0.01; it is there for a decision that weighs the candidates better.
	Context int
}

// DefaultOptions are the measured defaults (see the README's quality table).
func DefaultOptions() Options {
	return Options{
		MinConfidence:    0.5,
		SuggestFloor:     0.2,
		Candidates:       20,
		Beam:             12,
		ChannelWeight:    1.25,
		Scale:            0.5,
		PriorRate:        0.05,
		PriorWeight:      20,
		OpenSwapPrior:    0.005,
		RateIterations:   3,
		FastMatch:        3,
		FastMatchRight:   1,
		PhraseRate:       0.9,
		InferRate:        0.3,
		InferCollocation: 1.7,
		InferConfidence:  0.95,
		InferMargin:      3,
		InferAlts:        8,
		Base:             BaseRates{Replace: 0.1, Swap: 0.9, Spell: 0.05},
	}
}

// PhraseTable knows multi-word phrases a spinner made word by word (the
// lexicon does this).
type PhraseTable interface {
	// LongestPhrase is the most words of a spun phrase beginning with
	// word, 0 when none does.
	LongestPhrase(word string) int
	// PhraseOriginals returns the originals of a spun phrase (lowercase
	// words, single spaces), of any number of words.
	PhraseOriginals(spun string) []string
}

// Candidates proposes the possible originals of one word token given as it
// appears in the text, the spun word first (the lexicon does this).
type Candidates interface {
	Candidates(word string) []lexicon.Candidate
}

// ContextCandidates is implemented by a Candidates that can also propose
// originals to be kept only where the context favours them (the lexicon
// does); Options.Context says how many a word may keep.
type ContextCandidates interface {
	ContextCandidates(word string) []lexicon.Candidate
}

// Repairer proposes edits for a text. It is safe for concurrent use.
type Repairer struct {
	model  lm.Model
	lex    Candidates
	opts   Options
	pool   sync.Pool // *decoder
	arenas sync.Pool // *optionArena
	words  wordCache
	powers *unigramPowers // for a decision's features
}

// New returns a Repairer deciding with model and proposing with lex.
func New(model lm.Model, lex Candidates, opts Options) *Repairer {
	r := &Repairer{model: model, lex: lex, opts: opts}
	if opts.Decision != nil {
		r.powers = newUnigramPowers(model.VocabSize())
	}
	r.pool.New = func() any { return newDecoder(model, opts.Beam, opts.Scale) }
	r.arenas.New = func() any { return new(optionArena) }
	return r
}

// Options returns the options the repairer runs with.
func (r *Repairer) Options() Options { return r.opts }

// sentence is one decodable sentence: a slot per word, and for each slot the
// token it came from and the lexicon's candidates.
type sentence struct {
	slots      []slot
	words      []position
	changeable bool // some word has an alternative: worth decoding
	phrases    []phraseSpan
}

type position struct {
	tok   int
	cands []lexicon.Candidate
}

// RepairOnce returns every edit one decoding of src proposes, in order of
// position, with Applied set on those that pass the policy. Repair its
// output again and it may find more: Repair goes on to a fixed point.
func (r *Repairer) RepairOnce(src []byte) []Edit {
	var edits []Edit
	add := func(w Word) {
		if e, ok := r.edit(src, w); ok {
			edits = append(edits, e)
		}
	}
	if r.opts.Decision == nil {
		r.Analyze(src, add)
		return edits
	}
	words, a := r.verdicts(src)
	r.decide(words, a)
	for _, w := range words {
		add(w)
	}
	return edits
}

// estimateRates runs the EM rounds for the document's spin rates. The
// expectation step uses local posteriors, each position scored in its spun
// context by the fast match, rather than a full decoding: the rates are
// document-wide averages, which local evidence estimates well, and the
// rounds then cost no language-model queries at all.
func (r *Repairer) estimateRates(sents []sentence) rates {
	o := r.opts
	var rate rates
	for c := range rate.of {
		rate.of[c] = o.PriorRate
	}
	rate.of[knownPhrases] = o.PhraseRate
	rate.of[inferredPhrases] = o.InferRate
	rate.of[openSwaps] = o.OpenSwapPrior
	var local localPosteriors
	for range o.RateIterations {
		var replaced, replaceable classRates
		f := factorsOf(rate, o.ChannelWeight)
		for _, st := range sents {
			if st.changeable {
				rateCounts(st.slots, local.of(st.slots, f), &replaced, &replaceable)
			} else {
				rateCounts(st.slots, nil, &replaced, &replaceable)
			}
		}
		for _, c := range []rateClass{contentWords, functionWords} {
			rate.of[c] = clampRate(betaRate(replaced[c]+o.PriorRate*o.PriorWeight, replaceable[c]+o.PriorWeight))
		}
		// The open-class pairs go on the evidence of the whole table.
		rate.hits = replaced[openSwaps] + replaced[functionWords] + o.OpenSwapPrior*o.PriorWeight
		rate.trials = replaceable[openSwaps] + replaceable[functionWords] + o.PriorWeight
		rate.of[openSwaps] = clampRate(betaRate(rate.hits, rate.trials))
	}
	for _, c := range []rateClass{contentWords, functionWords, openSwaps} {
		rate.of[c] = onGrid(rate.of[c]) // so that the passes of memo.go can agree on them
	}
	if rate.trials > leaveOutAbove {
		rate.hits, rate.trials = 0, 0 // and nothing is left out
	}
	return rate
}

// leaveOutAbove is the most swap-table positions (prior included) for
// which leaveOut takes one word's share out of the open-swap evidence.
// Past it one word moves the rate by well under the grid the memo rounds
// rates to, and dropping the counts lets the passes over a long text agree
// on their rates.
const leaveOutAbove = 200

func clampRate(x float64) float64 { return min(max(x, 1e-4), 0.99) }

// localPosteriors normalises each slot's local evidence times its channel
// into a distribution over its options. The rows share one buffer, reused
// from call to call: a result of "of" is valid until its next call.
type localPosteriors struct {
	rows [][]float64
	flat []float64
	one  [1]slot // slot's argument to of, kept here so as not to allocate
}

// rateFactors are the channel's rate terms, e^(weight·ln(1 - r)) for a kept
// word and e^(weight·ln r) for an alternative, per rate class.
type rateFactors struct{ keep, alt classRates }

func factorsOf(r rates, weight float64) rateFactors {
	var f rateFactors
	for c := range r.of {
		f.keep[c] = math.Exp(weight * math.Log1p(-r.of[c]))
		f.alt[c] = math.Exp(weight * math.Log(r.of[c]))
	}
	return f
}

// slot returns the local posteriors of one slot's options, valid until the
// next call.
func (lp *localPosteriors) slot(s slot, f rateFactors) []float64 {
	lp.one[0] = s
	return lp.of(lp.one[:], f)[0]
}

func (lp *localPosteriors) of(slots []slot, f rateFactors) [][]float64 {
	n := 0
	for _, s := range slots {
		n += len(s.opts)
	}
	if cap(lp.flat) < n {
		lp.flat = make([]float64, n)
	}
	buf := lp.flat[:n]
	lp.rows = lp.rows[:0]
	for _, s := range slots {
		p := buf[:len(s.opts):len(s.opts)]
		buf = buf[len(s.opts):]
		keep := &s.opts[0]
		p[0] = keep.evidence
		if keep.replaceable {
			p[0] *= f.keep[keep.class]
		}
		z := p[0]
		for j := 1; j < len(s.opts); j++ {
			o := &s.opts[j]
			p[j] = o.evidence * f.alt[o.class]
			z += p[j]
		}
		for j := range p {
			p[j] /= z
		}
		lp.rows = append(lp.rows, p)
	}
	return lp.rows
}

// sentence builds the lattice of sentence s, its fast match scoring right
// words after each position, with its options taken from arena.
func (r *Repairer) sentence(src []byte, toks []text.Token, s text.Sentence, right int, arena *optionArena) sentence {
	var st sentence
	n := 0
	for _, t := range toks[s.Start:s.End] {
		if t.IsWord() || t.Kind == text.Number {
			n++
		}
	}
	st.words = make([]position, 0, n)
	entries := make([]*wordEntry, 0, n)
	for i := s.Start; i < s.End; i++ {
		t := toks[i]
		if !t.IsWord() && t.Kind != text.Number {
			continue
		}
		w := r.word(src, toks, i)
		st.words = append(st.words, position{tok: i, cands: w.cands})
		entries = append(entries, w)
		st.changeable = st.changeable || len(w.opts) > 1
	}
	if r.opts.Phrases != nil {
		st.changeable = r.matchPhrases(src, toks, &st, entries) || st.changeable
	}
	extra := 0 // room each slot with context candidates keeps for them
	if r.opts.FastMatch > 0 {
		extra = min(max(r.opts.Context, 0), maxContext)
	}
	n = 0
	for _, w := range entries {
		n += len(w.opts)
		if len(w.ctx) > 0 && extra > 0 {
			n += extra
			st.changeable = true
		}
	}
	// One copy of the shared options for the whole sentence, each slot's
	// capped to its own part (and the room for its context candidates) so
	// that pruning one cannot spill into the next.
	buf := arena.grow(n)
	st.slots = make([]slot, len(entries))
	for k, w := range entries {
		at := len(buf)
		buf = append(buf, w.opts...)
		room := len(buf)
		if len(w.ctx) > 0 && extra > 0 {
			buf = append(buf, make([]option, extra)...)
			st.slots[k].ctx = w.ctx
		}
		st.slots[k].opts = buf[at:room:len(buf)]
	}
	if st.changeable && r.opts.FastMatch > 0 {
		arena.touched += prefilter(r.model, st.slots, fastMatch{margin: r.opts.FastMatch, weight: r.opts.ChannelWeight, right: right, context: extra})
	}
	setEvidence(st.slots, r.opts.ChannelWeight)
	// The fast match kept a prefix of each slot: close the gaps, moving
	// each prefix down (never past the slots not yet moved), and give the
	// rest back to the arena.
	kept := buf[:0]
	st.changeable = false
	for k, sl := range st.slots {
		at := len(kept)
		kept = append(kept, sl.opts...)
		st.slots[k].opts = kept[at:len(kept):len(kept)]
		st.changeable = st.changeable || len(sl.opts) > 1
	}
	arena.keep(len(kept))
	return st
}

// word returns the candidates and lattice options of word token i, from the
// cache when the same surface form was seen before. Protected tokens and
// numbers keep their form: only the word itself is offered.
func (r *Repairer) word(src []byte, toks []text.Token, i int) *wordEntry {
	t := toks[i]
	protected := t.Protected() || t.Kind != text.Word
	if w, ok := r.words.get(src[t.Start:t.End], protected); ok {
		return w
	}
	surface := string(src[t.Start:t.End])
	var cands []lexicon.Candidate
	if protected {
		cands = []lexicon.Candidate{{Word: text.Norm(surface)}}
	} else {
		cands = r.lex.Candidates(surface)
	}
	w := &wordEntry{cands: cands, opts: r.slot(string(text.AppendLM(nil, src, t)), cands).opts}
	if cl, ok := r.lex.(ContextCandidates); ok && !protected && r.opts.Context > 0 && len(w.opts) > 0 && w.opts[0].parts == nil {
		w.cands, w.ctx = r.contextOptions(cands, cl.ContextCandidates(surface))
	}
	r.words.put(surface, protected, w)
	return w
}

// contextOptions appends a word's context candidates to its candidates and
// makes lattice options of those the model knows, for the fast match to
// choose from. A compound the model lacks gets none (see slot).
func (r *Repairer) contextOptions(cands, extra []lexicon.Candidate) ([]lexicon.Candidate, []contextOption) {
	if len(extra) == 0 {
		return cands, nil
	}
	all := append(cands[:len(cands):len(cands)], extra...)
	var opts []contextOption
	for j, c := range extra {
		if id := r.model.ID(c.Word); id != lm.Unknown && !hasWord(cands, c.Word) { // a learned layer may have it already
			lnq, class, _ := r.opts.Base.rateFree(c)
			opts = append(opts, contextOption{id: id, lnq: float32(lnq), class: class, cand: int32(len(cands) + j)})
		}
	}
	return all, slices.Clip(opts)
}

// slot turns lexicon candidates into lattice options. The spun word itself
// is scored in its language-model form. A word the model does not know but
// whose spelling variant it does ("neighbouring", "neighboring") is scored
// as that variant, and the variant is not offered as a change: the two are
// one word, and a British text must not come out American. A hyphenated
// word the model does not know but whose parts it does ("pay-off",
// "small-town") is scored as those words and keeps only the swap table's
// candidates: a compound scored as several words would always lose to a
// single synonym. Any other unknown word ("ofttimes", "chiliad") gets all
// its candidates, against the model's unknown-word probability: such words
// are mostly a spinner's archaisms, and measured on clean news and the
// clean suite they are almost never changed (see tools/tune).
func (r *Repairer) slot(norm string, cands []lexicon.Candidate) slot {
	s := slot{opts: make([]option, 0, len(cands))}
	keep := r.model.ID(norm)
	for _, c := range cands[1:] {
		if c.Source == lexicon.Spelling && keep == lm.Unknown {
			keep = r.model.ID(c.Word)
		}
	}
	var parts *[]lm.WordID
	if keep == lm.Unknown {
		parts = compoundParts(r.model, norm)
	}
	for j, c := range cands {
		if j == 0 || c.Source == lexicon.Spelling || (parts != nil && c.Source != lexicon.Swap) {
			continue
		}
		id := r.model.ID(c.Word)
		lnq, class, _ := r.opts.Base.rateFree(c)
		if c.OpenClass && keep != lm.Unknown { // a real word's real uses need evidence (channel.go)
			class = openSwaps
		}
		s.opts = append(s.opts, option{id: id, lnq: lnq, class: class, cand: int32(j)})
	}
	_, class, replaceable := r.opts.Base.rateFree(cands[0])
	if cands[0].OpenClass {
		class = openSwaps
	}
	s.opts = append(s.opts, option{})
	copy(s.opts[1:], s.opts)
	s.opts[0] = option{id: keep, class: class, replaceable: replaceable, parts: parts}
	return s
}

func hasWord(cs []lexicon.Candidate, w string) bool {
	for _, c := range cs {
		if c.Word == w {
			return true
		}
	}
	return false
}

// compoundParts returns the words of a hyphenated word when the model knows
// every one of them, else nil.
func compoundParts(m lm.Model, norm string) *[]lm.WordID {
	if !strings.Contains(norm, "-") {
		return nil
	}
	var ids []lm.WordID
	for p := range strings.SplitSeq(norm, "-") {
		id := m.ID(p)
		if p == "" || id == lm.Unknown {
			return nil
		}
		ids = append(ids, id)
	}
	return &ids
}

// edit applies the policy to one word: propose the candidate with the
// highest posterior when it is not the spun word.
func (r *Repairer) edit(src []byte, w Word) (Edit, bool) {
	best := 0
	for j, o := range w.Options {
		if o.Posterior > w.Options[best].Posterior {
			best = j
		}
	}
	b := w.Options[best]
	if !r.proposesBest(best, b.Posterior) {
		return Edit{}, false
	}
	e := Edit{
		Start: w.Start, End: w.End,
		From:       string(src[w.Start:w.End]),
		To:         text.ApplyShape(w.Shape, b.Word),
		Confidence: round(b.Posterior),
		Source:     b.Source.String(),
		Applied:    b.Posterior >= r.opts.MinConfidence,
	}
	for j, o := range w.Options {
		if j != best && o.Posterior >= 0.01 {
			e.Alternatives = append(e.Alternatives, Alternative{Word: text.ApplyShape(w.Shape, o.Word), Confidence: round(o.Posterior)})
		}
	}
	slices.SortStableFunc(e.Alternatives, func(a, b Alternative) int { return cmp.Compare(b.Confidence, a.Confidence) })
	return dropSpace(src, e), true
}

// proposes reports whether edit makes an edit of a word whose options have
// posteriors post.
func (r *Repairer) proposes(post []float64) bool {
	best := 0
	for j, p := range post {
		if p > post[best] {
			best = j
		}
	}
	return r.proposesBest(best, post[best])
}

// proposesBest is the policy's test: the option with the highest
// posterior, best, is not the spun word and reaches the floor.
func (r *Repairer) proposesBest(best int, posterior float64) bool {
	return !(best == 0 || posterior < r.opts.SuggestFloor) // as edit always tested it, a NaN included
}

// dropSpace widens an edit that deletes its word (the spun phrase had
// more words than its original) over the space or line break before it, so
// that no double space is left.
func dropSpace(src []byte, e Edit) Edit {
	if e.To == "" && e.Start > 0 && (src[e.Start-1] == ' ' || src[e.Start-1] == '\n') {
		e.Start--
		e.From = string(src[e.Start:e.End])
	}
	return e
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// Apply returns src with the applied edits made. Edits must be sorted and must
// not overlap; bytes outside them are copied unchanged.
func Apply(src []byte, edits []Edit) []byte {
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		if !e.Applied {
			continue
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.To...)
		last = e.End
	}
	return append(out, src[last:]...)
}
