package jsonl

import (
	"bufio"
	"bytes"
	"io"
)

// Line is one line of the input and what fn made of it.
type Line[T any] struct {
	N   int   // 1-based line number
	Out T     // fn's output
	Err error // fn's error
}

// Map reads r a line at a time, with no limit on a line's length, calls fn
// on each line (without its line break) for up to jobs lines at once, and
// calls each for every line in input order, from the calling goroutine. fn
// may be called concurrently. Map stops at the first error of each or of
// reading r. At most about 2*jobs+1 lines are in memory at once.
func Map[T any](r io.Reader, jobs int, fn func([]byte) (T, error), each func(Line[T]) error) error {
	jobs = max(jobs, 1)
	queue := make(chan chan Line[T], jobs) // lines in input order
	busy := make(chan struct{}, jobs)      // lines being worked on
	done := make(chan struct{})            // each stopped early
	var readErr error
	go func() {
		defer close(queue)
		in := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, err := in.ReadBytes('\n')
			if len(line) > 0 && !send(queue, busy, done, n, line, fn) {
				return
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()
	defer close(done)
	for slot := range queue {
		if err := each(<-slot); err != nil {
			return err
		}
	}
	return readErr // read only once queue is closed
}

// send starts fn on one line and queues the slot its result will arrive
// in; false when the consumer has stopped.
func send[T any](queue chan<- chan Line[T], busy chan struct{}, done <-chan struct{}, n int, line []byte, fn func([]byte) (T, error)) bool {
	select {
	case busy <- struct{}{}:
	case <-done:
		return false
	}
	slot := make(chan Line[T], 1)
	go func() {
		out, err := fn(bytes.TrimSuffix(line, []byte("\n")))
		slot <- Line[T]{N: n, Out: out, Err: err}
		<-busy
	}()
	select {
	case queue <- slot:
		return true
	case <-done:
		return false
	}
}
