package unspin

import (
	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/jsonl"
)

// ErrBadRecord is wrapped by the errors of RepairRecord that are about the
// record itself: not one JSON object, no text field, a text field that is
// not a string. A pipeline may count and skip such records.
var ErrBadRecord = jsonl.ErrBad

// RecordOptions say where a JSON record keeps its text and its counts.
type RecordOptions struct {
	// Field is the member holding the document's text; "" means "text",
	// the convention of datatrove and dolma.
	Field string
	// CountsField, when not "", is the member set to the repair's counts:
	// {"words":N,"fixes":N,"suggestions":N}.
	CountsField string
}

// RepairRecord repairs the text of one JSON Lines record, a JSON object
// without its line break, and returns the record rewritten in place: only
// the text's value changes, and only when the text does, besides the counts
// member; every other member keeps its bytes and its place. The text is
// repaired as Repair repairs it.
func (r *Repairer) RepairRecord(record []byte, o RecordOptions) ([]byte, Result, error) {
	if o.Field == "" {
		o.Field = "text"
	}
	rewritten, out, err := engine.Record(r.eng.Propose, record, o.Field, o.CountsField)
	if err != nil {
		return nil, Result{}, err
	}
	return rewritten, result(out), nil
}
