package lm

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/unspin/unspin/internal/text"
)

// Training from plain text. A Trainer maps words to integer ids and counts
// n-grams of the model's highest order keyed by packed ids (knKey); lower
// orders are not counted here because modified Kneser-Ney replaces their counts
// by continuation counts, which Estimate derives from the distinct n-grams of
// the order above. The one exception is n-grams that start at <s>: nothing can
// extend them to the left, so they keep their raw counts, collected
// separately (there are few of them: one per order per sentence).

// DefaultTrainOrder is the order `unspin train` uses unless told otherwise:
// trigrams are what the decoder's cost (K^3 per position) and the Brown-sized
// corpora we train on support.
const DefaultTrainOrder = 3

// trainReportEvery is how many tokens pass between progress lines: about one
// second of work at the speed counting runs.
const trainReportEvery = 1 << 20

// trainInitialNGrams sizes the counting table so that small corpora never
// rehash it and large ones skip the first dozen doublings.
const trainInitialNGrams = 1 << 16

// TrainOptions configure Train and NewTrainer.
type TrainOptions struct {
	// Order is the n-gram order, 1 to MaxOrder; 0 means DefaultTrainOrder.
	Order int
	// RunningText reads paragraphs (lines up to a blank line) and splits
	// them into sentences with text.Sentences; otherwise every line is one
	// sentence, the usual form of training corpora.
	RunningText bool
	// Progress, if not nil, receives a line every million tokens or so and
	// one at the end.
	Progress io.Writer
}

// Trainer counts n-grams from sentences; Estimate turns the counts into a
// modified Kneser-Ney model. Its zero value is not usable: call NewTrainer.
type Trainer struct {
	order  int
	vocab  map[string]WordID
	words  []string
	top    *knTable           // raw counts of n-grams of the highest order
	starts [MaxOrder]*knTable // [k]: raw counts of k-grams starting with <s>, k < order
	ids    []WordID           // scratch: the sentence being counted
	toks   []text.Token       // scratch: the tokens of the line being read
	norm   []byte             // scratch: the normalised word being looked up
	sents  []text.Sentence    // scratch: the sentences of a paragraph
	para   []byte             // the paragraph being gathered (RunningText)

	running bool // TrainOptions.RunningText

	progress   io.Writer
	began      time.Time
	tokens     int64
	sentences  int64
	nextReport int64
}

// NewTrainer returns an empty trainer, or an error if the order is out of range.
func NewTrainer(opts TrainOptions) (*Trainer, error) {
	n := opts.Order
	if n == 0 {
		n = DefaultTrainOrder
	}
	if n < 1 || n > MaxOrder {
		return nil, fmt.Errorf("order %d out of range: must be 1 to %d", opts.Order, MaxOrder)
	}
	t := &Trainer{
		order:      n,
		vocab:      make(map[string]WordID),
		top:        newKNTable(trainInitialNGrams),
		progress:   opts.Progress,
		running:    opts.RunningText,
		began:      time.Now(),
		nextReport: trainReportEvery,
	}
	for _, w := range []string{"<unk>", "<s>", "</s>"} {
		t.vocab[w] = WordID(len(t.words))
		t.words = append(t.words, w)
	}
	for k := 2; k < n; k++ {
		t.starts[k] = newKNTable(0)
	}
	return t, nil
}

// Order is the order of the model being trained.
func (t *Trainer) Order() int { return t.order }

// Tokens is the number of words counted so far, </s> excluded.
func (t *Trainer) Tokens() int64 { return t.tokens }

// Sentences is the number of sentences counted so far.
func (t *Trainer) Sentences() int64 { return t.sentences }

var errTrainVocab = fmt.Errorf("vocabulary exceeds %d words", knMaxVocab)

// AddSentence counts one sentence of normalised words (as text.LMWords
// returns them); <s> and </s> are added around it. An empty sentence is
// counted as "<s> </s>"; AddText never passes one. A word may not be empty,
// contain white space (ARPA separates words with it) or be one of the
// markers <unk>, <s> and </s>.
func (t *Trainer) AddSentence(words []string) error {
	ids := append(t.ids[:0], BOS)
	for _, w := range words {
		if w == "" || strings.ContainsFunc(w, unicode.IsSpace) {
			return fmt.Errorf("word %q: empty or contains white space", w)
		}
		id, err := t.wordID(w)
		if err != nil {
			return err
		}
		if id <= EOS {
			return fmt.Errorf("word %q is reserved for the model's markers", w)
		}
		ids = append(ids, id)
	}
	t.ids = append(ids, EOS)
	t.countSentence()
	return nil
}

// wordID returns the id of w, giving it the next one if it is new.
func (t *Trainer) wordID(w string) (WordID, error) {
	if id, ok := t.vocab[w]; ok {
		return id, nil
	}
	return t.newWord(w)
}

// newWord gives w the next id. w is copied: it may share memory with a
// caller's buffer. A word ARPA cannot hold, one that is empty or contains
// white space (the tokenizer keeps inline code such as `a b` as one token),
// gets Unknown and is not added.
func (t *Trainer) newWord(w string) (WordID, error) {
	if w == "" || strings.ContainsFunc(w, unicode.IsSpace) {
		return Unknown, nil
	}
	if len(t.words) >= knMaxVocab {
		return 0, errTrainVocab
	}
	id := WordID(len(t.words))
	w = strings.Clone(w)
	t.vocab[w] = id
	t.words = append(t.words, w)
	return id, nil
}

// countSentence counts t.ids, a sentence from <s> to </s>.
func (t *Trainer) countSentence() {
	t.countIDs(t.ids)
	t.sentences++
	t.tokens += int64(len(t.ids) - 2)
	if t.progress != nil && t.tokens >= t.nextReport {
		t.report()
		t.nextReport = t.tokens + trainReportEvery
	}
}

// countIDs is the hot loop: one key push and one hash-table increment per token.
// A key is built by sliding the window one word at a time; while the window
// still reaches back to <s> and is shorter than the order, the n-gram is a
// sentence-start n-gram and counted as such.
func (t *Trainer) countIDs(ids []WordID) {
	n := t.order
	var k knKey
	for i, w := range ids {
		k = k.push(w)
		switch {
		case i == 0:
			// <s> alone is never predicted.
		case i+1 >= n:
			t.top.add(k.keep(n), 1)
		default:
			t.starts[i+1].add(k, 1)
		}
	}
}

func (t *Trainer) report() {
	secs := time.Since(t.began).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(t.tokens) / secs
	}
	fmt.Fprintf(t.progress, "train: %.1fM tokens, %d sentences, %d words, %.2fM tokens/s\n",
		float64(t.tokens)/1e6, t.sentences, len(t.words), rate/1e6)
}

// errTrainEmpty is returned when there is nothing to estimate from.
var errTrainEmpty = errors.New("training corpus has no words")
