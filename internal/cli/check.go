package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/stream"
)

type checkOptions struct {
	threshold float64
	format    string
	examples  int
	jobs      int
	repair    repairOptions
}

const checkLong = `Score each document for how likely it is to be spun.

check reads each file (directories are walked as fix walks them), or standard
input as one document, and prints a spun score between 0 and 1 with its
reasons: the estimated share of replaceable words the spinner replaced, the
share of words whose likely original differs, and the strongest examples.
It estimates from the decoder's fast match only, without decoding, and checks
-j documents at a time (one per core by default), reporting them in input
order. A document longer than a megabyte is read a window at a time, so that
one of any size is checked in bounded memory.

--format json writes one JSON record a document:
  {"type":"document","path","score","spun","words","content_rate",
   "function_rate","changed","examples":[{"spun","original","confidence"}]}
and a summary at the end: {"type":"summary","documents","spun","errors"}.
In text format the summary goes to standard error when it is a terminal.

--format github writes a GitHub Actions ::warning annotation on the file of
each spun document (and ::error on a file that cannot be read); --format sarif writes one SARIF 2.1.0 log for GitHub
code scanning, each spun document a result on its file's first line
(rule spun-document). Clean documents give neither. Both exit as json does.

To list the tortured phrases of scientific papers (paper-mill fingerprints),
use unspin phrases.

Exit status: 0 when no document scores above --threshold, 1 when one does,
2 on usage, input/output or model errors.`

func newCheckCmd(s Streams) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] [PATH...]",
		Short: "Tell spun documents from clean ones",
		Long:  checkLong,
		RunE:  func(_ *cobra.Command, args []string) error { return runCheck(s, &o, args) },
	}
	f := cmd.Flags()
	f.Float64Var(&o.threshold, "threshold", defaultThreshold, "report a document as spun above this score (0-1)")
	f.StringVar(&o.format, "format", "text", `output format: "text", "json" (JSON Lines), "github" (workflow annotations) or "sarif" (SARIF 2.1.0, for code scanning)`)
	f.IntVar(&o.examples, "examples", 3, "strongest examples shown per document")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "documents checked in parallel")
	o.repair.addFlags(f)
	return cmd
}

func runCheck(s Streams, o *checkOptions, args []string) error {
	if o.format != "text" && o.format != "json" && !isCIFormat(o.format) {
		return usageError{fmt.Errorf("unknown --format %q (want text, json, github or sarif)", o.format)}
	}
	if o.threshold < 0 || o.threshold > 1 {
		return usageError{errors.New("--threshold must be between 0 and 1")}
	}
	if o.jobs < 1 {
		return usageError{fmt.Errorf("-j %d: want at least 1", o.jobs)}
	}
	assess, err := o.assessor()
	if err != nil {
		return err
	}
	out, format := recordsTo(s, o.format, ruleSpunDocument)
	judge := func(path string, in io.Reader) (checkVerdict, string, error) {
		a, skip, err := assessReader(in, assess, o.examples)
		return verdictOf(path, a, o.threshold), skip, err
	}
	return reportJudged(out, format, args, o.jobs, judge, &checkSummary{}, "some documents could not be checked")
}

// judgedRecord is a verdict of check or phrases on one document.
type judgedRecord interface {
	write(w io.Writer, format string) error
	flagged() bool // the document is spun, or holds a tortured phrase
}

// judgedSummary counts a run's records, and the inputs that could not be read.
type judgedSummary[V judgedRecord] interface {
	add(V)
	unreadable(n int)
	write(s Streams, format string) error
}

// reportJudged judges the inputs, writes each record as it comes and the
// summary last, and returns check's and phrases' outcome: an error saying
// failure when an input could not be read or an output written, errFound
// when a record is flagged, or nil.
func reportJudged[V judgedRecord](out Streams, format string, args []string, jobs int, judge func(string, io.Reader) (V, string, error), sum judgedSummary[V], failure string) error {
	flagged, failed := false, false
	emit := func(v V) {
		flagged = flagged || v.flagged()
		sum.add(v)
		if err := v.write(out.Out, format); err != nil {
			failed = true
		}
	}
	errs, err := judgeInputs(out, args, jobs, judge, emit)
	if err != nil {
		return err
	}
	sum.unreadable(errs)
	failed = failed || errs > 0
	if err := sum.write(out, format); err != nil {
		failed = true
	}
	switch {
	case failed:
		return errors.New(failure)
	case flagged:
		return errFound
	}
	return nil
}

