package repair

import (
	"strings"

	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// Words hyphenated at a line end.
//
// pdftotext prints a paper's words as its layout broke them:
// "counter-\nfeit consciousness". The repairer reads such a word whole
// (text.JoinHyphens) when the joined form is a word the language model
// knows and the hyphen is not the word's own: when the model also knows
// the hyphenated form ("long-term", "well-known"), the halves are taken
// for a compound and joined only if the model finds the joined form the
// likelier of the two ("e-mail" becomes "email", "long-term" stays). The
// joined text is what is matched and decoded; what is reported is placed
// in the original bytes, and a fix of a broken word keeps the line break
// (unjoinEdits).

// dehyphenate returns src with its line-end hyphenations of whole words
// taken out, or nil when it has none.
func (r *Repairer) dehyphenate(src []byte) *text.Joined {
	return text.JoinHyphens(src, r.joinable)
}

func (r *Repairer) joinable(left, right string) bool {
	id := r.model.ID(text.Norm(left + right))
	if id == lm.Unknown {
		return false
	}
	h := r.model.ID(text.Norm(left + "-" + right))
	return h == lm.Unknown || r.unigram(h) < r.unigram(id)
}

// unjoinEdits places edits of the joined text in the original src. An edit
// over a broken word writes its replacement whole and keeps the line break
// at a word boundary: after the replacement word that stands where the
// broken one stood ("artificial\nintelligence" for "counter-\nfeit
// consciousness"), or, when that is the last, in place of the space after
// the edit. With no such space (the word ends its sentence, "feit.") the
// break is given up, and the replacement joins the two lines.
func unjoinEdits(src []byte, j *text.Joined, edits []Edit) []Edit {
	out := make([]Edit, 0, len(edits))
	for k, e := range edits {
		start, end := j.Orig(e.Start), j.Orig(e.End)
		if cuts := j.Within(e.Start, e.End); len(cuts) > 0 {
			to, trailing := placeBreaks(string(j.Text[e.Start:e.End]), e.Start, cuts, e.To)
			nextFree := k+1 == len(edits) || j.Orig(edits[k+1].Start) > end
			if trailing != "" && end < len(src) && src[end] == ' ' && nextFree {
				to, end = to+trailing, end+1
			}
			e.To = to
		}
		e.Start, e.End, e.From = start, end, string(src[start:end])
		out = append(out, e)
	}
	return out
}

// placeBreaks puts each cut's line break into the replacement to of the
// joined span (which begins at Text offset at): after the word of to with
// the index of the spun word that held the cut. A break that falls after
// the last word is returned as trailing, for the caller to place.
func placeBreaks(span string, at int, cuts []text.Cut, to string) (string, string) {
	words := strings.Split(to, " ")
	if to == "" {
		return to, "" // a deleted word: nowhere to keep the break
	}
	after := make([]string, len(words)) // the break after each word
	for _, c := range cuts {
		i := min(len(strings.Fields(span[:c.At-at]))-1, len(words)-1)
		after[max(i, 0)] = c.Break
	}
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w)
		switch {
		case i == len(words)-1:
		case after[i] != "":
			b.WriteString(after[i])
		default:
			b.WriteByte(' ')
		}
	}
	return b.String(), after[len(words)-1]
}
