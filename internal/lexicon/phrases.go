package lexicon

import (
	"sort"
	"strings"
)

// maxPhrase is the longest spun span looked up as a unit; Moby's multi-word
// entries are nearly all of two to four words.
const maxPhrase = 4

// PhraseCandidate is a possible original of the span words[i:i+Len].
type PhraseCandidate struct {
	Candidate     // Word is the original, words separated by single spaces
	Len       int // spun words the original replaces
}

// Phrases returns multi-word possibilities starting at words[i] (surface
// tokens): a single spun word whose original was a multi-word entry (Len 1),
// a spun span that is itself a thesaurus entry, and a two-word span whose
// words are each synonyms of the words of a known multi-word expression
// ("polite quarrel" <- "civil war"). Best first by channel × unigrams, at
// most K. The result is shared: do not modify it.
func (l *Lexicon) Phrases(words []string, i int) []PhraseCandidate {
	n := 0
	for n < maxPhrase && i+n < len(words) && Changeable(words[i+n]) {
		n++
	}
	if n == 0 {
		return nil
	}
	span := make([]string, n)
	for j := range span {
		span[j] = normalize(words[i+j])
	}
	key := "\x00" + strings.Join(span, " ") // cannot collide with a word
	if c, ok := l.cache.Load(key); ok {
		return c.([]PhraseCandidate)
	}
	c := l.phrases(span)
	l.cache.Store(key, c)
	return c
}

func (l *Lexicon) phrases(span []string) []PhraseCandidate {
	best := map[PhraseCandidate]bool{}
	add := func(word string, n int, ch float64) {
		if l.allKnown(word) {
			best[PhraseCandidate{Candidate{Word: word, Channel: ch, Source: Phrase}, n}] = true
		}
	}
	if !l.closed[span[0]] {
		l.th.rootsOf(span[0], func(r root) {
			if strings.Contains(r.word, " ") {
				add(r.word, 1, l.qChannel(r.nSyn))
			}
		})
	}
	for n := 2; n <= len(span); n++ {
		l.th.rootsOf(strings.Join(span[:n], " "), func(r root) { add(r.word, n, l.qChannel(r.nSyn)) })
	}
	if len(span) >= 2 && !l.closed[span[0]] && !l.closed[span[1]] {
		l.composed(span[0], span[1], add)
	}
	return l.rankPhrases(best)
}

// composed finds known two-word expressions "o1 o2" with o1 a thesaurus
// root listing s1 (or s1 itself) and likewise o2 for s2, one at least
// changed: the spinner replaced the words of "civil war" one by one.
func (l *Lexicon) composed(s1, s2 string, add func(string, int, float64)) {
	second := map[string]float64{s2: l.keepChannel(s2, l.cand.find(s2))}
	l.th.rootsOf(s2, func(r root) { second[r.word] = l.qChannel(r.nSyn) })
	try := func(o1 string, ch1 float64) {
		l.th.withPrefix(o1+" ", func(e string) {
			o2 := e[len(o1)+1:]
			if ch2, ok := second[o2]; ok && !strings.Contains(o2, " ") && (o1 != s1 || o2 != s2) {
				add(e, 2, ch1+ch2)
			}
		})
	}
	try(s1, l.keepChannel(s1, l.cand.find(s1)))
	l.th.rootsOf(s1, func(r root) {
		if !strings.Contains(r.word, " ") {
			try(r.word, l.qChannel(r.nSyn))
		}
	})
}

func (l *Lexicon) allKnown(phrase string) bool {
	for _, w := range strings.Split(phrase, " ") {
		if !l.known(w) {
			return false
		}
	}
	return true
}

func (l *Lexicon) rankPhrases(set map[PhraseCandidate]bool) []PhraseCandidate {
	out := make([]PhraseCandidate, 0, len(set))
	score := map[PhraseCandidate]float64{}
	for p := range set {
		s := p.Channel
		for _, w := range strings.Split(p.Word, " ") {
			s += l.unigram(w)
		}
		score[p] = s
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if score[out[i]] != score[out[j]] {
			return score[out[i]] > score[out[j]]
		}
		return out[i].Word < out[j].Word
	})
	if len(out) > l.opts.K {
		out = out[:l.opts.K]
	}
	return out
}

// PhraseOriginals returns the known originals of a spun multi-word phrase
// (lowercase words joined by single spaces), each of as many words: the
// table of swaps made word by word inside a term ("counterfeit
// consciousness" for "artificial intelligence"). The result is shared: do
// not modify it.
func (l *Lexicon) PhraseOriginals(spun string) []string { return l.phrase.originals[spun] }

// PhraseEvidence is where the table's line for a spun phrase says the
// phrase comes from ("PPS" for the tortured-phrase list), "" for a phrase
// it does not hold.
func (l *Lexicon) PhraseEvidence(spun string) string { return l.phrase.evidence[spun] }

// LongestPhrase is the most words of a spun phrase of the table that
// begins with word (lowercase), 0 when none does, so that callers look
// phrases up only where one can be and no longer than one can be.
func (l *Lexicon) LongestPhrase(word string) int { return l.phrase.starts[word] }
