// Package cli holds unspin's commands: flags, streams and exit codes. The
// algorithms live in the engine packages; nothing here decides what a fix is.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit codes, as diff(1) and gofmt users expect them.
const (
	ExitOK    = 0 // nothing to fix, or everything fixed with -w
	ExitFound = 1 // fixes found in a listing, diff or check mode
	ExitError = 2 // usage, input/output or model errors
)

// Streams is every byte stream a command touches, injected so tests use buffers.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	InTTY  bool // stdin is a terminal
	OutTTY bool // stdout is a terminal: a diff may be coloured
	ErrTTY bool // stderr is a terminal: progress bars and colour allowed
}

// errFound is returned by commands that ran fine but found something to fix in
// a mode where that is news (-l, -d, --check): it maps to exit code 1 and
// prints nothing.
var errFound = errors.New("fixes found")

// errInterrupted ends a review stopped by Ctrl-C: exit status 130, nothing
// more written.
var errInterrupted = errors.New("review interrupted; the file under review was not written")

// usageError marks a mistake in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Main runs unspin with the process's arguments and streams and returns the
// exit code.
func Main() int {
	return Run(os.Args[1:], Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: isTerminal(os.Stdin), OutTTY: isTerminal(os.Stdout), ErrTTY: isTerminal(os.Stderr),
	})
}

// Run executes one command line against the given streams. It is the single
// place where errors become exit codes.
func Run(args []string, s Streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	err := root.Execute()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFound):
		return ExitFound
	case errors.Is(err, errInterrupted):
		fmt.Fprintf(s.Err, "unspin: %v\n", err)
		return ExitInterrupted
	default:
		fmt.Fprintf(s.Err, "unspin: %v\n", err)
		return ExitError
	}
}

func newRootCmd(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "unspin",
		Short: "Repair synonym-spun English",
		Long: `unspin proposes the likely original of each word of a synonym-spun text
("a infantry bottom" -> "the military base") and scores the candidates with an
n-gram language model. It reads stdin and writes the repaired text to stdout,
fixes files in place, or shows the proposed fixes as a diff.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       "set", // any: the template below prints the real one
	}
	// The version is computed only when asked for: it reads the model.
	cobra.AddTemplateFunc("unspinVersion", versionText)
	root.SetVersionTemplate("{{unspinVersion}}")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newFixCmd(s),
		newDiffCmd(s),
		newEvalCmd(s),
		newCandidatesCmd(s),
		newTrainCmd(s),
		newLMCmd(s),
		newReviewCmd(s),
		newExplainCmd(s),
		newConfigCmd(s),
		newLearnCmd(s),
		newCheckCmd(s),
		newPhrasesCmd(s),
	)
	return root
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
