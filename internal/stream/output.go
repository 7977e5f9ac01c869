package stream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
)

// Pos carries line and column numbering across windows, so that positions
// reported for one window are those of the whole input.
type Pos struct {
	lines int // line ends ("\n") before the window
	col   int // bytes since the last line end before the window
}

// Advance moves past a window's text.
func (p *Pos) Advance(src []byte) {
	if i := bytes.LastIndexByte(src, '\n'); i >= 0 {
		p.lines += bytes.Count(src, []byte{'\n'})
		p.col = len(src) - i - 1
	} else {
		p.col += len(src)
	}
}

// Shift turns a 1-based line and byte column within the window into those of
// the input.
func (p Pos) Shift(line, col int) (int, int) {
	if line == 1 {
		col += p.col
	}
	return line + p.lines, col
}

// JSON writes the "fix" records of a window's edits to w, as
// render.JSON.Fixes does for a whole file, with offsets, lines and columns
// of the whole input.
func JSON(w io.Writer, path string, win Window, pos Pos, edits []repair.Edit) error {
	if len(edits) == 0 {
		return nil
	}
	var b bytes.Buffer
	if err := render.NewJSON(&b).Fixes(path, win.Src, edits); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // as render.NewJSON
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, b.Len()+1)
	for sc.Scan() {
		var rec render.FixRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
		}
		rec.Offset += int(win.Offset)
		rec.Line, rec.Column = pos.Shift(rec.Line, rec.Column)
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return sc.Err()
}

// DefaultMaxLine is the longest line Diff holds to show it with its edits.
const DefaultMaxLine = 16 << 20

// Diff writes the unified diff of a stream of windows: the diff of each run
// of whole lines, with the hunk line numbers of the whole input and a single
// pair of file headers. It holds the last window until the next one arrives
// (a line cut by a window boundary is completed by the next window), so an
// input that fits one window gets exactly render.Diff's output. Hunks on
// either side of a cut are not merged; patch and git apply accept them.
type Diff struct {
	W                io.Writer
	OldName, NewName string
	MaxLine          int // 0 means DefaultMaxLine

	pending  []byte // text not yet diffed
	edits    []repair.Edit
	oldLine  int // lines before pending, in the old and the new text
	newLine  int
	headered bool
}

// Add takes the next window and the edits to show in it.
func (d *Diff) Add(src []byte, edits []repair.Edit) error {
	if len(d.pending) > 0 {
		cut := bytes.LastIndexByte(d.pending, '\n') + 1
		for _, e := range d.edits { // never cut an edit spanning lines
			if e.Start < cut && cut < e.End {
				cut = bytes.LastIndexByte(d.pending[:e.Start], '\n') + 1
			}
		}
		if err := d.flush(cut); err != nil {
			return err
		}
	}
	maxLine := d.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	if len(d.pending) > maxLine {
		return fmt.Errorf("diff of %s: line %d is longer than %d MB; use -w, or --format json", d.OldName, d.oldLine+1, maxLine>>20)
	}
	base := len(d.pending)
	d.pending = append(d.pending, src...)
	for _, e := range edits {
		e.Start += base
		e.End += base
		d.edits = append(d.edits, e)
	}
	return nil
}

// Close writes the diff of what remains.
func (d *Diff) Close() error { return d.flush(len(d.pending)) }

// flush diffs pending[:cut] and keeps the rest.
func (d *Diff) flush(cut int) error {
	seg := d.pending[:cut]
	var now, later []repair.Edit
	for _, e := range d.edits {
		if e.End <= cut {
			now = append(now, e)
		} else {
			e.Start -= cut
			e.End -= cut
			later = append(later, e)
		}
	}
	if len(now) > 0 {
		var b bytes.Buffer
		if err := render.Diff(&b, d.OldName, d.NewName, seg, now); err != nil {
			return err
		}
		if err := d.write(b.Bytes()); err != nil {
			return err
		}
	}
	d.oldLine += bytes.Count(seg, []byte{'\n'})
	d.newLine += bytes.Count(seg, []byte{'\n'})
	for _, e := range now {
		d.newLine += bytes.Count([]byte(e.To), []byte{'\n'}) - bytes.Count([]byte(e.From), []byte{'\n'})
	}
	d.pending = append(d.pending[:0:0], d.pending[cut:]...)
	d.edits = later
	return nil
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@`)

// write copies one segment's diff, dropping the file headers after the
// first segment and renumbering the hunks.
func (d *Diff) write(diff []byte) error {
	lines := bytes.SplitAfter(diff, []byte{'\n'})
	var out bytes.Buffer
	for i, l := range lines {
		if i < 2 && (bytes.HasPrefix(l, []byte("--- ")) || bytes.HasPrefix(l, []byte("+++ "))) {
			if d.headered {
				continue
			}
		} else if m := hunkHeader.FindSubmatchIndex(l); m != nil {
			old, _ := strconv.Atoi(string(l[m[2]:m[3]]))
			nw, _ := strconv.Atoi(string(l[m[6]:m[7]]))
			fmt.Fprintf(&out, "@@ -%d%s +%d%s", old+d.oldLine, group(l, m, 2), nw+d.newLine, group(l, m, 4))
			out.Write(l[m[1]-3:])
			continue
		}
		out.Write(l)
	}
	d.headered = true
	_, err := d.W.Write(out.Bytes())
	return err
}

// group returns submatch i of a FindSubmatchIndex result, or nothing when
// the optional group did not match.
func group(l []byte, m []int, i int) []byte {
	if m[2*i] < 0 {
		return nil
	}
	return l[m[2*i]:m[2*i+1]]
}
