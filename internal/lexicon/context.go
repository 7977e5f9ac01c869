package lexicon

import (
	"math"
	"sort"
	"strings"
)

// Context candidates.
//
// A spinner with another thesaurus replaces an original by a word Moby does
// not list under it, but the two often share a Moby line: "ally" and "fan"
// are both listed under "supporter". Such 2-hop relatives are far too many
// to rank by the channel and unigram alone (a common word has thousands),
// yet the right one usually reads better in the sentence than the spun word
// does. So Precompute keeps, for each spun form, a bounded list of its
// relatives (ContextDepth), and the repairer scores them in the actual
// context, keeping the few that beat the spun word there. Measured on the
// real sample and two synthetic spinners, with every relative the gold
// original was a candidate half again as often among the misses; ranked
// offline by shared lines and frequency, the first few dozen hold most of
// that gain.
//
// A relative is a word on some line (a root and its synonyms) that holds
// the spun word, or, for an inflected spun form, its lemma, re-inflected to
// the spun form as the morphology does. Only relatives the model rates more
// frequent than the spun word are kept: spinners pick rarer words than the
// ones they replace, and that one filter halves the lists. Relatives the
// table's own list already proposes are left out.

// ContextDepth is the most context relatives Precompute keeps per spun
// form. Scored in context, relatives past the 16th brought the decoder
// almost no more originals on the real sample and two synthetic spinners,
// and each costs three bytes a form in the table and a model query a word.
const ContextDepth = 16

// ContextTail is how many of the table's originals past K (the next best
// by channel and unigram) ContextCandidates offers before the relatives:
// originals ranked out by the unigram are often the ones the context
// wants, and ten of them caught most of what the whole tail does.
const ContextTail = 10

// contextWeight scales the channel of a context relative below a synonym's
// (synonymWeight): no thesaurus line pairs the two words directly.
const contextWeight = 0.03

var logContextWeight = math.Log10(contextWeight)

// relativeCounter counts, for one spun form at a time, the lines each word
// shares with it. One per worker: counts is as long as the thesaurus.
type relativeCounter struct {
	counts  []int32
	touched []int32
}

func newRelativeCounter(t *thesaurus) *relativeCounter {
	return &relativeCounter{counts: make([]int32, t.nWords)}
}

// count adds the lines holding word id w: the roots listing it, with their
// lists, and its own list when it is a root.
func (rc *relativeCounter) count(l *Lexicon, w int) {
	add := func(o int) {
		if rc.counts[o] == 0 {
			rc.touched = append(rc.touched, int32(o))
		}
		rc.counts[o]++
	}
	l.th.rootIDsOf(w, func(r int) {
		add(l.th.rootWordID(r))
		for _, o := range l.fwd.lists[r] {
			add(int(o))
		}
	})
	if r := l.th.rootIndex(l.th.word(w)); r >= 0 {
		for _, o := range l.fwd.lists[r] {
			add(int(o))
		}
	}
}

func (rc *relativeCounter) reset() {
	for _, o := range rc.touched {
		rc.counts[o] = 0
	}
	rc.touched = rc.touched[:0]
}

// contextRelatives returns up to ContextDepth relatives of spun form w,
// best first by log10(shared lines) + unigram/4, leaving out those of list
// (its table originals). A relative's n is its symmetric synonym count,
// for the channel.
func (l *Lexicon) contextRelatives(rc *relativeCounter, w string, list []scored) []scored {
	if l.closed[w] {
		return nil
	}
	uw := l.unigram(w)
	if math.IsNaN(uw) {
		uw = math.Inf(-1)
	}
	skip := map[string]bool{w: true}
	for _, c := range list {
		skip[c.Word] = true
	}
	best := map[string]scored{}
	m := l.morph()
	consider := func(lemma string, form Form) {
		id := l.th.find(lemma)
		if id < 0 || (isVerbForm(form) && !m.isVerb(lemma)) {
			return
		}
		rc.count(l, id)
		defer rc.reset()
		for _, o := range rc.touched {
			x := l.th.word(int(o))
			if int(o) == id || strings.Contains(x, " ") || (isVerbForm(form) && !m.isVerb(x)) {
				continue
			}
			for _, v := range m.inflect(x, form) {
				if skip[v] || l.closed[v] || !Changeable(v) {
					continue
				}
				u := l.unigram(v)
				if math.IsInf(u, -1) || math.IsNaN(u) || u <= uw {
					continue
				}
				s := math.Log10(float64(rc.counts[o])) + u/4
				if c, ok := best[v]; !ok || c.score < s {
					best[v] = scored{Candidate{Word: v, Source: Context}, l.fwd.size[o], s}
				}
			}
		}
	}
	consider(w, Base)
	for _, a := range m.analyse(w, l.inThesaurus) {
		// A thesaurus word read as a comparative is nearly always a noun
		// in -er ("pointer" is not "more pointy"): its relatives made
		// comparatives would be nonsense ("leader", "summer").
		grade := a.form == Comparative || a.form == Superlative
		if a.lemma != w && !(grade && l.inThesaurus(w)) {
			consider(a.lemma, a.form)
		}
	}
	out := make([]scored, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].Word < out[j].Word
	})
	return out[:min(len(out), ContextDepth)]
}

// isVerbForm says whether f inflects verbs only. Relatives are put in such
// a form only when both the spun lemma and the relative are verbs of the
// paradigms: the rules read "stairs" as a verb too, and made "goes" and
// "says" its relatives.
func isVerbForm(f Form) bool { return f == ThirdSg || f == Ing || f == Past || f == Participle }

// ContextCandidates returns what the repairer may add to a word's
// Candidates when the context calls for it: the table originals that K
// left out, then its context relatives, each with its channel, best first
// within each part. Nil for a word that is not Changeable or has no table
// list. The slice is shared: do not modify it.
func (l *Lexicon) ContextCandidates(word string) []Candidate {
	if !Changeable(word) {
		return nil
	}
	w := normalize(word)
	if c, ok := l.ctxCache.Load(w); ok {
		return c.([]Candidate)
	}
	c := l.contextLookup(w)
	l.ctxCache.Store(w, c)
	return c
}

func (l *Lexicon) contextLookup(w string) []Candidate {
	id := l.cand.find(w)
	if id < 0 || l.closed[w] || !l.cand.flag(id, flagKey) {
		return nil
	}
	direct := l.Candidates(w)
	num, isNumber := numberWords[w]
	var out []Candidate
	add := func(c Candidate) {
		if !isNumber || !otherNumber(num, c.Word) { // as Candidates does
			out = append(out, c)
		}
	}
	a, b := l.cand.list(id)
	// The list is best first as Candidates ranks it: what lies past the
	// ones it returned is the tail.
	b = min(b, a+len(direct)-1+ContextTail)
	for e := a; e < b; e++ {
		wi, src, logN := l.cand.entry(e)
		if o := l.cand.str(wi); l.knownAt(wi) && !hasWord(direct, o) {
			add(Candidate{Word: o, Channel: l.channelOf(src, logN), Source: src})
		}
	}
	a, b = l.cand.contextList(id)
	for e := a; e < b; e++ {
		wi, logN := l.cand.contextEntry(e)
		if l.knownAt(wi) {
			add(Candidate{Word: l.cand.str(wi), Channel: l.channelOf(Context, logN), Source: Context})
		}
	}
	return out
}
