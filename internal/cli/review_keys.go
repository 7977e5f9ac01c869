package cli

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/unspin/unspin/internal/review"
)

// reviewKeys is where a review reads its answers and writes its prompts.
type reviewKeys struct {
	keys  review.Keys
	ui    io.Writer
	close func()
}

// openKeys picks the source of the answers: --keys FILE; the terminal in
// raw mode (standard input when it is one and carries no text, else
// /dev/tty); or lines of standard input when it is a pipe, so that a review
// can be scripted.
func (o *reviewOptions) openKeys(s Streams, textOnStdin bool) (reviewKeys, error) {
	k := reviewKeys{ui: s.Err, close: func() {}}
	switch {
	case o.keys != "":
		f, err := os.Open(o.keys)
		if err != nil {
			return k, err
		}
		k.keys, k.close = review.LineKeys(f), func() { f.Close() }
		return k, nil
	case !textOnStdin && s.InTTY:
		if f, ok := s.In.(*os.File); ok {
			return rawKeys(f, s.Err, func() {})
		}
		k.keys = review.LineKeys(s.In)
		return k, nil
	case !textOnStdin:
		k.keys = review.LineKeys(s.In)
		return k, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return k, usageError{fmt.Errorf("review of standard input reads the answers from the terminal, and there is none: use --keys FILE")}
	}
	return rawKeys(tty, s.Err, func() { tty.Close() })
}

// rawKeys puts the terminal in raw mode so that each key press arrives at
// once, and restores it on close. Raw mode also stops "\n" from returning
// the carriage, so prompts are written with "\r\n".
func rawKeys(tty *os.File, ui io.Writer, done func()) (reviewKeys, error) {
	old, err := term.MakeRaw(int(tty.Fd()))
	if err != nil {
		// Not a terminal after all: read lines, as from a pipe.
		return reviewKeys{keys: review.LineKeys(tty), ui: ui, close: done}, nil
	}
	restore := func() {
		term.Restore(int(tty.Fd()), old)
		done()
	}
	return reviewKeys{keys: review.RawKeys(tty, ui), ui: review.CRLF(ui), close: restore}, nil
}
