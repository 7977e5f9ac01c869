package unspin

import (
	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/repair"
)

// Result is what repairing one text produced.
type Result struct {
	// Text is the input with the applied fixes made.
	Text string
	// Fixes are the applied fixes and the suggestions, in order of
	// position, none overlapping another.
	Fixes []Fix
	// Words is the number of word tokens in the input: the words a
	// repairer reads, not the numbers, addresses or code around them.
	Words int
}

// Applied counts the fixes made in Text; Suggested, those left out.
func (r Result) Applied() int   { return r.count(true) }
func (r Result) Suggested() int { return r.count(false) }

func (r Result) count(applied bool) int {
	n := 0
	for _, f := range r.Fixes {
		if f.Applied == applied {
			n++
		}
	}
	return n
}

// Fix is one word (or phrase) the repairer would change.
type Fix struct {
	// Start and End are the byte offsets of Original in the input.
	Start, End int
	// Original is the input's text there; Replacement what it would be,
	// in the same case.
	Original, Replacement string
	// Confidence is the probability that Replacement is right.
	Confidence float64
	// Alternatives are the other replacements considered, most likely
	// first.
	Alternatives []Alternative
	// Source names where the candidate came from: "swap" (the table of
	// known spinner swaps), "thesaurus", "morphology", "synonym",
	// "spelling", "phrase", "learned" (a learned table), "context" or
	// "denylist".
	Source string
	// Applied is true for a fix made in Result.Text, false for a
	// suggestion below the minimum confidence.
	Applied bool
}

// Alternative is another replacement considered for a fix.
type Alternative struct {
	Word       string
	Confidence float64
}

// Repair repairs text, as one document: the spin rate the repairer assumes
// is estimated over all of it. The error is not about the text, which any
// string is fit for, but a fault of the repairer's own that would
// otherwise damage it.
func (r *Repairer) Repair(text string) (Result, error) {
	out, err := engine.Repair(r.eng.Propose, []byte(text))
	if err != nil {
		return Result{}, err
	}
	return result(out), nil
}

func result(out engine.Outcome) Result {
	res := Result{Text: string(out.Text), Words: out.Words, Fixes: make([]Fix, len(out.Edits))}
	for i, e := range out.Edits {
		res.Fixes[i] = fix(e)
	}
	return res
}

func fix(e repair.Edit) Fix {
	f := Fix{Start: e.Start, End: e.End, Original: e.From, Replacement: e.To,
		Confidence: e.Confidence, Source: e.Source, Applied: e.Applied}
	for _, a := range e.Alternatives {
		f.Alternatives = append(f.Alternatives, Alternative{a.Word, a.Confidence})
	}
	return f
}
