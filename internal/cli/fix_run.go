package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/stream"
)

// progressMin is the number of files from which a run shows a progress bar
// (on a terminal): below it the run is over before a bar helps.
const progressMin = 20

// fixRun is one execution of fix or diff: it repairs inputs, possibly in
// parallel, and reports each result in input order.
type fixRun struct {
	o        *fixOptions
	s        Streams
	repair   func(path string, src []byte) ([]repair.Edit, error)
	json     *render.JSON // nil unless --format json, github or sarif
	records  io.Writer    // where the JSON records go: stdout, or the CI format
	progress *render.Progress
	fileBar  *byteProgress // of the one large file being streamed, on a terminal
	sum      render.Summary
	found    bool  // something to fix was found (news in a report mode)
	err      error // first output error: stdout is gone, stop writing
}

// streamAbove is the size above which a file is streamed: repaired a window
// at a time in input order (the windows of one file in parallel), written as
// it goes, and never held whole in memory. Smaller files are read whole and
// repaired in parallel with each other. A variable so tests can lower it.
var streamAbove int64 = 512 << 10

// streamWindows sizes the windows of streamed inputs; tests shrink them.
var streamWindows stream.Options

// result is what repairing one input produced.
type result struct {
	path   string
	win    stream.Window  // the whole input, for a file read whole
	fixed  []byte         // its text with the applied edits made
	enc    files.Encoding // of the file; the window holds it decoded
	skip   string         // why the input was not repaired (files.Sniff)
	stream bool           // too large to read whole: emit streams it
	named  bool           // named as an argument: a skip is an error
	err    error
}

// newFixRun prepares a run; fn proposes the edits of one input, given its
// path because files under different configurations repair differently.
func newFixRun(o *fixOptions, s Streams, fn func(string, []byte) ([]repair.Edit, error)) *fixRun {
	r := &fixRun{o: o, s: s, repair: afterBOM(maskLongRuns(fn))}
	switch o.format {
	case "json":
		r.records = r.out()
	case "github", "sarif":
		r.records = newCIWriter(r.out(), o.format, ruleSpunWord)
	}
	if r.records != nil {
		r.json = render.NewJSON(r.records)
	}
	return r
}

// afterBOM keeps a UTF-8 byte-order mark out of the repairer's sight, so
// that the first word is read as a word, and shifts the edits past it.
func afterBOM(fn func(string, []byte) ([]repair.Edit, error)) func(string, []byte) ([]repair.Edit, error) {
	const bom = "\uFEFF"
	return func(path string, src []byte) ([]repair.Edit, error) {
		if !bytes.HasPrefix(src, []byte(bom)) {
			return fn(path, src)
		}
		edits, err := fn(path, src[len(bom):])
		for i := range edits {
			edits[i].Start += len(bom)
			edits[i].End += len(bom)
		}
		return edits, err
	}
}

// maskLongRuns keeps runs of non-space bytes too long to be words (hashes,
// base64, a minified line) from the repairer, whose cost grows with the
// square of a word's length; nothing inside them is changed.
func maskLongRuns(fn func(string, []byte) ([]repair.Edit, error)) func(string, []byte) ([]repair.Edit, error) {
	return func(path string, src []byte) ([]repair.Edit, error) {
		return stream.MaskLongRuns(func(b []byte) ([]repair.Edit, error) { return fn(path, b) }, stream.MaxRun)(src)
	}
}

// stdin streams standard input: a pipe of any length is repaired in bounded
// memory, and in filter mode the repaired text flows out as it is produced.
func (r *fixRun) stdin() {
	in := bufio.NewReaderSize(readErrors{r.s.In}, 64<<10)
	enc, reason := sniff(in)
	if reason != "" {
		r.skip(stdinName, reason)
		if r.filterMode() {
			io.Copy(r.out(), in) // a filter passes what it cannot repair
		}
		return
	}
	var text io.WriteCloser
	if r.filterMode() {
		text = enc.Writer(r.out())
	}
	r.streamTo(stdinName, enc.Reader(in), text, nil, nil)
}

// readErrors names standard input in its read errors.
type readErrors struct{ r io.Reader }

