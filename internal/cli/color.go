package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"
)

// colorFlag is --color, shared by the commands that colour their output.
type colorFlag string

func (c *colorFlag) add(f *pflag.FlagSet, what string) {
	*c = "auto"
	f.StringVar((*string)(c), "color", "auto", what+`: "auto" (on a terminal, unless NO_COLOR is set), "always" or "never"`)
}

func (c colorFlag) validate() error {
	switch c {
	case "auto", "always", "never":
		return nil
	}
	return usageError{fmt.Errorf("--color %q: want auto, always or never", string(c))}
}

// on decides for output going to a terminal or not: always when asked,
// never when asked, else on a terminal unless NO_COLOR is set
// (https://no-color.org).
func (c colorFlag) on(tty bool) bool {
	switch c {
	case "always":
		return true
	case "never":
		return false
	}
	return tty && os.Getenv("NO_COLOR") == ""
}

// colorDiff colours a unified diff line by line, as git diff does: file
// headers bold, hunk headers cyan, removed lines red, added lines green.
type colorDiff struct {
	w       io.Writer
	partial bytes.Buffer // the start of a line not yet ended
}

const (
	ansiBold  = "\x1b[1m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiCyan  = "\x1b[36m"
	ansiReset = "\x1b[m"
)

func (c *colorDiff) Write(p []byte) (int, error) {
	c.partial.Write(p)
	for {
		line, err := c.partial.ReadBytes('\n')
		if err != nil {
			c.partial.Reset()
			c.partial.Write(line)
			return len(p), nil
		}
		if _, err := c.w.Write(colorLine(line)); err != nil {
			return 0, err
		}
	}
}

// Close writes a last line that had no newline.
func (c *colorDiff) Close() error {
	if c.partial.Len() == 0 {
		return nil
	}
	_, err := c.w.Write(colorLine(c.partial.Bytes()))
	c.partial.Reset()
	return err
}

func colorLine(line []byte) []byte {
	body := bytes.TrimRight(line, "\n")
	var color string
	switch {
	case bytes.HasPrefix(body, []byte("--- ")), bytes.HasPrefix(body, []byte("+++ ")):
		color = ansiBold
	case bytes.HasPrefix(body, []byte("@@")):
		color = ansiCyan
	case bytes.HasPrefix(body, []byte("-")):
		color = ansiRed
	case bytes.HasPrefix(body, []byte("+")):
		color = ansiGreen
	default:
		return line
	}
	out := append([]byte(color), body...)
	out = append(out, ansiReset...)
	return append(out, line[len(body):]...)
}
