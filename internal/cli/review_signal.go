package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// ExitInterrupted is the status of a review ended by Ctrl-C, as a shell
// reports a process killed by SIGINT (128 + 2).
const ExitInterrupted = 130

// interruptGuard ends a review cleanly when a signal arrives (SIGINT from a
// terminal not in raw mode, SIGTERM, SIGHUP): it waits for a file being
// written to be complete, restores the terminal and exits with 128 plus
// the signal's number, so that a killed review never leaves the terminal
// in raw mode nor writes the file under review.
type interruptGuard struct {
	writing sync.Mutex // held while a file is written
	restore func()
	ch      chan os.Signal
}

func guardInterrupts(ui io.Writer, restore func()) *interruptGuard {
	g := &interruptGuard{restore: restore, ch: make(chan os.Signal, 1)}
	signal.Notify(g.ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig, ok := <-g.ch
		if !ok {
			return
		}
		g.writing.Lock()
		g.restore()
		fmt.Fprintf(ui, "\nunspin: %v: review interrupted; the file under review was not written\n", sig)
		code := ExitInterrupted
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
	return g
}

// write runs fn, a file's write, without a signal ending it half way.
func (g *interruptGuard) write(fn func() error) error {
	g.writing.Lock()
	defer g.writing.Unlock()
	return fn()
}

// stop ends the guard; signals get their default effect again.
func (g *interruptGuard) stop() {
	signal.Stop(g.ch)
	close(g.ch)
}