func (e readErrors) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("reading standard input: %w", err)
	}
	return n, err
}

// sniff looks at the start of a buffered input without consuming it.
func sniff(in *bufio.Reader) (files.Encoding, string) {
	head, err := in.Peek(files.SniffLen)
	return files.Detect(head, err == io.EOF)
}

// cannotRead records why a file is not repaired: for a file found by a walk
// a skip with a notice, for a file named as an argument an error, so that
// "unspin fix FILE > out" does not leave an empty out and exit 0.
func (res *result) cannotRead(reason string) {
	if res.named {
		res.err = fmt.Errorf("%s: %s; not repaired", res.path, reason)
	} else {
		res.skip = reason
	}
}

func (r *fixRun) paths(args []string) {
	walk := files.WalkOptions{FollowSymlinks: r.o.follow, OnSkip: r.skip, OnTemp: r.leftover}
	items := r.o.included(files.CollectWith(args, walk), args)
	if r.s.ErrTTY && len(items) >= progressMin {
		r.progress = render.NewProgress(r.s.Err, len(items))
	}
	files.Ordered(len(items), r.o.jobs, func(i int) result {
		return r.repairFile(items[i])
	}, func(_ int, res result) {
		r.emit(res)
		if r.progress != nil {
			r.progress.Step()
		}
	})
	if r.progress != nil {
		r.progress.Clear()
	}
}

// leftover deals with a temporary file that a run killed during -w left:
// -w removes it once it is stale (files.StaleAfter), other modes report it.
func (r *fixRun) leftover(path string) {
	if files.IsBackup(filepath.Base(path)) {
		r.notice("%s: backup of the original, left by a run killed while writing it in place; if the file is damaged, restore it from this, then remove it", path)
		return
	}
	if !r.o.write {
		r.notice("%s: temporary file left by an interrupted 'unspin fix -w'; -w removes it", path)
		return
	}
	removed, err := files.RemoveStale(path, time.Now())
	switch {
	case err != nil:
		r.notice("%s: temporary file left by an interrupted run: %v", path, err)
	case removed:
		r.notice("removed %s, a temporary file left by an interrupted run", path)
	default:
		r.notice("%s: temporary file of another run, written less than %v ago; left alone", path, files.StaleAfter)
	}
}

// repairFile runs in a worker: read, repair and, with -w, write one file. A
// large file is only marked, to be streamed by emit.
func (r *fixRun) repairFile(it files.Item) result {
	if it.Err != nil {
		return result{path: it.Path, err: it.Err}
	}
	res := result{path: it.Path, named: it.Named}
	if fi, err := os.Stat(it.Path); err == nil && fi.Mode().IsRegular() && fi.Size() > streamAbove {
		res.stream = true
		return res
	}
	f, err := files.Read(it.Path)
	if err != nil {
		res.err = err
		return res
	}
	enc, reason := files.Detect(f.Data, true)
	if reason != "" {
		res.cannotRead(reason)
		return res
	}
	src, err := enc.Decode(f.Data)
	if err == nil {
		res.enc, res.win.Src = enc, src
		res.win.Edits, err = r.repair(it.Path, src)
	}
	if err == nil {
		err = checkEdits(src, res.win.Edits)
	}
	if err != nil {
		res.err = fmt.Errorf("%s: %w", it.Path, err)
		return res
	}
	res.fixed = res.win.Fixed()
	if r.o.write && !bytes.Equal(res.fixed, src) {
		res.err = writeEncoded(f, enc, res.fixed)
	}
	return res
}

// writeEncoded replaces f's content by text, in the file's encoding.
func writeEncoded(f *files.File, enc files.Encoding, text []byte) error {
	data, err := enc.Encode(text)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	return f.Write(data)
}

// checkEdits makes sure the edits fit the text they were proposed for, so
// that a decoder bug fails one file instead of crashing the run or writing a
// damaged file with -w.
func checkEdits(src []byte, edits []repair.Edit) error { return stream.Check(src, edits) }

