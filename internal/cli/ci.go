package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/unspin/unspin/internal/render"
)

// The CI formats, --format github and --format sarif, of fix, check and
// phrases are made from the JSON Lines records of a run: ciWriter takes
// the place of standard output under the command's JSON writer, decodes
// each record and writes it again as a GitHub Actions workflow command
// or, once the summary arrives, as one SARIF 2.1.0 log for GitHub code
// scanning (ci_sarif.go). A fix or a tortured phrase is placed on its
// line; a spun document, which check judges as a whole, on its file.
// Positions are lines only: GitHub shows annotations by line, and SARIF
// columns would have to count UTF-16 units or code points where unspin
// counts bytes (SARIF regions carry the byte offset and length instead).

// ciRule is the kind of finding a command reports: a SARIF rule.
type ciRule struct {
	id, description string
}

var (
	ruleSpunWord     = ciRule{"spun-word", "Word probably swapped by a synonym spinner"}
	ruleTortured     = ciRule{"tortured-phrase", "Tortured phrase: a technical term whose words a paraphrasing tool swapped for synonyms"}
	ruleSpunDocument = ciRule{"spun-document", "Document probably run through a synonym spinner"}
)

// ciFinding is one record to annotate: a fix, a phrase or a spun document.
type ciFinding struct {
	path           string
	line           int // 0: the whole file
	offset, length int
	note           bool // a suggestion: ::notice, SARIF "note"
	title, message string
	replace        *string // the fix's replacement, if it has one
	original       string
}

type ciWriter struct {
	w        io.Writer
	sarif    bool
	rule     ciRule
	pending  bytes.Buffer // a record not yet ended by its newline
	findings []ciFinding
}

func newCIWriter(w io.Writer, format string, rule ciRule) *ciWriter {
	return &ciWriter{w: w, sarif: format == "sarif", rule: rule}
}

// isCIFormat reports whether format is one of the CI formats.
func isCIFormat(format string) bool { return format == "github" || format == "sarif" }

// recordsTo returns where a command writes its records and in which
// format: under a CI format, JSON Lines into a ciWriter for rule.
func recordsTo(s Streams, format string, rule ciRule) (Streams, string) {
	if !isCIFormat(format) {
		return s, format
	}
	s.Out = newCIWriter(s.Out, format, rule)
	return s, "json"
}

func (c *ciWriter) Write(p []byte) (int, error) {
	c.pending.Write(p)
	for {
		line, err := c.pending.ReadBytes('\n')
		if err != nil { // no newline yet: keep the start of the record
			c.pending.Reset()
			c.pending.Write(line)
			return len(p), nil
		}
		if err := c.record(line); err != nil {
			return 0, err
		}
	}
}

// record writes one JSON Lines record in the CI format.
func (c *ciWriter) record(line []byte) error {
	var head struct{ Type string }
	if err := json.Unmarshal(line, &head); err != nil {
		return err
	}
	var f ciFinding
	var err error
	switch head.Type {
	case "fix":
		f, err = fixFinding(line)
	case "phrase":
		f, err = phraseFinding(line)
	case "document":
		var ok bool
		if f, ok, err = documentFinding(line); !ok || err != nil {
			return err // a clean document, or phrases' count of one
		}
	case "error":
		var e render.ErrorRecord
		if err := json.Unmarshal(line, &e); err != nil {
			return err
		}
		return c.fileError(e.Path, e.Error)
	case "summary":
		if c.sarif {
			return c.writeSarif()
		}
		return nil
	default:
		return nil
	}
	if err != nil {
		return err
	}
	if c.sarif {
		c.findings = append(c.findings, f)
		return nil
	}
	return f.writeGitHub(c.w)
}

// fileError reports a file that could not be read or repaired: an ::error
// annotation on it. SARIF results are findings, and a notice on stderr
// already says it.
func (c *ciWriter) fileError(path, msg string) error {
	if c.sarif {
		return nil
	}
	_, err := fmt.Fprintf(c.w, "::error file=%s::%s\n", escapeProperty(filepath.ToSlash(path)), escapeData(msg))
	return err
}

// writeGitHub writes the finding as a workflow command: ::warning, or
// ::notice for a suggestion, on its line or, with none, on its file.
func (f ciFinding) writeGitHub(w io.Writer) error {
	level := "warning"
	if f.note {
		level = "notice"
	}
	at := "file=" + escapeProperty(filepath.ToSlash(f.path))
	if f.line > 0 {
		at += fmt.Sprintf(",line=%d", f.line)
	}
	_, err := fmt.Fprintf(w, "::%s %s,title=%s::%s\n", level, at, escapeProperty(f.title), escapeData(f.message))
	return err
}

func fixFinding(line []byte) (ciFinding, error) {
	var f render.FixRecord
	if err := json.Unmarshal(line, &f); err != nil {
		return ciFinding{}, err
	}
	kind := "fix"
	if !f.Applied {
		kind = "suggestion below --min-confidence"
	}
	return ciFinding{
		path: f.Path, line: f.Line, offset: f.Offset, length: f.Length, note: !f.Applied,
		title:   "unspin: " + f.Source,
		message: fmt.Sprintf("%q looks spun; the original is likely %q (confidence %.2f, %s)", f.Original, f.Replacement, f.Confidence, kind),
		replace: &f.Replacement, original: f.Original,
	}, nil
}

func phraseFinding(line []byte) (ciFinding, error) {
	var p phraseRecord
	if err := json.Unmarshal(line, &p); err != nil {
		return ciFinding{}, err
	}
	spun := strings.Join(strings.Fields(p.Phrase), " ")
	return ciFinding{
		path: p.Path, line: p.Line, offset: p.Offset, length: p.Length,
		title:   "unspin: tortured phrase (" + p.Source + ")",
		message: fmt.Sprintf("%q looks like a tortured phrase; the term is likely %q (%s, confidence %.2f)", spun, p.Original, p.Source, p.Confidence),
		replace: &p.Original, original: p.Phrase,
	}, nil
}

// documentFinding reads check's verdict on a document; ok is false for a
// clean one (and for phrases' per-document count, which has no verdict).
func documentFinding(line []byte) (f ciFinding, ok bool, err error) {
	var v checkVerdict
	if err := json.Unmarshal(line, &v); err != nil || !v.Spun {
		return ciFinding{}, false, err
	}
	var ex []string
	for _, e := range v.Examples {
		ex = append(ex, e.Spun+"→"+e.Original)
	}
	return ciFinding{
		path:  v.Path,
		title: "unspin: spun document",
		message: fmt.Sprintf("the document looks spun: score %.2f (spin rate %.0f%%, %.1f%% of %d words likely changed%s)",
			v.Score, 100*v.ContentRate, 100*v.Changed, v.Words, examplesText(ex)),
	}, true, nil
}

// escapeData and escapeProperty encode a workflow command's message and
// properties as the GitHub Actions runner decodes them.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
