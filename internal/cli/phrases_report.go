package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/unspin/unspin/internal/render"
)

// phrasesDocument is what phrases found in one document.
type phrasesDocument struct {
	path  string
	found []foundPhrase
}

// phraseRecord is one tortured phrase as a JSON Lines record.
type phraseRecord struct {
	Type         string               `json:"type"`
	Path         string               `json:"path"`
	Line         int                  `json:"line"`
	Column       int                  `json:"column"`
	Offset       int                  `json:"offset"`
	Length       int                  `json:"length"`
	Phrase       string               `json:"phrase"`
	Original     string               `json:"original"`
	Source       string               `json:"source"`
	Confidence   float64              `json:"confidence"`
	Alternatives []render.Alternative `json:"alternatives"`
}

type phrasesCount struct {
	Type    string `json:"type"`
	Path    string `json:"path"`
	Phrases int    `json:"phrases"`
}

// write prints the document's phrases, then its count: in text format
// only for a document with phrases, so that a clean corpus prints nothing.
func (d phrasesDocument) flagged() bool { return len(d.found) > 0 }

func (d phrasesDocument) write(w io.Writer, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, p := range d.found {
			rec := phraseRecord{
				Type: "phrase", Path: d.path, Line: p.line, Column: p.column, Offset: p.Start, Length: p.End - p.Start,
				Phrase: p.Spun, Original: p.Original, Source: p.Source, Confidence: p.Confidence,
				Alternatives: []render.Alternative{},
			}
			for _, a := range p.Alternatives {
				rec.Alternatives = append(rec.Alternatives, render.Alternative{Word: a.Word, Confidence: a.Confidence})
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return enc.Encode(phrasesCount{Type: "document", Path: d.path, Phrases: len(d.found)})
	}
	for _, p := range d.found {
		spun := strings.Join(strings.Fields(p.Matched), " ") // one line, though the phrase broke across two
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s -> %s (%s, %.2f)\n", d.path, p.line, p.column, spun, p.Original, p.Source, p.Confidence); err != nil {
			return err
		}
	}
	if len(d.found) == 0 {
		return nil
	}
	_, err := fmt.Fprintf(w, "%s: %d tortured %s\n", d.path, len(d.found), plural(len(d.found), "phrase", "phrases"))
	return err
}

// phrasesSummary counts a run's documents and phrases.
type phrasesSummary struct {
	Type      string `json:"type"`
	Documents int    `json:"documents"`
	Flagged   int    `json:"flagged"` // documents with a phrase
	Phrases   int    `json:"phrases"`
	Errors    int    `json:"errors"` // documents that could not be read
}

func (c *phrasesSummary) unreadable(n int) { c.Errors += n }

func (c *phrasesSummary) add(d phrasesDocument) {
	c.Documents++
	c.Phrases += len(d.found)
	if len(d.found) > 0 {
		c.Flagged++
	}
}

// write prints the summary as the last JSON record, or in text format as a
// line on a terminal's stderr.
func (c phrasesSummary) write(s Streams, format string) error {
	if format == "json" {
		c.Type = "summary"
		return writeRecord(s.Out, c)
	}
	if s.ErrTTY && c.Documents+c.Errors > 1 {
		fmt.Fprintf(s.Err, "unspin: %d tortured phrases in %d of %d documents", c.Phrases, c.Flagged, c.Documents)
		if c.Errors > 0 {
			fmt.Fprintf(s.Err, ", %d unreadable", c.Errors)
		}
		fmt.Fprintln(s.Err)
	}
	return nil
}