// emit reports one result; it runs on the calling goroutine, in input order.
func (r *fixRun) emit(res result) {
	switch {
	case res.err != nil:
		r.fail(res.path, res.err)
	case res.skip != "":
		r.skip(res.path, res.skip)
	case res.stream:
		r.streamFile(res.path, res.named)
	default:
		var text io.WriteCloser
		if r.filterMode() {
			text = res.enc.Writer(r.out())
		}
		out := r.newReport(res.path, text)
		err := out.window(res.win, res.fixed)
		if text != nil && err == nil {
			err = text.Close()
		}
		out.close(err)
	}
}

// skip tells why an input was left alone.
func (r *fixRun) skip(path, reason string) {
	r.sum.Skipped++
	if reason == files.Binary {
		r.notice("skipping binary file %s", path)
	} else {
		r.notice("skipping %s: %s", path, reason)
	}
}

// streamFile repairs a large file window by window. With -w the repaired
// text goes to a temporary file beside it, renamed over it once complete;
// on any error, or when nothing changed, the file is left as it was.
func (r *fixRun) streamFile(path string, named bool) {
	src, err := files.Open(path)
	if err != nil {
		r.fail(path, err)
		return
	}
	defer src.Close()
	var from io.Reader = src
	if r.s.ErrTTY && !(r.s.OutTTY && r.filterMode()) && r.progress == nil && src.Size() >= byteProgressMin {
		r.fileBar = &byteProgress{w: r.s.Err, total: src.Size()}
		defer func() { r.fileBar.clear(); r.fileBar = nil }()
		from = r.fileBar.counting(src)
	}
	buf := bufio.NewReaderSize(from, 64<<10)
	enc, reason := sniff(buf)
	if reason != "" {
		res := result{path: path, named: named}
		res.cannotRead(reason)
		r.emit(res)
		return
	}
	in := enc.Reader(buf)
	var text io.WriteCloser
	var dst *files.Replacement
	switch {
	case r.o.write && src.Writable() != nil:
		// Repaired to learn whether it would change: only then an error,
		// as for a file read whole.
		r.streamTo(path, in, nil, nil, src.Writable())
		return
	case r.o.write:
		if dst, err = src.Replace(); err != nil {
			r.fail(path, err)
			return
		}
		defer dst.Abort() // no-op once committed
		text = enc.Writer(dst)
	case r.filterMode():
		text = enc.Writer(r.out())
	}
	r.streamTo(path, in, text, dst, nil)
}

// streamTo repairs in window by window, reporting as it goes; text receives
// the repaired text (or is nil) and is closed at the end, and dst, when set,
// is committed then if the text changed; if it changed, unwritable is the
// file's error.
func (r *fixRun) streamTo(path string, in io.Reader, text io.WriteCloser, dst *files.Replacement, unwritable error) {
	out := r.newReport(path, text)
	opts := streamWindows
	opts.Jobs = r.o.jobs
	fn := func(src []byte) ([]repair.Edit, error) { return r.repair(path, src) }
	err := stream.Run(in, fn, opts, func(w stream.Window) error {
		if r.fileBar != nil {
			defer r.fileBar.step()
		}
		return out.window(w, w.Fixed())
	})
	if err == nil && text != nil {
		err = text.Close() // the encoder's last bytes, before the rename
	}
	if err == nil && out.changed {
		if dst != nil {
			err = dst.Commit()
		} else {
			err = unwritable
		}
	}
	out.close(err)
}

// report accumulates what one input's windows produced and writes each
// window's share of the output as soon as it is known.
type report struct {
	r       *fixRun
	path    string
	text    io.Writer // the repaired text: stdout in filter mode, the replacement with -w
	diff    *stream.Diff
	colored *colorDiff // under diff, with --color
	pos     stream.Pos
	changed bool
	listed  bool
	fixes   int
	suggest int
}

func (r *fixRun) newReport(path string, text io.Writer) *report {
	rep := &report{r: r, path: path, text: text}
	if r.o.diff {
		oldName, newName := render.DiffNames(path)
		var w io.Writer = r.out()
		if r.o.color.on(r.s.OutTTY) {
			rep.colored = &colorDiff{w: w}
			w = rep.colored
		}
		rep.diff = &stream.Diff{W: w, OldName: oldName, NewName: newName}
	}
	return rep
}

