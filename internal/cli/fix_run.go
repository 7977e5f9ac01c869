package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
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
	json     *render.JSON // nil unless --format json
	progress *render.Progress
	sum      render.Summary
	found    bool  // something to fix was found (news in a report mode)
	err      error // first output error: stdout is gone, stop writing
}

// result is what repairing one input produced.
type result struct {
	path   string
	src    []byte
	edits  []repair.Edit // every proposed edit, applied or not
	fixed  []byte        // src with the applied edits made
	stdin  bool
	binary bool
	err    error
}

// newFixRun prepares a run; fn proposes the edits of one input, given its
// path because files under different configurations repair differently.
func newFixRun(o *fixOptions, s Streams, fn func(string, []byte) ([]repair.Edit, error)) *fixRun {
	r := &fixRun{o: o, s: s, repair: fn}
	if o.format == "json" {
		r.json = render.NewJSON(r.out())
	}
	return r
}

func (r *fixRun) stdin() {
	src, err := io.ReadAll(r.s.In)
	if err != nil {
		r.emit(result{path: stdinName, err: fmt.Errorf("reading standard input: %w", err)})
		return
	}
	r.emit(r.repairBytes(result{path: stdinName, src: src, stdin: true}))
}

func (r *fixRun) paths(args []string) {
	items := r.o.included(files.Collect(args), args)
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

// repairFile runs in a worker: read, repair and, with -w, write one file.
func (r *fixRun) repairFile(it files.Item) result {
	if it.Err != nil {
		return result{path: it.Path, err: it.Err}
	}
	f, err := files.Read(it.Path)
	if err != nil {
		return result{path: it.Path, err: err}
	}
	res := r.repairBytes(result{path: it.Path, src: f.Data})
	if r.o.write && res.err == nil && !res.binary && !bytes.Equal(res.fixed, res.src) {
		res.err = f.Write(res.fixed)
	}
	return res
}

func (r *fixRun) repairBytes(res result) result {
	if files.IsBinary(res.src) {
		res.binary = true
		return res
	}
	var err error
	if res.edits, err = r.repair(res.path, res.src); err != nil {
		res.err = err
		return res
	}
	if err := checkEdits(res.src, res.edits); err != nil {
		res.err = fmt.Errorf("%s: %w", res.path, err)
		return res
	}
	res.fixed = repair.Apply(res.src, res.edits)
	return res
}

// checkEdits makes sure the edits fit the text they were proposed for, so
// that a decoder bug fails one file instead of crashing the run or writing a
// damaged file with -w.
func checkEdits(src []byte, edits []repair.Edit) error {
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

// emit reports one result; it runs on the calling goroutine, in input order.
func (r *fixRun) emit(res result) {
	switch {
	case res.err != nil:
		r.fail(res.path, res.err)
	case res.binary:
		r.sum.Skipped++
		r.notice("skipping binary file %s", res.path)
		if res.stdin && r.filterMode() {
			r.out().Write(res.src) // a filter passes what it cannot repair
		}
	default:
		r.report(res)
	}
}

func (r *fixRun) report(res result) {
	changed := !bytes.Equal(res.fixed, res.src)
	r.sum.Files++
	if changed {
		r.sum.Changed++
	}
	for _, e := range res.edits {
		if e.Applied {
			r.sum.Fixes++
		} else {
			r.sum.Suggestions++
		}
	}
	shown := render.Select(res.edits, r.o.suggest)
	r.found = r.found || changed || r.o.diff && len(shown) > 0
	out := r.out()
	switch {
	case r.o.check:
	case r.json != nil:
		r.keep(r.json.Fixes(res.path, res.src, shown))
	default:
		if r.o.list && changed {
			fmt.Fprintln(out, res.path)
		}
		if r.o.diff {
			r.diff(res, shown)
		}
		if r.filterMode() {
			out.Write(res.fixed)
		}
	}
}

// diff prints the diff of one file. It is built in memory first so that an
// error there (edits the diff cannot express) fails the file, not the output.
func (r *fixRun) diff(res result, shown []repair.Edit) {
	var b bytes.Buffer
	oldName, newName := render.DiffNames(res.path)
	if err := render.Diff(&b, oldName, newName, res.src, shown); err != nil {
		r.fail(res.path, err)
		return
	}
	r.out().Write(b.Bytes())
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
