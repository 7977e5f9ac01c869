package review

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Keys is where the review's answers come from.
type Keys interface {
	// Key returns the next command key. io.EOF ends the review as q does.
	Key() (rune, error)
	// Line reads a line of text: the replacement typed after e.
	Line() (string, error)
}

// LineKeys reads answers one a line, the first character of each line being
// the key: for scripts and pipes, where no terminal hands over single keys.
// Blank lines are skipped, as a terminal user pressing Enter would expect.
func LineKeys(r io.Reader) Keys { return &lineKeys{r: bufio.NewReader(r)} }

type lineKeys struct{ r *bufio.Reader }

func (k *lineKeys) Key() (rune, error) {
	for {
		line, err := k.Line()
		if s := strings.TrimSpace(line); s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			return r, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

func (k *lineKeys) Line() (string, error) {
	line, err := k.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

// RawKeys reads single key presses from a terminal in raw mode, where each
// byte arrives as it is typed and nothing is echoed: the terminal's line
// editing is off, so Line echoes to echo and handles backspace itself.
// Raw mode turns Ctrl-C and Ctrl-D into plain bytes: Ctrl-D ends the input
// (a quit, as q), Ctrl-C interrupts (ErrInterrupted), as in git add -p.
func RawKeys(r io.Reader, echo io.Writer) Keys { return &rawKeys{r: bufio.NewReader(r), echo: echo} }

type rawKeys struct {
	r    *bufio.Reader
	echo io.Writer
}

const (
	ctrlC     = 3
	ctrlD     = 4
	backspace = 8
	del       = 127
)

// ErrInterrupted is returned for Ctrl-C: the review ends at once and the
// text under review is not to be written.
var ErrInterrupted = errors.New("interrupted")

func (k *rawKeys) Key() (rune, error) {
	for {
		r, _, err := k.r.ReadRune()
		switch {
		case err != nil:
			return 0, err
		case r == ctrlC:
			return 0, ErrInterrupted
		case r == ctrlD:
			return 0, io.EOF
		case r == '\r' || r == '\n' || r == ' ':
			continue
		}
		return r, nil
	}
}

func (k *rawKeys) Line() (string, error) {
	var b bytes.Buffer
	for {
		r, _, err := k.r.ReadRune()
		switch {
		case err != nil:
			return b.String(), err
		case r == ctrlC:
			return "", ErrInterrupted
		case r == ctrlD:
			return "", io.EOF
		case r == '\r' || r == '\n':
			io.WriteString(k.echo, "\r\n")
			return b.String(), nil
		case r == backspace || r == del:
			if b.Len() > 0 {
				_, size := utf8.DecodeLastRune(b.Bytes())
				b.Truncate(b.Len() - size)
				io.WriteString(k.echo, "\b \b")
			}
		case r >= ' ':
			b.WriteRune(r)
			io.WriteString(k.echo, string(r))
		}
	}
}

// CRLF returns a writer that ends lines with "\r\n": a terminal in raw mode
// does not return the carriage on "\n".
func CRLF(w io.Writer) io.Writer { return crlf{w} }

type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	if _, err := c.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}
