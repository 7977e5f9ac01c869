package tortured

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/unspin/unspin/dictionaries"
)

// MinSupport is how many terms of the list must show a word swap for it
// to be used (see Prune). Measured on a by-term split of the list, 1
// restored 5 more held-out sentences in 120 than 2 but bent real phrases
// of clean prose ("support vector machine", "woodland trail") and changed
// a third more words of clean news; 3 restored one fewer than 2.
const MinSupport = 2

// MaxTermWords is the longest term inferred: longer unlisted terms are
// rare, and each word more multiplies the combinations to try.
const MaxTermWords = 4

// Inferrer restores tortured forms of terms the list does not hold. A
// paraphraser swaps each word of a term for a thesaurus synonym, and the
// same swaps recur across terms (counterfeit for artificial, woodland for
// forest), so a span whose words, put back through learned swaps, spell a
// known term is likely that term tortured. Terms come from the list's
// originals, WordNet's multi-word lemmas, whatever else the caller adds
// and whatever its Known says (the language model's collocations); the
// language model then judges each in context.
type Inferrer struct {
	swaps   map[string][]string           // spun word -> originals it stood for
	support map[[2]string]map[string]bool // (spun, original) -> the terms that showed it
	// The known terms, lowercase, and every proper word prefix of one, by
	// their hash (phraseHash): tens of thousands of strings would be heap
	// the garbage collector scans on every cycle of a repair, and measured
	// that cost a tenth of the repair's time.
	terms    map[uint64]bool
	prefixes map[uint64]bool
	shipped  frozenTerms // the shipped terms (termset.go), when read from them
}

// NewInferrer learns the word swaps of pairs and knows their originals,
// with the plural of each, as terms; AddTerm adds more.
func NewInferrer(pairs []Pair) *Inferrer {
	in := &Inferrer{swaps: map[string][]string{}, terms: map[uint64]bool{}, prefixes: map[uint64]bool{},
		support: map[[2]string]map[string]bool{}}
	for _, p := range pairs {
		spun := strings.Fields(p.Spun)
		for _, o := range p.Originals {
			in.AddTerm(o)
			orig := strings.Fields(o)
			if len(orig) != len(spun) {
				continue // not aligned word by word
			}
			for k := range orig {
				in.learn(spun[k], orig[k], o)
				// A swap holds for the word's other number too: "woodlands"
				// for "forests" teaches "woodland" for "forest".
				in.learn(plural(spun[k]), plural(orig[k]), o)
				if s, so, ok := singulars(spun[k], orig[k]); ok {
					in.learn(s, so, o)
				}
			}
		}
	}
	return in
}

// learn records that term's tortured form swapped orig for spun.
func (in *Inferrer) learn(spun, orig, term string) {
	in.addSwap(spun, orig)
	k := [2]string{spun, orig}
	if in.support[k] == nil {
		in.support[k] = map[string]bool{}
	}
	in.support[k][term] = true
}

// Prune drops the learned swaps seen in fewer than min terms. A swap the
// list shows once may be that term's alone, or a misalignment ("vector"
// for "support" from a phrase whose words moved); one that recurs across
// terms is the paraphraser's habit, which is what carries to terms the
// list lacks.
func (in *Inferrer) Prune(min int) {
	for s, origs := range in.swaps {
		kept := origs[:0]
		for _, o := range origs {
			if len(in.support[[2]string{s, o}]) >= min {
				kept = append(kept, o)
			}
		}
		if len(kept) == 0 {
			delete(in.swaps, s)
		} else {
			in.swaps[s] = kept
		}
	}
}

// singulars strips a plain plural "s" from both words, when both have one.
func singulars(spun, orig string) (string, string, bool) {
	plain := func(w string) bool { return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") }
	if !plain(spun) || !plain(orig) {
		return "", "", false
	}
	return spun[:len(spun)-1], orig[:len(orig)-1], true
}

func (in *Inferrer) addSwap(spun, orig string) {
	if spun == orig || strings.ContainsAny(spun+orig, " ") {
		return
	}
	for _, o := range in.swaps[spun] {
		if o == orig {
			return
		}
	}
	in.swaps[spun] = append(in.swaps[spun], orig)
}

// TermsOnly is an inferrer that knows terms (and their plurals) and no
// swaps: what the shipped term hashes are written from.
func TermsOnly(terms []string) *Inferrer {
	in := NewInferrer(nil)
	for _, t := range terms {
		in.AddTerm(t)
	}
	return in
}

// AddTerm makes term (and its plural) known, when it has 2 to MaxTermWords
// words and is a content phrase (see ContentPhrase).
func (in *Inferrer) AddTerm(term string) {
	for _, t := range []string{term, plural(term)} {
		w := strings.Fields(t)
		if len(w) < 2 || len(w) > MaxTermWords || !ContentPhrase(w) {
			return
		}
		in.terms[phraseHash(w)] = true
		for k := 1; k < len(w); k++ {
			in.prefixes[phraseHash(w[:k])] = true
		}
	}
}

// closed are the closed-class words (articles, pronouns, prepositions,
// auxiliaries) of the shipped lexicon.
var closed = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(dictionaries.Closed, "\n") {
		if l != "" && l[0] != '#' {
			m[strings.TrimSpace(l)] = true
		}
	}
	return m
})

// ContentPhrase reports whether words begin and end with content words.
// Tortured terms are names of things ("random forest", "signal to noise");
// a phrase that begins or ends with a closed-class word ("walk in", "the
// real") is a phrasal verb or a fragment of a sentence, and bent into
// another it makes a fluent but wrong sentence, not a term put back.
func ContentPhrase(words []string) bool {
	c := closed()
	return len(words) > 0 && !c[words[0]] && !c[words[len(words)-1]]
}

