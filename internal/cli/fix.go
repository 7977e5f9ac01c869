package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/repair"
)

// fixOptions are the flags of fix, and of diff (which is fix -d).
type fixOptions struct {
	repair  repairOptions
	write   bool      // -w: rewrite files in place
	list    bool      // -l: list files that would change
	diff    bool      // -d: print a unified diff
	check   bool      // --check: exit status only
	format  string    // text, json, github or sarif
	suggest bool      // also show edits below the threshold (-d, json)
	verbose bool      // -v: one-line summary on stderr
	jobs    int       // -j: files repaired in parallel
	follow  bool      // --follow-symlinks: take links to files met while walking
	color   colorFlag // --color: colour diffs

	resolver *resolver // configurations and repairers, per file

	corpus corpusOptions // --input-format jsonl and its flags (fix_jsonl.go)
}

// testRepairFunc replaces the model-backed repairer when set. It exists for
// tests only, so that the command's behaviour is checked with a fake that
// proposes known edits, independently of the model.
var testRepairFunc func(src []byte) []repair.Edit

// stdinName stands for standard input in listings, diffs and JSON records.
const stdinName = "<stdin>"

const fixLong = `Repair synonym-spun text.

With no path, or "-", fix reads standard input and writes the repaired text to
standard output. Paths may be files or directories; directories are walked in
lexical order, skipping hidden files and directories, what .gitignore files
ignore, and binary files (a notice on stderr). Without -w, -l, -d or --check
the repaired content of each file is printed on standard output.

Only fixes whose confidence reaches --min-confidence are applied; the others
are suggestions, shown by -d and --format json with --suggest.

A word hyphenated at a line end, as pdftotext prints it ("counter-\nfeit"),
is read whole when the joined form is a word the language model knows and
not a likelier compound ("long-term"). Left alone it keeps its bytes; a fix
writes the replacement whole and keeps the line break after the word (in
place of the space that follows it), or joins the lines when no space does.

--format github writes a GitHub Actions annotation a fix (::warning, or
::notice for a suggestion) and ::error a file that failed; --format sarif
writes one SARIF 2.1.0 log for GitHub code scanning, each fix a result with
its replacement. Both exit 1 when there is something to fix, as json does.

JSON Lines output (--format json) has one record per fix:
  {"type":"fix","path","line","column","offset","length","original",
   "replacement","alternatives":[{"word","confidence"}],"confidence",
   "source","applied"}
then {"type":"error","path","error"} for each file that failed and a final
{"type":"summary","files","changed","fixes","suggestions","skipped","errors"}.
Line and column are 1-based; the column, offset and length count bytes.

Exit status: 0 when there is nothing to fix or everything was fixed with -w;
1 when fixes were found and not written (-l, -d, --check, --format json);
2 on usage, input/output or model errors. A file that cannot be read is
reported on stderr and the others are still processed.`

func newFixCmd(s Streams) *cobra.Command {
	o := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix [flags] [PATH...]",
		Short: "Repair spun text: stdin to stdout, or files and directories",
		Long:  fixLong,
		RunE:  func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	f := cmd.Flags()
	f.BoolVarP(&o.write, "write", "w", false, "rewrite files in place instead of printing them")
	f.BoolVarP(&o.list, "list", "l", false, "list the files that would change")
	f.BoolVarP(&o.diff, "diff", "d", false, "print a unified diff of the fixes")
	f.BoolVar(&o.check, "check", false, "print nothing; exit 1 if any file would change")
	f.StringVar(&o.format, "format", "text", `output format: "text", "json" (JSON Lines), "github" (workflow annotations) or "sarif" (SARIF 2.1.0, for code scanning)`)
	o.addCommonFlags(cmd)
	o.corpus.addFlags(f)
	cmd.Long += "\n" + jsonlHelp
	return cmd
}

// addCommonFlags registers the flags fix and diff share.
func (o *fixOptions) addCommonFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.repair.addFlags(f)
	f.BoolVar(&o.suggest, "suggest", false, "also show suggestions below --min-confidence (with -d or --format json)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print a summary on stderr")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files repaired in parallel")
	o.color.add(f, "colour the diff of -d")
	f.BoolVar(&o.follow, "follow-symlinks", false, "repair the files that symbolic links met while walking point to, even outside the tree")
}

// validate rejects contradictory flags before any work is done.
func (o *fixOptions) validate(args []string) error {
	usage := func(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }
	if err := o.color.validate(); err != nil {
		return err
	}
	switch o.format {
	case "text", "json", "github", "sarif":
	default:
		return usage("--format %q: want text, json, github or sarif", o.format)
	}
	records := o.format != "text" // a format made of fix records
	if len(args) > 1 {
		for _, a := range args {
			if a == "-" {
				return usage(`"-" (standard input) cannot be mixed with paths`)
			}
		}
	}
	switch {
	case o.write && isStdin(args):
		return usage("-w: cannot rewrite standard input; name the files to fix")
	case o.check && (o.write || o.list || o.diff || records):
		return usage("--check prints nothing and writes nothing: it cannot be combined with -w, -l, -d or --format")
	case records && (o.list || o.diff):
		return usage("--format %s replaces -l and -d", o.format)
	case o.suggest && !o.diff && !records:
		return usage("--suggest needs -d or --format json; lower --min-confidence to apply suggestions")
	case o.jobs < 1:
		return usage("-j %d: want at least 1", o.jobs)
	}
	return nil
}

func isStdin(args []string) bool {
	return len(args) == 0 || len(args) == 1 && args[0] == "-"
}

// repairFunc returns what proposes the edits of each file: the repairer of
// the configuration that governs it (or the test fake), the policy applied.
func (o *fixOptions) repairFunc() func(string, []byte) ([]repair.Edit, error) {
	o.resolver = newResolver(&o.repair)
	return func(path string, src []byte) ([]repair.Edit, error) {
		st, err := o.resolver.forPath(path)
		if err != nil {
			return nil, err
		}
		return st.propose(src), nil
	}
}

// included drops the files found in directories that their configuration
// excludes; the paths named on the command line stay.
func (o *fixOptions) included(items []files.Item, args []string) []files.Item {
	return excludeItems(o.resolver, items, args)
}

func (o *fixOptions) run(s Streams, args []string) error {
	if err := o.validate(args); err != nil {
		return err
	}
	if err := o.corpus.validate(o); err != nil {
		return err
	}
	if o.corpus.format == "jsonl" {
		return o.runJSONL(s, args)
	}
	fn := o.repairFunc()
	if _, err := o.resolver.forPath(firstPath(args)); err != nil {
		return err // a model or configuration error fails the run, not each file
	}
	r := newFixRun(o, s, fn)
	if isStdin(args) {
		r.stdin()
	} else {
		r.paths(args)
	}
	return r.finish()
}
