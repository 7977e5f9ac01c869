package repair

import (
	"math"
	"strings"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// ExplainWindow is the number of words on each side of a fix whose language
// model scores an explanation compares: with a trigram model, the words up
// to two after the fix are the last whose probability depends on it.
const ExplainWindow = 2

// Explanation says why a fix was proposed, in the model's own numbers.
type Explanation struct {
	Edit Edit
	// Source is the candidate source of the replacement; Channel is its
	// log10 P(spun | original) as the lexicon gave it, KeepChannel the
	// spun word's log10 P(keep). Found is false when the lexicon does not
	// propose the replacement (a fix typed or forced by a list).
	Source      string
	Channel     float64
	KeepChannel float64
	Found       bool
	// Window is the sentence's words from ExplainWindow before the fix to
	// ExplainWindow after it, in the model's form, with the spun word
	// (Original) and with the replacement (Replaced); the LM fields are
	// log10 P of those words given everything before them in the sentence.
	Original, Replaced     string
	LMOriginal, LMReplaced float64
	// Posterior is the decoder's probability of the replacement.
	Posterior float64
}

// Explain explains an edit the repairer proposed for src.
func (r *Repairer) Explain(src []byte, e Edit) Explanation {
	x := Explanation{Edit: e, Posterior: e.Confidence, Source: e.Source}
	if j := r.dehyphenate(src); j != nil { // explained as read (hyphen.go)
		src = j.Text
		x.Edit.Start, x.Edit.End = j.At(e.Start), j.At(e.End)
		x.Edit.From, x.Edit.To = text.OneLine(string(src[x.Edit.Start:x.Edit.End])), text.OneLine(e.To)
	}
	r.channelOf(&x)
	toks := text.Tokenize(src)
	for _, s := range text.Sentences(src, toks) {
		a, b := s.Span(toks)
		if a <= e.Start && e.End <= b {
			r.window(&x, src, toks, s)
			break
		}
	}
	return x
}

// channelOf finds the replacement among the lexicon's candidates, and its
// context candidates when the repairer offers them.
func (r *Repairer) channelOf(x *Explanation) {
	cands := r.lex.Candidates(x.Edit.From)
	if len(cands) == 0 {
		return
	}
	x.KeepChannel = cands[0].Channel
	if x.Edit.Source == lexicon.Phrase.String() {
		// A known phrase matched whole: its rate is the channel, and the
		// written word stays only with the rest.
		x.Channel, x.Found = math.Log10(r.opts.PhraseRate), true
		x.KeepChannel = math.Log10(1 - r.opts.PhraseRate)
		return
	}
	to := text.Norm(x.Edit.To)
	all := cands[1:]
	if cl, ok := r.lex.(ContextCandidates); ok && r.opts.Context > 0 {
		all = append(all[:len(all):len(all)], cl.ContextCandidates(x.Edit.From)...)
	}
	for _, c := range all {
		if c.Word == to {
			x.Channel, x.Found = c.Channel, true
			if c.Source != lexicon.Keep {
				x.Source = c.Source.String()
			}
			return
		}
	}
}

// window scores the words around the fix with the spun words and with the
// replacement, each in the context of the sentence before it. A fix may
// span several words (a phrase) on either side.
func (r *Repairer) window(x *Explanation, src []byte, toks []text.Token, s text.Sentence) {
	var words []string
	at, n := -1, 0 // the fix's first word and its number of words
	for i := s.Start; i < s.End; i++ {
		t := toks[i]
		if !t.IsWord() && t.Kind != text.Number {
			continue
		}
		if x.Edit.Start <= t.Start && t.End <= x.Edit.End {
			if at < 0 {
				at = len(words)
			}
			n++
		}
		words = append(words, string(text.AppendLM(nil, src, t)))
	}
	if at < 0 {
		return
	}
	lo, hi := max(at-ExplainWindow, 0), min(at+n+ExplainWindow, len(words))
	x.Original = strings.Join(words[lo:hi], " ")
	x.LMOriginal = r.score(words, lo, hi)
	to := strings.Fields(text.Norm(x.Edit.To))
	repl := append(append(append([]string(nil), words[:at]...), to...), words[at+n:]...)
	hi += len(to) - n
	x.Replaced = strings.Join(repl[lo:hi], " ")
	x.LMReplaced = r.score(repl, lo, hi)
}

// score is the sum of log10 P(words[i] | words before i) for lo <= i < hi,
// plus the end of the sentence when the window reaches it.
func (r *Repairer) score(words []string, lo, hi int) float64 {
	m := r.model
	st := m.BeginSentence()
	var sum float64
	for i, w := range words[:hi] {
		o := option{id: m.ID(w)}
		if o.id == lm.Unknown {
			o.parts = compoundParts(m, w) // scored as the decoder scores it
		}
		var p float32
		p, st = scoreOption(m, st, &o)
		if i >= lo {
			sum += float64(p)
		}
	}
	if hi == len(words) {
		p, _ := m.Score(st, lm.EOS)
		sum += float64(p)
	}
	return sum
}