// HasSwaps reports whether spun word w has a learned original: a span
// without one is never inferred.
func (in *Inferrer) HasSwaps(w string) bool { return len(in.swaps[w]) > 0 }

// Known reports whether words spell a term, and whether a longer term may
// begin with them. The inferrer's own vocabulary is one (KnownTerm);
// callers may add others, such as the language model's collocations.
type Known func(words []string) (term, prefix bool)

// KnownTerm is the inferrer's own vocabulary: the list's originals and the
// terms added.
func (in *Inferrer) KnownTerm(words []string) (term, prefix bool) {
	h := phraseHash(words)
	return in.terms[h] || in.shipped.terms.has(h), in.prefixes[h] || in.shipped.prefixes.has(h)
}

// phraseHash is the 64-bit FNV-1a hash of words joined by spaces, computed
// without joining them. Two of some hundred thousand phrases collide with
// a probability under 1e-9.
func phraseHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for k, w := range words {
		if k > 0 {
			h = (h ^ ' ') * prime
		}
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
	}
	return h
}

// Terms calls found for every term of n = 2..len(words) words, as known
// says, that words[:n] (lowercase spun words) can be put back into, each
// word kept or replaced by a learned original of it, with at least one
// replaced, and beginning and ending with content words. known nil is
// KnownTerm. Whether the span as written is a real phrase, to be left
// alone, is the caller's to judge.
func (in *Inferrer) Terms(words []string, known Known, found func(n int, term string)) {
	in.TermsWith(words, nil, known, found)
}

// TermsWith is Terms with more originals to try for each word: alts[k]
// are further originals of words[k] (a thesaurus's candidates, say), and
// alts may be shorter than words or nil. A term still needs one word put back
// through a learned swap: a span of spun words no learned swap touches is
// left alone, which keeps clean text clean (measured on a by-term split
// of the list, dropping that rule changed twice as many words of clean
// news and flagged 45 to 92 clean scientific sentences in 944, for no
// more terms restored).
func (in *Inferrer) TermsWith(words []string, alts [][]string, known Known, found func(n int, term string)) {
	if known == nil {
		known = in.KnownTerm
	}
	words = words[:min(len(words), MaxTermWords)]
	last := -1 // the last word with a learned swap: no term is found past it without one
	for k, w := range words {
		if len(in.swaps[w]) > 0 {
			last = k
		}
	}
	path := make([]string, 0, len(words))
	var walk func(k int, swapped bool)
	walk = func(k int, swapped bool) {
		if !swapped && k > last {
			return
		}
		try := func(o string, viaSwap bool) {
			path = append(path[:k], o)
			sw := swapped || viaSwap
			term, prefix := known(path)
			if k > 0 && sw && term && ContentPhrase(words[:k+1]) {
				found(k+1, strings.Join(path, " "))
			}
			if k+1 < len(words) && prefix {
				walk(k+1, sw)
			}
		}
		try(words[k], false)
		swaps := in.swaps[words[k]]
		for _, o := range swaps {
			try(o, true)
		}
		if k < len(alts) {
			for _, o := range alts[k] {
				if o != words[k] && !slices.Contains(swaps, o) {
					try(o, false)
				}
			}
		}
	}
	walk(0, false)
}

// WordNetTerms reads the multi-word lemmas of the WordNet index files in
// dir (index.noun and the others), 2 to MaxTermWords plain words each.
func WordNetTerms(dir string) ([]string, error) {
	var out []string
	err := eachWordNetLemma(dir, func(lemma string) {
		if !strings.Contains(lemma, "_") || !plainTerm(lemma) {
			return
		}
		if n := strings.Count(lemma, "_") + 1; n <= MaxTermWords {
			out = append(out, strings.ReplaceAll(lemma, "_", " "))
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return dedup(out), nil
}

// WordNetWords reads the single-word lemmas of the WordNet index files in
// dir.
func WordNetWords(dir string) (map[string]bool, error) {
	words := map[string]bool{}
	err := eachWordNetLemma(dir, func(lemma string) {
		if !strings.Contains(lemma, "_") {
			words[lemma] = true
		}
	})
	return words, err
}

// eachWordNetLemma calls f with every lemma of the index files in dir,
// words joined by '_' as WordNet writes them.
func eachWordNetLemma(dir string, f func(lemma string)) error {
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		file, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == ' ' {
				continue // the licence header
			}
			lemma, _, _ := strings.Cut(line, " ")
			f(lemma)
		}
		file.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
}

// plainTerm: lowercase letters, hyphens and the separators only; names
// with digits or dots ("15_august_1945", "st._louis") are no tortured
// term's original.
func plainTerm(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func dedup(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// WriteSwaps writes the learned word swaps, "original<TAB>spun" a line,
// sorted.
func (in *Inferrer) WriteSwaps(w io.Writer) error {
	var lines []string
	for s, origs := range in.swaps {
		for _, o := range origs {
			lines = append(lines, o+"\t"+s)
		}
	}
	sort.Strings(lines)
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	return bw.Flush()
}

// ReadInferrer reads the shipped word swaps ("original<TAB>spun" lines,
// '#' starting a comment line) and term hashes (WriteTermHashes).
func ReadInferrer(swaps, termHashes string) (*Inferrer, error) {
	in := &Inferrer{swaps: map[string][]string{}, terms: map[uint64]bool{}, prefixes: map[uint64]bool{}}
	for i, line := range strings.Split(swaps, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		o, s, ok := strings.Cut(line, "\t")
		if !ok || o == "" || s == "" {
			return nil, fmt.Errorf("word swaps line %d: want original<TAB>spun", i+1)
		}
		in.addSwap(s, o)
	}
	var err error
	in.shipped, err = readTermHashes(termHashes)
	return in, err
}
