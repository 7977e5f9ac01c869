package lexicon

import (
	"math"
	"strings"
)

// Candidates returns the possible originals of one word token, given as it
// appears in the text: first the word itself (lowercased, Source Keep), then
// the alternatives best first by channel × unigram probability, at most K in
// all. A token that is not Changeable gets the keep candidate only. The
// returned slice is shared: do not modify it.
func (l *Lexicon) Candidates(word string) []Candidate {
	if !Changeable(word) {
		return []Candidate{{Word: normalize(word), Source: Keep}}
	}
	w := normalize(word)
	if c, ok := l.cache.Load(w); ok {
		return c.([]Candidate)
	}
	c := l.lookup(w)
	l.cache.Store(w, c)
	return c
}

// ranked is an alternative with its ranking score, channel + log10 unigram,
// and its index in the table (-1 if none) for the model's verdict.
type ranked struct {
	Candidate
	score float64
	idx   int
}

// lookup gathers w's swaps and its precomputed originals (or, for a word
// the table does not hold, the cheap fallback), ranks them under the
// options' channel and keeps the K-1 best the model knows.
func (l *Lexicon) lookup(w string) []Candidate {
	alts := make([]ranked, 0, TableDepth+4)
	for _, o := range l.swaps.bySpun[w] {
		ch := math.Log10(l.opts.SwapRate / float64(l.swaps.fanout[o]))
		alts = append(alts, ranked{Candidate{Word: o, Channel: ch, Source: Swap, OpenClass: !l.closed[o]}, ch + l.rankUnigram(o), -1})
	}
	// One table list holds each original once; only a mix can repeat one.
	mixed := len(alts) > 0
	id := l.cand.find(w)
	if !l.closed[w] {
		if id >= 0 && l.cand.flag(id, flagKey) {
			alts = l.fromTable(alts, id)
		} else {
			alts, mixed = l.fallback(alts, w), true
		}
	}
	sortRanked(alts)
	out := make([]Candidate, 1, min(len(alts)+1, l.opts.K))
	swappable := l.swaps.original[w]
	out[0] = Candidate{Word: w, Channel: l.keepChannel(w, id), Source: Keep, Swappable: swappable, OpenClass: swappable && !l.closed[w]}
	num, isNumber := numberWords[w]
	for _, a := range alts {
		if len(out) >= l.opts.K {
			break
		}
		if (mixed && hasWord(out, a.Word)) || (isNumber && otherNumber(num, a.Word)) {
			continue
		}
		if (a.idx >= 0 && l.knownAt(a.idx)) || (a.idx < 0 && l.known(a.Word)) {
			out = append(out, a.Candidate)
		}
	}
	return out
}

// fromTable appends the precomputed originals of string id, their channel
// recomputed under the options. When nothing will be filtered out and the
// options rank as the table does, the first K-1 are all that can be kept.

func (l *Lexicon) fromTable(alts []ranked, id int) []ranked {
	a, b := l.cand.list(id)
	if l.tableOrder && l.knownIdx == nil {
		b = min(b, a+l.opts.K-1)
	}
	for e := a; e < b; e++ {
		wi, src, logN := l.cand.entry(e)
		ch := l.channelOf(src, logN)
		u, _ := l.cand.unigram(wi)
		alts = append(alts, ranked{Candidate{Word: l.cand.str(wi), Channel: ch, Source: src}, ch + u, wi})
	}
	return alts
}

// channelOf is the channel of a table entry under the options, from its
// source and log10 n (list size or edit distance).
func (l *Lexicon) channelOf(src Source, logN float64) float64 {
	switch src {
	case Spelling:
		return l.logSpell - logN
	case Synonym:
		return l.logReplace + logSynonymWeight - l.opts.Alpha*logN
	case Context:
		return l.logReplace + logContextWeight - l.opts.Alpha*logN
	case WordNet:
		return l.logReplace + l.logWordNet - l.opts.Alpha*logN
	}
	return l.logReplace - l.opts.Alpha*logN
}

// rankUnigram is the ranking model's log10 P(w), from the table when it
// holds w, else the options' model.
func (l *Lexicon) rankUnigram(w string) float64 {
	if i := l.cand.find(w); i >= 0 {
		if u, ok := l.cand.unigram(i); ok {
			return u
		}
	}
	return l.unigram(w)
}

// sortRanked sorts best first, stably: the table's lists arrive sorted
// under the default options, so insertion sort is linear for them.
func sortRanked(a []ranked) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].score > a[j-1].score; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func hasWord(cs []Candidate, w string) bool {
	for _, c := range cs {
		if c.Word == w {
			return true
		}
	}
	return false
}

// keepChannel is log10 P(s | o = s) = log10(1 - r(s)); id is s's index in
// the table or -1.
func (l *Lexicon) keepChannel(w string, id int) float64 {
	switch {
	case l.swaps.original[w]:
		return math.Log10(1 - l.opts.SwapRate)
	case !l.closed[w] && id >= 0 && l.cand.rootSize(id) > 0:
		return math.Log10(1 - l.opts.ReplaceRate)
	}
	return 0
}

// phraseOriginals appends the thesaurus and WordNet originals of phrase,
// the hyphen-joined word w read as the multi-word entry it spells: a
// spinner that puts "urban center" for "city" and joins it to keep one
// word a word ("team-work" in the real sample) leaves a word no list has.
// Such words are rare, so their originals are generated here rather than
// stored; a part of w stays no original of it (isPart).
func (l *Lexicon) phraseOriginals(alts []ranked, w, phrase string) []ranked {
	if !l.inThesaurus(phrase) {
		return alts
	}
	p := &pool{l: l, spun: phrase, spunUni: math.Inf(-1), best: map[string]scored{}}
	l.th.rootsOf(phrase, func(r root) {
		if !strings.Contains(r.word, " ") {
			p.add(r.word, r.nSyn, l.qChannel(r.nSyn), math.NaN(), Thesaurus)
		}
	})
	l.wordnetCandidates(p, phrase)
	for _, c := range p.best {
		if !isPart(c.Word, w) {
			alts = append(alts, ranked{c.Candidate, c.score, -1})
		}
	}
	return alts
}

// fallback proposes originals for a word the table does not hold, which
// is no thesaurus word nor an inflection of one the model knows: the
// re-inflected roots of its regular lemma, the table's originals of its
// other spellings (British, hyphen-joined), and for a word the model does
// not know, its known neighbours at edit distance one.
func (l *Lexicon) fallback(alts []ranked, w string) []ranked {
	alts = l.inflectedOriginals(alts, w)
	for _, v := range variants(w) {
		if strings.Contains(v, " ") {
			alts = l.phraseOriginals(alts, w, v)
			continue
		}
		vid := l.cand.find(v)
		if vid >= 0 || (l.opts.Unigram != nil && l.known(v)) {
			d := spellDistance(w, v)
			alts = append(alts, ranked{Candidate{Word: v, Channel: l.spellChannel(d), Source: Spelling}, l.spellChannel(d) + l.rankUnigram(v), -1})
		}
		if vid >= 0 && l.cand.flag(vid, flagKey) {
			alts = l.fromTable(alts, vid)
		}
	}
	if l.opts.Unigram == nil || l.known(w) || strings.Contains(w, "-") {
		return alts
	}
	forEachEdit1(w, func(b []byte) {
		if l.knownBytes(b) && !l.closed[string(b)] {
			v := string(b)
			alts = append(alts, ranked{Candidate{Word: v, Channel: l.spellChannel(1), Source: Spelling}, l.spellChannel(1) + l.unigram(v), -1})
		}
	})
	return alts
}