// checkFiles judges every readable file below args on jobs goroutines and
// emits the verdicts in input order, reporting unreadable files on stderr;
// it returns how many could not be read. check and phrases share it.
// judgeInputs judges standard input, when args is empty or "-", or else
// every file args name (checkFiles), and emits each verdict. Standard
// input that cannot be judged is the error; unreadable files are counted.
func judgeInputs[V any](s Streams, args []string, jobs int, judge func(string, io.Reader) (V, string, error), emit func(V)) (unreadable int, err error) {
	if len(args) > 0 && !(len(args) == 1 && args[0] == "-") {
		return checkFiles(s, args, jobs, judge, emit), nil
	}
	v, skip, err := judge(stdinName, readErrors{s.In})
	switch {
	case err != nil:
		return 0, err
	case skip != "":
		return 0, fmt.Errorf("standard input: %s", skip)
	}
	emit(v)
	return 0, nil
}

func checkFiles[V any](s Streams, args []string, jobs int, judge func(string, io.Reader) (V, string, error), emit func(V)) int {
	type result struct {
		verdict V
		skip    string // why the file is not text to check
		err     error
	}
	items := files.CollectWith(args, files.WalkOptions{OnSkip: func(path, reason string) {
		fmt.Fprintf(s.Err, "unspin: skipping %s: %s\n", path, reason)
	}})
	failed := 0
	var progress *render.Progress
	if s.ErrTTY && len(items) >= progressMin {
		progress = render.NewProgress(s.Err, len(items))
		defer progress.Clear()
	}
	files.Ordered(len(items), jobs, func(i int) result {
		it := items[i]
		if it.Err != nil {
			return result{err: it.Err}
		}
		f, err := os.Open(it.Path)
		if err != nil {
			return result{err: err}
		}
		defer f.Close()
		v, skip, err := judge(it.Path, f)
		if err != nil {
			err = fmt.Errorf("%s: %w", it.Path, err)
		}
		return result{verdict: v, skip: skip, err: err}
	}, func(i int, r result) {
		if progress != nil {
			progress.Clear() // the line below goes where the bar was
			defer progress.Step()
		}
		switch {
		case r.err != nil:
			fmt.Fprintf(s.Err, "unspin: %v\n", r.err)
			if cw, ok := s.Out.(*ciWriter); ok { // --format github: annotated too, as fix does
				cw.fileError(items[i].Path, r.err.Error())
			}
			failed++
		case r.skip == files.Binary:
			fmt.Fprintf(s.Err, "unspin: %s: binary file skipped\n", items[i].Path)
		case r.skip != "":
			fmt.Fprintf(s.Err, "unspin: skipping %s: %s\n", items[i].Path, r.skip)
		default:
			emit(r.verdict)
		}
	})
	return failed
}

// checkWindow is the least piece of a long document assessed at once. A
// shorter document is assessed whole; a longer one a piece at a time, cut
// at paragraph or sentence boundaries, and the pieces' evidence added up,
// so that a file of any size is checked in bounded memory (a lattice takes
// about 60 bytes for each byte of text).
const checkWindow = 1 << 20

// assessReader assesses the document read from in, or says why it is not
// text to check (files.Sniff's reasons). Text in another encoding than
// UTF-8 is decoded first.
func assessReader(in io.Reader, assess func([]byte) repair.Assessment, examples int) (repair.Assessment, string, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(files.SniffLen)
	if err != nil && err != io.EOF {
		return repair.Assessment{}, "", err
	}
	enc, skip := files.Detect(head, err == io.EOF)
	if skip != "" {
		return repair.Assessment{}, skip, nil
	}
	sc := bufio.NewScanner(enc.Reader(br))
	sc.Buffer(make([]byte, 0, 64<<10), stream.DefaultMax)
	sc.Split(stream.Split(checkWindow, stream.DefaultMax))
	var total repair.Assessment
	for first := true; sc.Scan(); first = false {
		a := assess(sc.Bytes())
		if first {
			total = a
		} else {
			total.Add(a, examples)
		}
	}
	return total, "", sc.Err()
}

// testAssessFunc replaces the model-backed assessment in tests.
var testAssessFunc func(src []byte) repair.Assessment

func (o *checkOptions) assessor() (func([]byte) repair.Assessment, error) {
	if testAssessFunc != nil {
		return testAssessFunc, nil
	}
	r, err := o.repair.load()
	if err != nil {
		return nil, err
	}
	return func(src []byte) repair.Assessment { return r.Assess(src, o.examples) }, nil
}
