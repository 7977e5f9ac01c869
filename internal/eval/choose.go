package eval

import (
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// replacement is the fixed replacement of a word type, "" when the spinner
// does not know the word. Tables come first; closed-class words are changed
// only through them.
func (s *Spinner) replacement(word string) string {
	if r, ok := s.choice[word]; ok {
		return r
	}
	r := s.opts.Table[word]
	if r == "" && s.opts.FunctionWords {
		r = FunctionWords[word]
	}
	if r == "" && !closedClass[word] && s.syn != nil {
		if cands := s.syn.Replacements(word); len(cands) > 0 {
			r = cands[s.typeRand(word).IntN(len(cands))]
		}
	}
	s.choice[word] = r
	return r
}

// typeRand is a generator that depends only on the seed and the word, so a
// word's replacement does not depend on where in the text it first occurs.
func (s *Spinner) typeRand(word string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(word))
	return rand.New(rand.NewPCG(s.opts.Seed, h.Sum64()))
}

// WordNetSynonyms proposes, for a word form, the synonyms of each of its
// WordNet readings put into the same inflection: "bases" -> "bottoms",
// "said" -> "stated". Proper nouns, closed-class words ("cost" -> "be")
// and synonyms that cannot be inflected
// surely are skipped; multi-word synonyms are joined with '-' when Join is
// set (the real spinner writes "some-more") and skipped otherwise.
type WordNetSynonyms struct {
	WN   *WordNet
	Join bool
}

// Replacements implements Synonyms.
func (ws WordNetSynonyms) Replacements(word string) []string {
	var out []string
	seen := map[string]bool{word: true}
	for _, l := range ws.WN.Lemmas(word) {
		for _, syn := range ws.WN.Synonyms(l.Word, l.POS) {
			if !plainLemma(syn) || closedClass[syn] || (!ws.Join && strings.Contains(syn, "_")) {
				continue
			}
			form, ok := ws.WN.Inflect(syn, l.POS, l.Infl)
			form = strings.ReplaceAll(form, "_", "-")
			if ok && !seen[form] {
				seen[form] = true
				out = append(out, form)
			}
		}
	}
	return out
}

// plainLemma: lowercase letters, underscores and inner hyphens; no capitals
// (proper nouns), digits, apostrophes or dots.
func plainLemma(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '_' && c != '-' {
			return false
		}
	}
	return w != ""
}
