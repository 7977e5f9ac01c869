// Package repair decodes spun text back to its likely original and turns the
// decoder's posteriors into edits.
package repair

import (
	"math"
	"sync"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// Options tune the decoder and the policy that turns posteriors into edits.
type Options struct {
	// MinConfidence is the posterior an edit needs to be applied; edits
	// below it are suggestions.
	MinConfidence float64
	// SuggestFloor is the posterior below which an edit is not even
	// suggested.
	SuggestFloor float64
	// Beam is the most language-model states kept after each word.
	Beam int
	// ChannelWeight scales the channel's log probability against the
	// language model's.
	ChannelWeight float64
	// Scale flattens (<1) or sharpens (>1) posteriors.
	Scale float64
}

// DefaultOptions are the measured defaults (see the README's quality table).
func DefaultOptions() Options {
	return Options{
		MinConfidence: 0.5,
		SuggestFloor:  0.2,
		Beam:          16,
		ChannelWeight: 1,
		Scale:         1,
	}
}

// Candidates proposes the possible originals of one word token given as it
// appears in the text, the spun word first (the lexicon does this).
type Candidates interface {
	Candidates(word string) []lexicon.Candidate
}

// Repairer proposes edits for a text. It is safe for concurrent use.
type Repairer struct {
	model lm.Model
	lex   Candidates
	opts  Options
	pool  sync.Pool // *sentenceWork
}

// New returns a Repairer deciding with model and proposing with lex.
func New(model lm.Model, lex Candidates, opts Options) *Repairer {
	r := &Repairer{model: model, lex: lex, opts: opts}
	r.pool.New = func() any {
		return &sentenceWork{dec: newDecoder(model, opts.Beam, opts.Scale)}
	}
	return r
}

// Options returns the options the repairer runs with.
func (r *Repairer) Options() Options { return r.opts }

// sentenceWork is the scratch space for one sentence.
type sentenceWork struct {
	dec   *decoder
	slots []slot
	words []position
	norm  []byte
}

// position links a slot to its token and its lexicon candidates.
type position struct {
	tok   int
	cands []lexicon.Candidate
}

// Repair returns every proposed edit in src, in order of position, with
// Applied set on those that pass the policy.
func (r *Repairer) Repair(src []byte) []Edit {
	toks := text.Tokenize(src)
	sents := text.Sentences(src, toks)
	w := r.pool.Get().(*sentenceWork)
	defer r.pool.Put(w)
	var edits []Edit
	for _, s := range sents {
		edits = r.sentence(w, src, toks, s, edits)
	}
	return edits
}

// sentence decodes one sentence and appends its edits.
func (r *Repairer) sentence(w *sentenceWork, src []byte, toks []text.Token, s text.Sentence, edits []Edit) []Edit {
	w.slots, w.words = w.slots[:0], w.words[:0]
	changeable := 0
	for i := s.Start; i < s.End; i++ {
		t := toks[i]
		if !t.IsWord() && t.Kind != text.Number {
			continue
		}
		cands := r.candidates(src, toks, i)
		if len(cands) > 1 {
			changeable++
		}
		w.words = append(w.words, position{tok: i, cands: cands})
		w.slots = append(w.slots, r.slot(w, src, t, cands))
	}
	if changeable == 0 {
		return edits
	}
	post := w.dec.posteriors(w.slots)
	for k, p := range w.words {
		if e, ok := r.edit(src, toks, p, post[k]); ok {
			edits = append(edits, e)
		}
	}
	return edits
}

// candidates are the lexicon's proposals for word token i, or only the word
// itself where it must not change.
func (r *Repairer) candidates(src []byte, toks []text.Token, i int) []lexicon.Candidate {
	t := toks[i]
	surface := string(src[t.Start:t.End])
	if t.Protected() || t.Kind != text.Word {
		return []lexicon.Candidate{{Word: text.Norm(surface)}}
	}
	return r.lex.Candidates(surface)
}

// slot turns lexicon candidates into lattice options: model ids and weighted
// natural-log channel scores. The spun word itself is scored in its
// language-model form even when the lexicon has nothing to offer.
func (r *Repairer) slot(w *sentenceWork, src []byte, t text.Token, cands []lexicon.Candidate) slot {
	var s slot
	for j, c := range cands {
		var id lm.WordID
		if j == 0 {
			w.norm = text.AppendLM(w.norm[:0], src, t)
			id = r.model.ID(string(w.norm))
		} else {
			id = r.model.ID(c.Word)
		}
		s.opts = append(s.opts, option{id: id, channel: r.opts.ChannelWeight * c.Channel * ln10})
	}
	return s
}

// edit applies the policy to one position: propose the candidate with the
// highest posterior when it is not the spun word.
func (r *Repairer) edit(src []byte, toks []text.Token, p position, post []float64) (Edit, bool) {
	best := 0
	for j := range post {
		if post[j] > post[best] {
			best = j
		}
	}
	if best == 0 || post[best] < r.opts.SuggestFloor {
		return Edit{}, false
	}
	t := toks[p.tok]
	from := string(src[t.Start:t.End])
	shape := text.ShapeAt(src, toks, p.tok)
	e := Edit{
		Start: t.Start, End: t.End,
		From:       from,
		To:         text.ApplyShape(shape, p.cands[best].Word),
		Confidence: post[best],
		Source:     p.cands[best].Source.String(),
		Applied:    post[best] >= r.opts.MinConfidence,
	}
	for j, c := range p.cands {
		if j != best && post[j] >= 0.01 {
			e.Alternatives = append(e.Alternatives, Alternative{Word: text.ApplyShape(shape, c.Word), Confidence: round(post[j])})
		}
	}
	return e, true
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// Apply returns src with the applied edits made. Edits must be sorted and must
// not overlap; bytes outside them are copied unchanged.
func Apply(src []byte, edits []Edit) []byte {
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		if !e.Applied {
			continue
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.To...)
		last = e.End
	}
	return append(out, src[last:]...)
}
