package render

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Progress draws a one-line progress bar, redrawn in place with "\r". The
// caller decides whether to use one at all (stderr is a terminal, the run is
// long); it must never go to stdout, which carries data.
type Progress struct {
	w     io.Writer
	total int
	done  int
	last  time.Time
	drawn bool
}

// barWidth is the bar's length in cells; with the counts it stays well
// inside an 80-column terminal.
const barWidth = 30

// redrawEvery limits redraws so that a fast run is not slowed by the terminal.
const redrawEvery = 100 * time.Millisecond

// NewProgress returns a bar for total steps, drawn on w.
func NewProgress(w io.Writer, total int) *Progress {
	return &Progress{w: w, total: total}
}

// Step records one finished step and redraws when enough time has passed.
func (p *Progress) Step() {
	p.done++
	if now := time.Now(); p.done == p.total || now.Sub(p.last) >= redrawEvery {
		p.last = now
		p.draw()
	}
}

func (p *Progress) draw() {
	fill := barWidth * p.done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d files", strings.Repeat("#", fill), strings.Repeat(" ", barWidth-fill), p.done, p.total)
	p.drawn = true
}

// Clear erases the bar so that a message can be printed on a clean line; the
// next Step draws it again.
func (p *Progress) Clear() {
	if p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", barWidth+40))
		p.drawn = false
		p.last = time.Time{}
	}
}
