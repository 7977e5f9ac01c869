// Package lexicon proposes, for each word of a spun text, the words the
// spinner may have replaced, each with a channel probability P(spun | original)
// and the source that suggested it.
//
// Ranking a word's originals means walking the thesaurus both ways, reading
// the word as an inflection and re-inflecting the roots of its lemma, trying
// other spellings, and weighing every original by the language model's
// unigram: 40-110 µs a word. So tools/mklexicon does it once for every spun
// form (Precompute, generate.go) and ships the ranked lists as
// candidates.bin (table.go), which Candidates reads in place: a binary
// search, the swap table merged in, the caller's model asked only about
// originals it may not know, and K applied. Words outside the table (forms
// the model does not know, other spellings, typos) take a cheap fallback
// (candidates.go, fallbackmorph.go). The table also keeps each form's Moby
// 2-hop relatives, which ContextCandidates offers for the repairer to
// weigh in context (context.go).
package lexicon

// Source says where a candidate came from, so a fix can explain itself.
type Source uint8

const (
	Keep       Source = iota // the spun word itself: no change
	Thesaurus                // inverted Moby thesaurus
	Morphology               // thesaurus hit through lemma and re-inflection
	Swap                     // the table of known spinner swaps
	Spelling                 // edit-distance neighbour or spelling variant
	Phrase                   // multi-word spun span from a multi-word original
	Learned                  // a table learned from a spinner's output
	Synonym                  // Moby read forward: the spun word's own list, or its lemma's re-inflected
	Context                  // a Moby 2-hop relative the language model finds fitting in context (context.go)
	WordNet                  // a word sharing a WordNet synset with the spun word (or its lemma, re-inflected)
)

// Candidate is one possible original of a spun word (or span).
type Candidate struct {
	Word    string  // lowercased original; may contain spaces for phrases
	Channel float64 // log10 P(spun | original)
	Source  Source
	// Swappable, on the kept word, says the swap table would replace it
	// (a function word such as "the"), so that it stays with probability
	// 1 - SwapRate rather than 1 - ReplaceRate.
	Swappable bool
	// OpenClass, on a swap-table candidate or a Swappable kept word, says
	// the swap's original is an open-class word ("military" for
	// "infantry"), not a function word.
	OpenClass bool
}

func (s Source) String() string {
	switch s {
	case Keep:
		return "keep"
	case Thesaurus:
		return "thesaurus"
	case Morphology:
		return "morphology"
	case Swap:
		return "swap"
	case Spelling:
		return "spelling"
	case Phrase:
		return "phrase"
	case Learned:
		return "learned"
	case Synonym:
		return "synonym"
	case Context:
		return "context"
	case WordNet:
		return "wordnet"
	}
	return "unknown"
}
