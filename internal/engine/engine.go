// Package engine builds a repairer from its settings and runs it over one
// document. It is the one construction path of the command line and of the
// public package at the module root, so that the two repair a document
// alike: same model, lexicon, learned tables, policy and decoder options,
// and the same treatment of a byte-order mark and of runs too long to be
// words.
package engine

import (
	"bytes"
	"fmt"

	"github.com/unspin/unspin/internal/jsonl"
	"github.com/unspin/unspin/internal/learn"
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/stream"
	"github.com/unspin/unspin/internal/text"
)

// Settings are what a repairer is built from.
type Settings struct {
	Model         string         // language model file; "" for the built-in model
	MinConfidence float64        // an edit is applied from this confidence (0-1)
	Candidates    int            // candidate originals a word, the word included (>= 1)
	Context       int            // context candidates a word may gain (repair.Options.Context)
	Decision      bool           // decide with the trained decision, not the posterior alone
	NoInfer       bool           // restore listed tortured phrases only, inferring no unlisted term
	Tables        *learn.Table   // learned pairs layered over the lexicon; nil for none
	Policy        *policy.Policy // the user's lists; nil for none
}

// Defaults are the settings of a run given no flag and no configuration.
func Defaults() Settings {
	o := repair.DefaultOptions()
	return Settings{MinConfidence: o.MinConfidence, Candidates: o.Candidates, Context: o.Context, Decision: true}
}

// Engine repairs documents. It is safe for concurrent use: the model, the
// lexicon and the policy are read only, and the repairer keeps its scratch
// space per call.
type Engine struct {
	rep *repair.Repairer
	pol *policy.Policy
}

// New loads the model and lexicon the settings name and builds the repairer.
// A setting out of range is an error naming it.
func New(s Settings) (*Engine, error) {
	switch {
	case s.MinConfidence < 0 || s.MinConfidence > 1:
		return nil, fmt.Errorf("min confidence %g: want a value from 0 to 1", s.MinConfidence)
	case s.Candidates < 1:
		return nil, fmt.Errorf("candidates %d: want at least 1", s.Candidates)
	case s.Context < 0:
		return nil, fmt.Errorf("context %d: want 0 or more", s.Context)
	}
	model, lex, err := ModelLexicon(s.Model, s.Candidates)
	if err != nil {
		return nil, err
	}
	opts := repair.OptionsFor(lex)
	opts.MinConfidence = s.MinConfidence
	opts.Context = s.Context
	if s.NoInfer {
		opts.Infer = nil
	}
	if s.Decision {
		if opts.Decision, err = repair.DefaultDecision(); err != nil {
			return nil, err
		}
	}
	var cands repair.Candidates = lex
	if s.Tables != nil {
		cands = learn.Layer(lex, s.Tables)
	}
	pol := s.Policy
	if pol == nil {
		pol = &policy.Policy{}
	}
	return &Engine{rep: repair.New(model, pol.Candidates(cands), opts), pol: pol}, nil
}

// ModelLexicon opens the model (the built-in one for "") and the built-in
// lexicon offering k candidates a word, proposing only words the model
// knows.
func ModelLexicon(path string, k int) (*lm.Binary, *lexicon.Lexicon, error) {
	model, err := OpenModel(path)
	if err != nil {
		return nil, nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, nil, err
	}
	return model, repair.LexiconFor(model, lex, k), nil
}

// OpenModel opens a binary model file, or the built-in model for "".
func OpenModel(path string) (*lm.Binary, error) {
	if path == "" {
		return lm.Default()
	}
	return lm.Open(path)
}

// Repairer is the decoder inside, for the commands that inspect its
// analysis rather than repair whole documents.
func (e *Engine) Repairer() *repair.Repairer { return e.rep }

// Policy is the policy every document's edits go through.
func (e *Engine) Policy() *policy.Policy { return e.pol }

// Propose returns the edits for src, repaired to a fixed point with the
// policy applied in every pass (see policy.Edits and repair.RepairWith).
func (e *Engine) Propose(src []byte) []repair.Edit {
	return e.rep.RepairWith(src, e.pol.Edits)
}

// Proposer returns the edits for src, with the policy applied: an Engine's
// Propose, or a stand-in in tests.
type Proposer func(src []byte) []repair.Edit

// Document returns the edits propose makes for a whole document, as the
// command line repairs a file: a UTF-8 byte-order mark is kept out of
// propose's sight, runs of non-space bytes too long to be words are masked
// (see stream.MaskLongRuns), and the edits are checked to fit src, so that a
// decoder bug is an error rather than damaged text.
func Document(propose Proposer, src []byte) ([]repair.Edit, error) {
	fn := func(src []byte) ([]repair.Edit, error) { return propose(src), nil }
	edits, err := AfterBOM(stream.MaskLongRuns(fn, stream.MaxRun))(src)
	if err != nil {
		return nil, err
	}
	if err := stream.Check(src, edits); err != nil {
		return nil, err
	}
	return edits, nil
}

// bom is the UTF-8 byte-order mark.
const bom = "\uFEFF"

// AfterBOM keeps a UTF-8 byte-order mark out of fn's sight, so that the
// first word is read as a word, and shifts the edits past it.
func AfterBOM(fn func([]byte) ([]repair.Edit, error)) func([]byte) ([]repair.Edit, error) {
	return func(src []byte) ([]repair.Edit, error) {
		if !bytes.HasPrefix(src, []byte(bom)) {
			return fn(src)
		}
		edits, err := fn(src[len(bom):])
		for i := range edits {
			edits[i].Start += len(bom)
			edits[i].End += len(bom)
		}
		return edits, err
	}
}

// Outcome is what repairing one document produced.
type Outcome struct {
	Text  []byte        // the document with the applied edits made
	Edits []repair.Edit // applied and suggested, in order of position
	Words int           // word tokens in the document
}

// Fixes and Suggestions count the applied and the suggested edits.
func (o Outcome) Fixes() int       { return o.count(true) }
func (o Outcome) Suggestions() int { return o.count(false) }

func (o Outcome) count(applied bool) int {
	n := 0
	for _, e := range o.Edits {
		if e.Applied == applied {
			n++
		}
	}
	return n
}

// Counts are the outcome's figures, as a JSON Lines record carries them.
func (o Outcome) Counts() jsonl.Counts {
	return jsonl.Counts{Words: o.Words, Fixes: o.Fixes(), Suggestions: o.Suggestions()}
}

// Repair repairs a whole document (see Document) and counts its words.
func Repair(propose Proposer, src []byte) (Outcome, error) {
	edits, err := Document(propose, src)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Text: repair.Apply(src, edits), Edits: edits, Words: CountWords(src)}, nil
}

// Record repairs the text of one JSON Lines record, a line without its
// line break, as Repair repairs a document, and rewrites the record in
// place (see jsonl.Rewrite); countsField, when not "", receives the counts.
func Record(propose Proposer, rec []byte, field, countsField string) ([]byte, Outcome, error) {
	var out Outcome
	fixed, _, err := jsonl.Rewrite(rec, field, countsField, func(text []byte) ([]byte, jsonl.Counts, error) {
		var err error
		out, err = Repair(propose, text)
		return out.Text, out.Counts(), err
	})
	return fixed, out, err
}

// CountWords counts the word tokens of src: the words a repairer reads,
// not the numbers, addresses or code around them.
func CountWords(src []byte) int {
	n := 0
	for _, t := range text.Tokenize(src) {
		if t.Kind == text.Word {
			n++
		}
	}
	return n
}
