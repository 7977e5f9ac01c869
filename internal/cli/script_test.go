package cli

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/unspin/unspin/internal/repair"
)

var update = flag.Bool("update", false, "rewrite the testscript files' expected output")

// exitFile is where the test build of the unspin command records its exit
// status, in the script's $WORK, for the exitcode script command.
const exitFile = ".unspin-exit"

// TestMain lets the test binary act as the unspin command inside scripts,
// with the fake repairer in place of the model.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"unspin": func() {
			testRepairFunc = fakeRepair
			code := Main()
			if work := os.Getenv("WORK"); work != "" {
				os.WriteFile(filepath.Join(work, exitFile), []byte(strconv.Itoa(code)), 0o644)
			}
			os.Exit(code)
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exitcode": cmdExitCode,
			"writeq":   cmdWriteQuoted,
			"mtime":    cmdMtime,
		},
	})
}

// cmdExitCode checks the exit status of the last unspin run: "exitcode 1".
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: exitcode N")
	}
	got := strings.TrimSpace(ts.ReadFile(filepath.Join(ts.Getenv("WORK"), exitFile)))
	if got != args[0] {
		ts.Fatalf("unspin exited with %s, want %s", got, args[0])
	}
}

// cmdMtime dates a file's modification time back by a duration, for the
// age of a leftover temporary file: mtime FILE 30m.
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: mtime FILE DURATION")
	}
	d, err := time.ParseDuration(args[1])
	ts.Check(err)
	t := time.Now().Add(-d)
	ts.Check(os.Chtimes(ts.MkAbs(args[0]), t, t))
}

// cmdWriteQuoted writes a file from a Go-quoted string, for content a txtar
// section cannot hold (CRLF, no final newline, invalid UTF-8):
// writeq crlf.txt "a\r\nb".
func cmdWriteQuoted(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: writeq FILE QUOTED")
	}
	content, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(content), 0o644))
}

// fakeFixes are the fake repairer's proposals: infantry->military is
// confident (applied), bottom->base is a suggestion, as the real decoder
// would rate "a infantry bottom".
var fakeFixes = map[string]struct {
	to      string
	conf    float64
	altConf float64
}{
	"infantry": {"military", 0.9, 0.05},
	"bottom":   {"base", 0.3, 0.25},
}

var fakeWord = regexp.MustCompile(`(?i)\b(infantry|bottom)\b`)

// fakeRepair proposes fakeFixes wherever the words occur, carrying the case
// of the first letter over. A text containing "slowly" takes longer, so that
// -j runs finish out of order.
func fakeRepair(src []byte) []repair.Edit {
	if strings.Contains(string(src), "slowly") {
		time.Sleep(50 * time.Millisecond)
	}
	var edits []repair.Edit
	for _, m := range fakeWord.FindAllIndex(src, -1) {
		from := string(src[m[0]:m[1]])
		f := fakeFixes[strings.ToLower(from)]
		to := f.to
		if unicode.IsUpper(rune(from[0])) {
			to = strings.ToUpper(to[:1]) + to[1:]
		}
		edits = append(edits, repair.Edit{
			Start: m[0], End: m[1], From: from, To: to,
			Confidence:   f.conf,
			Alternatives: []repair.Alternative{{Word: "troops", Confidence: f.altConf}},
			Source:       "fake",
			Applied:      f.conf >= 0.5,
		})
	}
	return edits
}
