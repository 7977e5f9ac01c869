package eval

import (
	"sort"
	"strings"
	"unicode"
)

// Labeler answers, for a word of a spun text found by its byte offset,
// whether a candidate original is right according to the aligned gold. It
// is how a decision is trained on synthetic sets: each candidate the
// repairer proposes becomes a labelled example.
type Labeler struct {
	starts []int // byte offset of each whitespace-separated spun token
	spun   []string
	gold   []goldToken
}

// NewLabeler aligns spun and gold as Score does.
func NewLabeler(spun, gold []byte) (*Labeler, error) {
	s, g := splitText(spun), splitText(gold)
	if err := align("spun", s, "gold", g); err != nil {
		return nil, err
	}
	l := &Labeler{}
	for _, line := range g {
		for _, tok := range line {
			l.gold = append(l.gold, parseGold(tok))
		}
	}
	in := false
	for i, r := range string(spun) {
		space := unicode.IsSpace(r)
		if !space && !in {
			l.starts = append(l.starts, i)
		}
		in = !space
	}
	for _, line := range s {
		l.spun = append(l.spun, line...)
	}
	return l, nil
}

// Label reports whether word is a right original of the spun word that
// starts at byte offset start. ok is false when the position is not scored:
// its gold is {?}, or its token holds more than that one word
// ("U.S.-Russian"), so that the gold speaks of the token, not the word.
func (l *Labeler) Label(start int, spunWord, word string) (right, ok bool) {
	i := sort.SearchInts(l.starts, start+1) - 1
	if i < 0 || i >= len(l.gold) || l.gold[i].unscored {
		return false, false
	}
	if core(l.spun[i]) != strings.ToLower(spunWord) {
		return false, false
	}
	return l.gold[i].matches(word), true
}
