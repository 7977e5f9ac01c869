package render

import (
	"encoding/json"
	"io"

	"github.com/unspin/unspin/internal/repair"
)

// FixRecord is one proposed fix, as a JSON Lines record of type "fix".
// Line and column are 1-based; the column counts bytes (see Lines.Position).
// Offset and length are in bytes of the input. Applied tells whether the fix
// is part of the repaired text (it reached the confidence threshold); the
// others are suggestions.
type FixRecord struct {
	Type         string        `json:"type"`
	Path         string        `json:"path"`
	Line         int           `json:"line"`
	Column       int           `json:"column"`
	Offset       int           `json:"offset"`
	Length       int           `json:"length"`
	Original     string        `json:"original"`
	Replacement  string        `json:"replacement"`
	Alternatives []Alternative `json:"alternatives"`
	Confidence   float64       `json:"confidence"`
	Source       string        `json:"source"`
	Applied      bool          `json:"applied"`
}

// Alternative is another candidate original with its posterior.
type Alternative struct {
	Word       string  `json:"word"`
	Confidence float64 `json:"confidence"`
}

// ErrorRecord reports a file that could not be processed.
type ErrorRecord struct {
	Type  string `json:"type"`
	Path  string `json:"path"`
	Error string `json:"error"`
}

// SummaryRecord closes a JSON Lines stream.
type SummaryRecord struct {
	Type string `json:"type"`
	Summary
}

// JSON writes JSON Lines records, one per line.
type JSON struct {
	enc *json.Encoder
}

// NewJSON returns a JSON Lines writer on w.
func NewJSON(w io.Writer) *JSON {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // quotes and ampersands in prose stay readable
	return &JSON{enc: enc}
}

// Fixes writes one "fix" record per edit of the file at path with content src.
func (j *JSON) Fixes(path string, src []byte, edits []repair.Edit) error {
	lines := NewLines(src)
	for _, e := range edits {
		if err := j.enc.Encode(fixRecord(path, lines, e)); err != nil {
			return err
		}
	}
	return nil
}

func fixRecord(path string, lines *Lines, e repair.Edit) FixRecord {
	line, col := lines.Position(e.Start)
	alts := make([]Alternative, 0, len(e.Alternatives))
	for _, a := range e.Alternatives {
		alts = append(alts, Alternative{Word: a.Word, Confidence: a.Confidence})
	}
	return FixRecord{
		Type: "fix", Path: path, Line: line, Column: col,
		Offset: e.Start, Length: e.End - e.Start,
		Original: e.From, Replacement: e.To, Alternatives: alts,
		Confidence: e.Confidence, Source: e.Source, Applied: e.Applied,
	}
}

// Error writes an "error" record.
func (j *JSON) Error(path string, err error) error {
	return j.enc.Encode(ErrorRecord{Type: "error", Path: path, Error: err.Error()})
}

// Summary writes the "summary" record.
func (j *JSON) Summary(s Summary) error {
	return j.enc.Encode(SummaryRecord{Type: "summary", Summary: s})
}
