// Package dictionaries embeds the lexicon data unspin ships, so the tool
// works with no set-up. The generated files come from tools/mklexicon; the
// hand-curated ones (swaps.tsv, phrases.tsv, closed.txt) are edited directly. A test
// validates them all.
package dictionaries

import _ "embed"

// Thesaurus is the inverted Moby Thesaurus II in the binary layout read by
// internal/lexicon (generated).
//
//go:embed thesaurus.bin
var Thesaurus string

// WordNet holds WordNet 3.0's synsets in the thesaurus layout: each
// lowercase single word the language model knows is a root listing the
// words it shares a synset with (generated).
//
//go:embed wordnet.bin
var WordNet string

// Candidates holds every spun form's ranked originals, precomputed from
// the others and the shipped language model in the layout read by
// internal/lexicon (generated).
//
//go:embed candidates.bin
var Candidates string

// Verbs holds XTAG verb paradigms, "lemma,3sg,ing,past,participle" a line
// (generated).
//
//go:embed verbs.csv
var Verbs string

// Exceptions holds WordNet's irregular forms, "form<TAB>lemma<TAB>pos" a
// line (generated).
//
//go:embed exceptions.tsv
var Exceptions string

// Swaps holds known spinner swaps, "original<TAB>spun<TAB>evidence" a line.
//
//go:embed swaps.tsv
var Swaps string

// Phrases holds multi-word swaps, "original<TAB>spun<TAB>evidence" a line,
// both sides with the same number of words.
//
//go:embed phrases.tsv
var Phrases string

// Closed lists closed-class words, one a line.
//
//go:embed closed.txt
var Closed string
