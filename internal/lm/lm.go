// Package lm is unspin's n-gram language model: the query interface the
// decoder uses, a compact binary format read in place, ARPA import, and
// training from plain text.
package lm

// MaxOrder is the highest n-gram order a model may have.
const MaxOrder = 5

// WordID indexes a model's vocabulary. The first three ids are fixed.
type WordID uint32

const (
	Unknown WordID = 0 // <unk>: every word the model has not seen
	BOS     WordID = 1 // <s>
	EOS     WordID = 2 // </s>
)

// State is the context a query needs: the most recent words (newest first)
// that can still extend to a longer n-gram, with their back-off weights, so
// that scoring the next word costs one probe where the n-gram exists. States
// that compare equal predict the next word identically, so the decoder may
// merge them. A trigram model in format version 3 keeps in Words[2] of a
// length-2 state the location of the trigrams that extend its two words: a
// function of those words, so equality still means the same prediction, but
// a State is only meaningful to the model that made it.
type State struct {
	Words   [MaxOrder - 1]WordID
	Backoff [MaxOrder - 1]float32
	Len     uint8
	// Padding to 48 bytes: a state is passed and returned by value in
	// memory, and at 36 bytes the compiler copies it in overlapping 16-byte
	// moves, which the processor cannot forward from one store to the next
	// load (a query in cache took 53 ns, 33 ns padded). Blank fields take
	// no part in ==.
	_ [15]byte
}

// Model answers log10 probabilities of words given their context.
type Model interface {
	// Order is the model's n-gram order.
	Order() int
	// ID maps a lowercased, normalised word to its id, or Unknown.
	ID(word string) WordID
	// Word is the spelling of id.
	Word(id WordID) string
	// VocabSize is the number of ids, including the three fixed ones.
	VocabSize() int
	// BeginSentence is the state after <s>.
	BeginSentence() State
	// NullState is the empty context (unigram probabilities).
	NullState() State
	// Score is log10 P(w | state) with ARPA back-off, and the state after w.
	// Unknown scores a fixed log10 probability (the model's own <unk>, or
	// one chosen at import) and empties the state, as SRILM resets the
	// context after an out-of-vocabulary word.
	Score(state State, w WordID) (log10p float32, next State)
}
