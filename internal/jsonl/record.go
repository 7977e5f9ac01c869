// Package jsonl repairs corpora kept as JSON Lines, one document a line, as
// datatrove and dolma keep them: {"id": ..., "text": ..., "metadata": ...}.
// A record is rewritten in place: only the text field's value changes (and
// only when its text does), and a counts field may be added, so every other
// field keeps its bytes, its key order and its number formatting.
package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ErrBad is wrapped by every error that is about a record itself: not a
// JSON object, no text field, a text field that is not a string.
var ErrBad = errors.New("bad record")

// Counts are what the counts field of a record holds.
type Counts struct {
	Words       int `json:"words"`
	Fixes       int `json:"fixes"`
	Suggestions int `json:"suggestions"`
}

// RepairFunc repairs one document's text.
type RepairFunc func(text []byte) ([]byte, Counts, error)

// Rewrite returns rec with the string value of its field replaced by what
// repair makes of it and, when countsField is not "", the counts set under
// countsField (replacing a value already there, or added after the last
// member). rec is one line without its line break.
func Rewrite(rec []byte, field, countsField string, repair RepairFunc) ([]byte, Counts, error) {
	if field == countsField {
		return nil, Counts{}, fmt.Errorf("the counts field cannot be the text field %q", field)
	}
	obj, err := scan(rec)
	if err != nil {
		return nil, Counts{}, err
	}
	text, ok := obj.members[field]
	if !ok {
		return nil, Counts{}, badf("no field %q", field)
	}
	var doc string
	raw := rec[text.start:text.end]
	if raw[0] != '"' || json.Unmarshal(raw, &doc) != nil { // null would unmarshal
		return nil, Counts{}, badf("field %q is not a string", field)
	}
	fixed, counts, err := repair([]byte(doc))
	if err != nil {
		return nil, Counts{}, err
	}
	var edits []splice
	if string(fixed) != doc {
		edits = append(edits, splice{text, encode(string(fixed))})
	}
	if countsField != "" {
		c, _ := json.Marshal(counts)
		if old, ok := obj.members[countsField]; ok {
			edits = append(edits, splice{old, c})
		} else {
			sep := ","
			if len(obj.members) == 0 {
				sep = ""
			}
			member := sep + string(encode(countsField)) + ":" + string(c)
			edits = append(edits, splice{span{obj.last, obj.last}, []byte(member)})
		}
	}
	return apply(rec, edits), counts, nil
}

// Blank reports whether a line holds only white space: not a record, and
// dropped rather than reported.
func Blank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

func badf(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrBad, fmt.Sprintf(format, a...))
}

// span is the byte range of a member's value in the record.
type span struct{ start, end int }

// object is where the top-level members' values lie.
type object struct {
	members map[string]span
	last    int // end of the last member's value; just after "{" when empty
}

// scan finds the value of each top-level member of the object in rec. A
// key that appears twice is an error: which one counts is a guess.
func scan(rec []byte) (object, error) {
	dec := json.NewDecoder(bytes.NewReader(rec))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return object{}, badf("not a JSON object")
	}
	obj := object{members: map[string]span{}, last: int(dec.InputOffset())}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return object{}, badf("%v", err)
		}
		key := tok.(string) // Token yields only strings for keys
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return object{}, badf("%v", err)
		}
		end := int(dec.InputOffset())
		if _, dup := obj.members[key]; dup {
			return object{}, badf("key %q appears twice", key)
		}
		obj.members[key] = span{end - len(raw), end}
		obj.last = end
	}
	if _, err := dec.Token(); err != nil {
		return object{}, badf("%v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return object{}, badf("data after the JSON object")
	}
	return obj, nil
}

// encode is s as a JSON string, with <, > and & left as they are.
func encode(s string) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}

// splice replaces a span of the record.
type splice struct {
	at  span
	new []byte
}

// apply makes the splices, which do not overlap, in order of position.
func apply(rec []byte, edits []splice) []byte {
	slices.SortFunc(edits, func(a, b splice) int { return a.at.start - b.at.start })
	out := make([]byte, 0, len(rec)+64)
	last := 0
	for _, e := range edits {
		out = append(out, rec[last:e.at.start]...)
		out = append(out, e.new...)
		last = e.at.end
	}
	return append(out, rec[last:]...)
}
