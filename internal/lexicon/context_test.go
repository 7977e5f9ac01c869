package lexicon

import (
	"slices"
	"testing"
)

// TestContextCandidates: a spinner's pair that only a shared Moby line
// links ("regard" for "concern") is offered as a
// context candidate, in the spun word's inflection, below any direct candidate's
// channel of the same list size; a closed-class or capitalised word gets
// none, a number word no other number, and no context candidate repeats a
// direct one.
func TestContextCandidates(t *testing.T) {
	l := testLexicon(t, 20)
	for _, tc := range []struct{ spun, want string }{
		{"regard", "concern"},
		{"regards", "ideas"}, // regard ~ idea, re-inflected
	} {
		ctx := l.ContextCandidates(tc.spun)
		i := slices.IndexFunc(ctx, func(c Candidate) bool { return c.Word == tc.want })
		if i < 0 {
			t.Errorf("%s: %q not among the context candidates %v", tc.spun, tc.want, words(ctx))
			continue
		}
		if ctx[i].Source != Context || ctx[i].Channel >= l.channelOf(Synonym, 0) {
			t.Errorf("%s: %v, want source context with a channel under a synonym's", tc.spun, ctx[i])
		}
	}
	for _, w := range []string{"the", "during", "Fan"} {
		if ctx := l.ContextCandidates(w); len(ctx) > 0 {
			t.Errorf("%s: context candidates %v, want none", w, words(ctx))
		}
	}
	for _, w := range []string{"seven", "dozen", "third"} {
		for _, c := range l.ContextCandidates(w) {
			if otherNumber(numberWords[w], c.Word) {
				t.Errorf("%s: context candidate %q is another number", w, c.Word)
			}
		}
	}
	for _, w := range []string{"fan", "pointer", "covering", "stairs", "ascent"} {
		direct := words(l.Candidates(w))
		seen := map[string]bool{}
		for _, c := range l.ContextCandidates(w) {
			if slices.Contains(direct, c.Word) || seen[c.Word] || c.Word == w {
				t.Errorf("%s: context candidate %q repeats a candidate", w, c.Word)
			}
			seen[c.Word] = true
		}
	}
}