// window reports one window. An error stops the input: a failed write of the
// replacement, a diff that cannot be made, or standard output gone.
func (p *report) window(w stream.Window, fixed []byte) error {
	r := p.r
	changed := !bytes.Equal(fixed, w.Src)
	p.changed = p.changed || changed
	for _, e := range w.Edits {
		if e.Applied {
			p.fixes++
		} else {
			p.suggest++
		}
	}
	shown := render.Select(w.Edits, r.o.suggest)
	r.found = r.found || changed || r.o.diff && len(shown) > 0
	switch {
	case r.o.check:
	case r.json != nil:
		r.keep(stream.JSON(r.records, p.path, w, p.pos, shown))
	default:
		if r.o.list && changed && !r.o.write && !p.listed {
			p.listed = true
			fmt.Fprintln(r.out(), p.path)
		}
		if p.diff != nil {
			if err := p.diff.Add(w.Src, shown); err != nil {
				return err
			}
		}
		if p.text != nil {
			if _, err := p.text.Write(fixed); err != nil {
				return err
			}
		}
	}
	p.pos.Advance(w.Src)
	return r.err
}

// close ends an input: the rest of its diff, its listing with -w -l, and the
// summary counts, or the error that stopped it.
func (p *report) close(err error) {
	r := p.r
	if err == nil && p.diff != nil {
		err = p.diff.Close()
	}
	if err == nil && p.colored != nil {
		err = p.colored.Close()
	}
	if r.err != nil {
		return // standard output is gone; finish reports it
	}
	r.sum.Files++
	r.sum.Fixes += p.fixes
	r.sum.Suggestions += p.suggest
	if err != nil {
		r.fail(p.path, err)
		return
	}
	if p.changed {
		r.sum.Changed++
		if r.o.list && !p.listed {
			fmt.Fprintln(r.out(), p.path)
		}
	}
}

// reportMode is true when finding fixes is news, told by exit status 1: the
// fixes were listed, shown or counted, and not written.
func (r *fixRun) reportMode() bool {
	o := r.o
	return !o.write && (o.list || o.diff || o.check || r.json != nil)
}

// filterMode is true when the repaired text itself is the output.
func (r *fixRun) filterMode() bool {
	o := r.o
	return !o.write && !o.list && !o.diff && !o.check && r.json == nil
}

func (r *fixRun) fail(path string, err error) {
	r.sum.Errors++
	r.notice("%v", err)
	if r.json != nil {
		r.keep(r.json.Error(path, err))
	}
}

// notice prints a line on stderr, below the progress bar's line.
func (r *fixRun) notice(format string, a ...any) {
	if r.progress != nil {
		r.progress.Clear()
	}
	if r.fileBar != nil {
		r.fileBar.clear()
	}
	fmt.Fprintf(r.s.Err, "unspin: "+format+"\n", a...)
}

// out is standard output; once a write to it has failed, nothing more is
// written and the error ends the run.
func (r *fixRun) out() io.Writer { return stickyWriter{r} }

type stickyWriter struct{ r *fixRun }

func (w stickyWriter) Write(p []byte) (int, error) {
	if w.r.err != nil {
		return 0, w.r.err
	}
	n, err := w.r.s.Out.Write(p)
	w.r.keep(err)
	return n, err
}

// keep records the first output error.
func (r *fixRun) keep(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

func (r *fixRun) finish() error {
	if r.json != nil {
		r.keep(r.json.Summary(r.sum))
	}
	if r.o.verbose {
		fmt.Fprintf(r.s.Err, "unspin: %s\n", r.sum)
	}
	switch {
	case r.err != nil:
		return fmt.Errorf("writing output: %w", r.err)
	case r.sum.Errors == 1:
		return fmt.Errorf("1 file could not be processed")
	case r.sum.Errors > 1:
		return fmt.Errorf("%d files could not be processed", r.sum.Errors)
	case r.found && r.reportMode():
		return errFound
	}
	return nil
}
