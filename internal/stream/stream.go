// Package stream repairs an input of any size in bounded memory: it cuts the
// input into windows at paragraph or sentence boundaries (text.ScanChunks),
// repairs several windows at once, and hands them back in input order, so
// that the repaired text, a diff or JSON records can be written as the input
// is read. Memory holds a few windows, never the whole input.
//
// A window is a fine unit for the repairer: it estimates a document's spin
// rate over whatever text it is given, and a window holds hundreds of
// sentences.
package stream

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// Defaults for Options.
const (
	DefaultMin = 128 << 10 // a window holds at least this much, unless the input ends
	DefaultMax = 8 << 20   // past this without a safe cut, cut at a character boundary
)

// Options bound the work and memory of Run.
type Options struct {
	Jobs int // windows repaired at once; < 1 means 1
	Min  int // least window length before the input ends; 0 means DefaultMin
	Max  int // greatest window length; 0 means DefaultMax
}

func (o Options) withDefaults() Options {
	if o.Jobs < 1 {
		o.Jobs = 1
	}
	if o.Min <= 0 {
		o.Min = DefaultMin
	}
	if o.Max <= 0 {
		o.Max = DefaultMax
	}
	o.Max = max(o.Max, o.Min+utf8.UTFMax)
	return o
}

// Window is one piece of the input and the edits proposed for it.
type Window struct {
	Offset int64         // of Src in the whole input
	Src    []byte        // the piece, owned by the Window
	Edits  []repair.Edit // offsets relative to Src; checked to fit it
}

// Fixed returns the window's text with its applied edits made.
func (w Window) Fixed() []byte { return repair.Apply(w.Src, w.Edits) }

// Run reads r to its end in windows, repairs each with fn (up to o.Jobs at
// once) and calls each for every window in input order, from the calling
// goroutine. fn may be called concurrently. Concatenated, the windows' Src are the input exactly. Run stops
// at the first error: reading r, edits that do not fit their window (a
// repairer bug, reported rather than written), or an error from each. At most
// about 2*Jobs+2 windows are in memory at once.
func Run(r io.Reader, fn func([]byte) ([]repair.Edit, error), o Options, each func(Window) error) error {
	o = o.withDefaults()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(2*o.Min, o.Max)), o.Max)
	sc.Split(Split(o.Min, o.Max))

	type slot = chan result
	queue := make(chan slot, o.Jobs)    // windows in input order
	busy := make(chan struct{}, o.Jobs) // windows being repaired
	done := make(chan struct{})         // the consumer stopped early
	var readErr error
	go func() {
		defer close(queue)
		var off int64
		for sc.Scan() {
			w := Window{Offset: off, Src: bytes.Clone(sc.Bytes())}
			off += int64(len(w.Src))
			s := make(slot, 1)
			select {
			case queue <- s:
			case <-done:
				return
			}
			select {
			case busy <- struct{}{}:
			case <-done:
				return
			}
			go func() {
				var err error
				w.Edits, err = fn(w.Src)
				if err == nil {
					err = Check(w.Src, w.Edits)
				}
				if err != nil {
					err = fmt.Errorf("window at offset %d: %w", w.Offset, err)
				}
				<-busy
				s <- result{w, err}
			}()
		}
		readErr = sc.Err()
	}()
	var err error
	for s := range queue {
		res := <-s
		err = res.err
		if err == nil {
			err = each(res.w)
		}
		if err != nil {
			close(done)
			for range queue { // let the reader see done and stop
			}
			return err
		}
	}
	return readErr
}

type result struct {
	w   Window
	err error
}

// Split returns the bufio.SplitFunc of Run. A window ends at the first
// sentence start (preferably a paragraph's, else a line's) after it holds
// about min bytes of words (min/wordBytes words), looked for within the next
// eighth of that (else the first sentence start after), so that where a window ends depends only on the text: not
// on how the input arrives, and not on the words' lengths, which repairing
// changes. Fixing the repaired text then reads the same windows, with the
// same rates, and finds nothing more to fix. Only text that offers no such
// start before max bytes (a single enormous paragraph of code, a word
// megabytes long) is cut where text.ScanChunks can, or at a character
// boundary. Concatenated, the tokens are the input exactly.
func Split(min, max int) bufio.SplitFunc {
	words := min / wordBytes
	if words < 1 {
		words = 1
	}
	ahead := lookAhead
	if min < ahead {
		ahead = min // the tests' tiny windows
	}
	return func(data []byte, atEOF bool) (int, []byte, error) {
		if atEOF {
			if len(data) > 0 {
				return len(data), data, nil
			}
			return 0, nil, nil
		}
		if p, limit := afterWords(data, words), afterWords(data, words+words/8+1); limit > 0 && len(data) >= limit+ahead {
			if n := text.FirstCut(data, p, limit); n > 0 && n <= len(data)-ahead {
				return n, data[:n], nil
			}
		}
		if len(data) < max {
			return 0, nil, nil
		}
		if n, tok, err := text.ScanChunks(data, false); n > 0 || err != nil {
			return n, tok, err
		}
		n := runeStart(data, max)
		return n, data[:n], nil
	}
}

// wordBytes is the length of an English word and the space after it, about
// (88,592 words of news take 578 KB).
const wordBytes = 6

// lookAhead is how far past a window's end its text must be read, so that
// the sentences before the end are known (less for windows smaller than it).
const lookAhead = 4 << 10

// afterWords returns the offset in data after n runs of non-space bytes,
// or 0 when data holds fewer.
func afterWords(data []byte, n int) int {
	in := false
	for i, c := range data {
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			if n == 0 {
				return i
			}
			n--
		}
		in = !space
	}
	return 0
}

// runeStart returns the last offset at or before n (and after 0) that does
// not cut a UTF-8 sequence, or n when the bytes there are not UTF-8 anyway.
func runeStart(data []byte, n int) int {
	for i := n; i > 0 && i > n-utf8.UTFMax; i-- {
		if i == len(data) || utf8.RuneStart(data[i]) {
			return i
		}
	}
	return n
}

// Check makes sure edits fit the text they were proposed for: in order, not
// overlapping, inside it, each reading what it claims to replace. A decoder
// bug then fails one input instead of crashing the run or writing a damaged
// file.
func Check(src []byte, edits []repair.Edit) error {
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) || string(src[e.Start:e.End]) != e.From {
			return fmt.Errorf("internal error: invalid edit %d-%d %q->%q (after offset %d of %d bytes)",
				e.Start, e.End, e.From, e.To, last, len(src))
		}
		last = e.End
	}
	return nil
}
