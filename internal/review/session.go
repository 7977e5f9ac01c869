// Package review walks the proposed fixes of a text one by one, as git add -p
// walks hunks, and returns those the user accepted. It shows each fix in its
// sentence with the confidence, the source and the alternatives, and reads
// one key per decision from a Keys: single key presses from a terminal, or
// lines from a pipe so that a review can be scripted.
//
// Decisions about a pair (A: accept everywhere, N: never again) hold for the
// rest of the session; the caller stores them in the deny and allow lists.
// The package reads and writes nothing but its streams: the caller repairs,
// writes files and appends to lists.
package review

import (
	"errors"
	"fmt"
	"io"

	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// Options configure a session.
type Options struct {
	UI    io.Writer // where hunks and prompts go
	Keys  Keys      // where answers come from
	Color bool      // mark the change with ANSI colours
}

// Session is one review, over one or more files.
type Session struct {
	ui     io.Writer
	keys   Keys
	color  bool
	always map[policy.Pair]bool // A: accepted wherever met from now on
	never  map[policy.Pair]bool // N: rejected wherever met from now on
	added  []remembered         // A and N answers, in order, for the lists
	quit   bool
	// Shown and Accepted count fixes over the session.
	Shown, Accepted int
}

type remembered struct {
	pair   policy.Pair
	always bool
}

// New starts a session.
func New(o Options) *Session {
	return &Session{ui: o.UI, keys: o.Keys, color: o.Color,
		always: map[policy.Pair]bool{}, never: map[policy.Pair]bool{}}
}

// Quit reports whether the user quit (q, Ctrl-C or the end of the keys):
// the caller writes the file just reviewed and stops.
func (s *Session) Quit() bool { return s.quit }

// Remembered returns the pairs answered with A (always) and N (never) and
// not undone, in the order they were given.
func (s *Session) Remembered() (always, never []policy.Pair) {
	for _, r := range s.added {
		if r.always {
			always = append(always, r.pair)
		} else {
			never = append(never, r.pair)
		}
	}
	return always, never
}

// pairOf is the pair a fix makes, in the lists' form.
// pairOf is the pair an edit makes, as the lists match it: a word read
// whole across a line end as the word.
func pairOf(e repair.Edit) policy.Pair {
	return policy.NewPair(text.OneLine(e.From), text.OneLine(e.To))
}

// File reviews the fixes proposed for one text and returns the accepted
// ones, Applied and with the replacement chosen, in order. After a quit it
// returns what was accepted before, and nil for later files. After Ctrl-C
// it returns ErrInterrupted and nothing, so that the text is not written.
func (s *Session) File(name string, src []byte, edits []repair.Edit) ([]repair.Edit, error) {
	if s.quit || len(edits) == 0 {
		return nil, nil
	}
	f := &fileReview{s: s, doc: newDoc(name, src), edits: edits}
	err := f.run()
	if errors.Is(err, ErrInterrupted) {
		s.quit = true
		return nil, err
	}
	if errors.Is(err, io.EOF) {
		fmt.Fprintln(s.ui, "\n(no more input: quitting)")
		s.quit, err = true, nil
	}
	return f.accepted(), err
}
