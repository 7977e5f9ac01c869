package main

import (
	"os"
	"strings"
	"unicode"

	"github.com/unspin/unspin/internal/eval"
)

// readWordNet reads WordNet's synsets as a thesaurus of its own: every
// lowercase single word of a synset is a root listing the synset's other
// words. Moby and WordNet agree on fewer pairs than one would think (a
// spinner built on WordNet, or on a thesaurus derived from it, uses
// synonyms Moby rarely lists), and WordNet's lists are short, so its pairs
// get a channel of their own. Proper nouns (any capital letter) are left
// out, since they are never repaired, and so are roots the language model
// does not know (known), which are never proposed: that also keeps the
// roots under the index's 65,535.
func readWordNet(dir string, known func(string) bool) (*thesaurus, error) {
	wn, err := eval.LoadWordNet(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	th := &thesaurus{roots: map[string]map[string]bool{}}
	wn.EachSynset(func(_ eval.POS, words []string) {
		var ws []string
		for _, w := range words {
			if strings.IndexFunc(w, unicode.IsUpper) < 0 {
				ws = append(ws, clean(strings.ReplaceAll(w, "_", " ")))
			}
		}
		for _, a := range ws {
			if strings.Contains(a, " ") || !known(a) {
				continue
			}
			for _, b := range ws {
				if a == b {
					continue
				}
				set := th.roots[a]
				if set == nil {
					set = map[string]bool{}
					th.roots[a] = set
				}
				set[b] = true
			}
		}
	})
	return th, nil
}
