package cli

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/review"
)

type reviewOptions struct {
	repair  repairOptions
	suggest bool // also review the fixes below the threshold
	color   colorFlag
	keys    string // read the answers from this file, one a line
}

const reviewLong = `Review the proposed fixes one by one, as git add -p reviews hunks, and
write the accepted ones.

Each fix is shown in its sentence, the change marked (in colour on a terminal,
else as [-old-]{+new+}), with its confidence, the source of the candidate and
the alternatives. Answer with one key:
  y accept            n reject          a accept the rest of this file
  d reject the rest of this file        1-9 accept that alternative
  e type the replacement                u undo the last answer in this file
  A accept this pair everywhere from now on (appended to the denylist)
  N never propose this pair again (appended to the allowlist)
  q quit, writing what was accepted     ? help
Ctrl-C interrupts: the file under review is not written (those finished
before were), exit status 130.

Keys are read from the terminal one press at a time. When standard input is
not a terminal, answers are read from it one a line (the first character of
each line), so a review can be scripted; --keys FILE reads them from a file.
The end of the answers quits as q does. Prompts go to standard error.

Files are rewritten safely, as by fix -w. With no path, or "-", the text is
read from standard input, the answers from the terminal (or --keys), and the
reviewed text is written to standard output.

Only fixes that fix would apply are reviewed; --suggest adds those below
--min-confidence. The lists A and N append to are the allow and deny files of
the configuration (default .unspin-allow.txt and .unspin-deny.txt beside the
.unspin.toml, or in the working directory when there is none).`

func newReviewCmd(s Streams) *cobra.Command {
	o := &reviewOptions{}
	cmd := &cobra.Command{
		Use:   "review [flags] [PATH...]",
		Short: "Accept or reject each proposed fix interactively",
		Long:  reviewLong,
		RunE:  func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	f := cmd.Flags()
	o.repair.addFlags(f)
	f.BoolVar(&o.suggest, "suggest", false, "also review the suggestions below --min-confidence")
	o.color.add(f, "mark changes in colour")
	f.StringVar(&o.keys, "keys", "", "read the answers from this file, one a line, instead of the terminal")
	return cmd
}

func (o *reviewOptions) run(s Streams, args []string) error {
	if err := o.color.validate(); err != nil {
		return err
	}
	if len(args) > 1 && !isStdin(args[:1]) && containsStdin(args) {
		return usageError{fmt.Errorf(`"-" (standard input) cannot be mixed with paths`)}
	}
	keys, err := o.openKeys(s, isStdin(args))
	if err != nil {
		return err
	}
	restore := sync.OnceFunc(keys.close)
	defer restore()
	r := &reviewRun{o: o, s: s, rs: newResolver(&o.repair)}
	r.guard = guardInterrupts(keys.ui, restore)
	defer r.guard.stop()
	r.sess = review.New(review.Options{UI: keys.ui, Keys: keys.keys, Color: o.color.on(s.ErrTTY)})
	if isStdin(args) {
		err = r.stdin()
	} else {
		err = r.paths(args)
	}
	fmt.Fprintf(keys.ui, "unspin: %d of %d fixes accepted (%d asked), %d %s written\n",
		r.sess.Accepted, r.proposed, r.sess.Shown, r.written, plural(r.written, "file", "files"))
	if errors.Is(err, review.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

func containsStdin(args []string) bool {
	for _, a := range args {
		if a == "-" {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// reviewRun is one execution of review.
type reviewRun struct {
	o        *reviewOptions
	s        Streams
	rs       *resolver
	sess     *review.Session
	written  int
	proposed int // fixes put to the review, asked or decided by an earlier answer
	lists    listAppender
	guard    *interruptGuard
}

func (r *reviewRun) stdin() error {
	src, err := io.ReadAll(r.s.In)
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	acc, err := r.file(stdinName, "", src)
	if err != nil {
		return err
	}
	_, err = r.s.Out.Write(repair.Apply(src, acc))
	return err
}

func (r *reviewRun) paths(args []string) error {
	var failed int
	for _, it := range excludeItems(r.rs, files.Collect(args), args) {
		if r.sess.Quit() {
			break
		}
		err := r.path(it)
		if errors.Is(err, review.ErrInterrupted) {
			return err
		}
		if err != nil {
			fmt.Fprintf(r.s.Err, "unspin: %v\n", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d %s could not be reviewed", failed, plural(failed, "file", "files"))
	}
	return nil
}

// path reviews one file and writes it when a fix was accepted.
func (r *reviewRun) path(it files.Item) error {
	if it.Err != nil {
		return it.Err
	}
	f, err := files.Read(it.Path)
	if err != nil {
		return err
	}
	enc, reason := files.Detect(f.Data, true)
	if reason != "" {
		fmt.Fprintf(r.s.Err, "unspin: skipping %s: %s\n", it.Path, reason)
		return nil
	}
	src, err := enc.Decode(f.Data)
	if err != nil {
		return fmt.Errorf("%s: %w", it.Path, err)
	}
	acc, err := r.file(it.Path, it.Path, src)
	if err != nil || len(acc) == 0 {
		return err
	}
	if err := r.guard.write(func() error { return writeEncoded(f, enc, repair.Apply(src, acc)) }); err != nil {
		return err
	}
	r.written++
	return nil
}

// file proposes the fixes of one text, reviews them and stores the pairs
// answered with A or N in the lists of the text's configuration.
func (r *reviewRun) file(name, path string, src []byte) ([]repair.Edit, error) {
	st, err := r.rs.forPath(path)
	if err != nil {
		return nil, err
	}
	edits := st.propose(src)
	if err := checkEdits(src, edits); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	shown := render.Select(edits, r.o.suggest)
	if !r.sess.Quit() {
		r.proposed += len(shown)
	}
	acc, err := r.sess.File(name, src, shown)
	if err != nil {
		return nil, err
	}
	return acc, r.lists.store(r.sess, st)
}
