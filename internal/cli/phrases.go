package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/stream"
)

type phrasesOptions struct {
	format string
	jobs   int
	repair repairOptions
}

const phrasesLong = `List the tortured phrases of each document.

Tortured phrases are technical terms whose words a paraphrasing tool swapped
for synonyms, the fingerprint of paper mills: "counterfeit consciousness" for
"artificial intelligence", "bosom peril" for "breast cancer". phrases reads
each file (directories are walked as fix walks them), or standard input as one
document, and prints every tortured phrase it finds with its position, its
likely original, where the phrase is known from and the confidence of the
original in its context:

  paper.txt:12:31: colossal information -> big data (PPS, 0.93)

Sources: "PPS", the tortured-phrase list of the Problematic Paper Screener
(Cabanac, Labbé, Magazinov), matched capitalised, plural or possessive too;
"spinner", phrases seen in spun news; "inferred", a span whose words, put back
through the word swaps learned from the list, spell a known term the language
model prefers in context (--infer=false: none). A listed phrase is shown
unless its confidence is below 0.2 (its context all but rules it out); an
inferred one only when its confidence reaches --min-confidence. After each
document with phrases comes a count line, "paper.txt: 2 tortured phrases".

--format json writes one JSON record a phrase:
  {"type":"phrase","path","line","column","offset","length","phrase",
   "original","source","confidence","alternatives":[{"word","confidence"}]}
one a document: {"type":"document","path","phrases"}, and a summary at the
end: {"type":"summary","documents","flagged","phrases","errors"}. Line and
column are 1-based; the column and offset count bytes.

--format github writes a GitHub Actions ::warning annotation a phrase, on
its line (and ::error on a file that cannot be read); --format sarif writes one SARIF 2.1.0 log for GitHub code
scanning, each phrase a result (rule tortured-phrase) with its likely
original as the fix. Both exit as json does.

To screen a PDF, extract its text first (pdftotext is in Debian's
poppler-utils): pdftotext paper.pdf - | unspin phrases
A word the layout hyphenated at a line end ("counter-\nfeit") is read whole
when the joined form is a word the language model knows and the hyphenated
form is not a likelier compound ("long-term" stays two parts).

Exit status: 0 when no document has a tortured phrase, 1 when one does, 2 on
usage, input/output or model errors.`

func newPhrasesCmd(s Streams) *cobra.Command {
	var o phrasesOptions
	cmd := &cobra.Command{
		Use:   "phrases [flags] [PATH...]",
		Short: "List the tortured phrases of documents (research-integrity screening)",
		Long:  phrasesLong,
		RunE:  func(_ *cobra.Command, args []string) error { return runPhrases(s, &o, args) },
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", `output format: "text", "json" (JSON Lines), "github" (workflow annotations) or "sarif" (SARIF 2.1.0, for code scanning)`)
	f.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "documents screened in parallel")
	o.repair.addFlags(f)
	return cmd
}

func runPhrases(s Streams, o *phrasesOptions, args []string) error {
	if o.format != "text" && o.format != "json" && !isCIFormat(o.format) {
		return usageError{fmt.Errorf("unknown --format %q (want text, json, github or sarif)", o.format)}
	}
	if o.jobs < 1 {
		return usageError{fmt.Errorf("-j %d: want at least 1", o.jobs)}
	}
	r, err := o.repair.load()
	if err != nil {
		return err
	}
	screen := r.Phrases
	out, format := recordsTo(s, o.format, ruleTortured)
	judge := func(path string, in io.Reader) (phrasesDocument, string, error) {
		found, skip, err := screenReader(in, checkWindow, screen)
		return phrasesDocument{path: path, found: found}, skip, err
	}
	return reportJudged(out, format, args, o.jobs, judge, &phrasesSummary{}, "some documents could not be screened")
}

// foundPhrase is one phrase of a document, placed in the whole document.
type foundPhrase struct {
	repair.Phrase     // offsets into the whole document
	line, column  int // 1-based; the column counts bytes
}

// screenReader screens the document read from in a window (of at least
// window bytes) at a time, as check reads it, and places each phrase in
// the whole document; or says why it is not text to screen.
func screenReader(in io.Reader, window int, screen func([]byte) []repair.Phrase) ([]foundPhrase, string, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(files.SniffLen)
	if err != nil && err != io.EOF {
		return nil, "", err
	}
	if skip := files.Sniff(head, err == io.EOF); skip != "" {
		return nil, skip, nil
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64<<10), stream.DefaultMax)
	sc.Split(stream.Split(window, stream.DefaultMax))
	var out []foundPhrase
	base, line, lineStart := 0, 1, 0 // window start, its line, and where that line starts
	for sc.Scan() {
		w := sc.Bytes()
		lines := render.NewLines(w)
		for _, p := range screen(w) {
			l, c := lines.Position(p.Start)
			if l == 1 {
				c += base - lineStart // the window began inside this line
			}
			p.Start, p.End = p.Start+base, p.End+base
			out = append(out, foundPhrase{Phrase: p, line: line + l - 1, column: c})
		}
		if nl := bytes.Count(w, []byte("\n")); nl > 0 {
			line += nl
			lineStart = base + bytes.LastIndexByte(w, '\n') + 1
		}
		base += len(w)
	}
	return out, "", sc.Err()
}
