package tortured

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MaxTermWords is the longest term inferred: longer unlisted terms are
// rare, and each word more multiplies the combinations to try.
const MaxTermWords = 4

// Inferrer restores tortured forms of terms the list does not hold. A
// paraphraser swaps each word of a term for a thesaurus synonym, and the
// same swaps recur across terms (counterfeit for artificial, woodland for
// forest), so a span whose words, each put back through a learned swap (or
// a candidate the caller offers), spell a known term is likely that term
// tortured. Terms come from the list's originals, WordNet's multi-word
// lemmas and whatever else the caller adds; the language model then judges
// each in context.
type Inferrer struct {
	swaps    map[string][]string // spun word -> originals it stood for
	terms    map[string]bool     // known terms, lowercase
	prefixes map[string]bool     // every proper word prefix of a term
	starts   map[string]bool     // spun words that can begin a term
}

// NewInferrer learns the word swaps of pairs and knows their originals,
// with the plural of each, as terms; AddTerm adds more.
func NewInferrer(pairs []Pair) *Inferrer {
	in := &Inferrer{swaps: map[string][]string{}, terms: map[string]bool{}, prefixes: map[string]bool{}, starts: map[string]bool{}}
	for _, p := range pairs {
		spun := strings.Fields(p.Spun)
		for _, o := range p.Originals {
			in.AddTerm(o)
			orig := strings.Fields(o)
			if len(orig) != len(spun) {
				continue // not aligned word by word
			}
			for k := range orig {
				in.addSwap(spun[k], orig[k])
				if k == len(orig)-1 {
					in.addSwap(plural(spun[k]), plural(orig[k]))
				}
			}
		}
	}
	return in
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

// AddTerm makes term (and its plural) known, when it has 2 to MaxTermWords
// words.
func (in *Inferrer) AddTerm(term string) {
	for _, t := range []string{term, plural(term)} {
		w := strings.Fields(t)
		if len(w) < 2 || len(w) > MaxTermWords {
			return
		}
		in.terms[strings.Join(w, " ")] = true
		for k := 1; k < len(w); k++ {
			in.prefixes[strings.Join(w[:k], " ")] = true
		}
	}
}

// Finish indexes the words spans may start with; call it after the last
// AddTerm.
func (in *Inferrer) Finish() {
	for t := range in.prefixes {
		if !strings.Contains(t, " ") {
			in.starts[t] = true
		}
	}
	for s, origs := range in.swaps {
		for _, o := range origs {
			if in.prefixes[o] {
				in.starts[s] = true
			}
		}
	}
}

// MayStart reports whether a term can begin at spun word w through the
// learned swaps or as written (lowercase); callers skip other positions.
// A word reaching a term only through the caller's candidates is not
// indexed: those are tried from MayStart positions only.
func (in *Inferrer) MayStart(w string) bool { return in.starts[w] }

// Terms calls found for every known term of n = 2..len(words) words that
// words[:n] (lowercase spun words) can be put back into, each word kept or
// replaced by a learned original of it or one of alts(k), with at least
// one word replaced through the learned swaps (the thesaurus alone reaches
// too many terms) and the span as written not a term itself (a real
// phrase stays).
func (in *Inferrer) Terms(words []string, alts func(k int) []string, found func(n int, term string)) {
	words = words[:min(len(words), MaxTermWords)]
	var walk func(k int, prefix string, learned bool)
	walk = func(k int, prefix string, learned bool) {
		try := func(o string, viaSwap bool) {
			p := o
			if k > 0 {
				p = prefix + " " + o
			}
			l := learned || viaSwap
			if k > 0 && l && in.terms[p] && !in.terms[strings.Join(words[:k+1], " ")] {
				found(k+1, p)
			}
			if k+1 < len(words) && in.prefixes[p] {
				walk(k+1, p, l)
			}
		}
		w := words[k]
		try(w, false)
		for _, o := range in.swaps[w] {
			try(o, true)
		}
		if alts != nil {
			for _, o := range alts(k) {
				if o != w && !strings.Contains(o, " ") && !contains(in.swaps[w], o) {
					try(o, false)
				}
			}
		}
	}
	walk(0, "", false)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WordNetTerms reads the multi-word lemmas of the WordNet index files in
// dir (index.noun and the others), 2 to MaxTermWords plain words each.
func WordNetTerms(dir string) ([]string, error) {
	var out []string
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == ' ' {
				continue // the licence header
			}
			lemma, _, _ := strings.Cut(line, " ")
			if !strings.Contains(lemma, "_") || !plainTerm(lemma) {
				continue
			}
			if n := strings.Count(lemma, "_") + 1; n <= MaxTermWords {
				out = append(out, strings.ReplaceAll(lemma, "_", " "))
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return dedup(out), nil
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

// ReadInferrer reads the shipped word swaps ("original<TAB>spun" lines) and
// terms (one a line); '#' starts a comment line in both.
func ReadInferrer(swaps, terms string) (*Inferrer, error) {
	in := &Inferrer{swaps: map[string][]string{}, terms: map[string]bool{}, prefixes: map[string]bool{}, starts: map[string]bool{}}
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
	for _, line := range strings.Split(terms, "\n") {
		if line != "" && line[0] != '#' {
			in.AddTerm(line)
		}
	}
	in.Finish()
	return in, nil
}
