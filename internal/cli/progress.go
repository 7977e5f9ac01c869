package cli

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
)

// byteProgressMin is the size from which one streamed file shows its own
// progress on a terminal: at the repairer's few hundred KB a second a core,
// such a file takes more than a few seconds. A variable so tests can lower it.
var byteProgressMin int64 = 4 << 20

// byteProgress draws how much of one large file has been read and
// repaired, "[#####     ] 12.3/200.0 MB", on stderr, redrawn in place. The
// count is taken from the file as it is read (another goroutine), the
// drawing from the goroutine that reports windows.
type byteProgress struct {
	w     io.Writer
	total int64
	read  atomic.Int64
	last  time.Time
	drawn bool
}

const progressWidth = 30

// counting returns r counting what is read through it.
func (p *byteProgress) counting(r io.Reader) io.Reader { return progressReader{r, p} }

type progressReader struct {
	r io.Reader
	p *byteProgress
}

func (c progressReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.read.Add(int64(n))
	return n, err
}

// step redraws after a window has been reported, at most ten times a second.
func (p *byteProgress) step() {
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		done := min(p.read.Load(), p.total)
		fill := int(int64(progressWidth) * done / max(p.total, 1))
		fmt.Fprintf(p.w, "\r[%s%s] %.1f/%.1f MB", strings.Repeat("#", fill), strings.Repeat(" ", progressWidth-fill),
			float64(done)/1e6, float64(p.total)/1e6)
		p.drawn = true
	}
}

// clear erases the bar, so that what follows starts on a clean line.
func (p *byteProgress) clear() {
	if p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", progressWidth+30))
		p.drawn = false
		p.last = time.Time{}
	}
}
