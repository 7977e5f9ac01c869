// Command mkphrases builds the tortured-phrase data unspin ships in
// dictionaries/ from the Problematic Paper Screener's list of tortured
// phrases (Guillaume Cabanac, Cyril Labbé, Alexander Magazinov; CC BY 4.0)
// and WordNet's multi-word lemmas:
//
//   - phrases.tsv, the listed phrases and their originals, matched whole;
//   - tortured-swaps.tsv, the word swaps the listed phrases share, learned
//     by aligning each phrase word by word with its original, kept when at
//     least tortured.MinSupport terms show them;
//   - terms.txt, the terms an unlisted tortured phrase may be restored to:
//     the list's originals and WordNet's multi-word lemmas that begin and
//     end with content words; and terms.bin, the same as the sorted hashes
//     the binary reads in place.
//
// The shipped tables come from the list file alone, nothing entered by
// hand, so that measuring on terms the list lacks stays honest.
//
// Usage:
//
//	go run ./tools/mkphrases -pps pps-train.tsv -wordnet /usr/share/wordnet -out dictionaries
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/unspin/unspin/internal/tortured"
)

func main() {
	pps := flag.String("pps", "", "tortured<TAB>expected list of the Problematic Paper Screener")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database directory (index.noun and the others)")
	out := flag.String("out", "dictionaries", "directory to write phrases.tsv, tortured-swaps.tsv and terms.txt to")
	flag.Parse()
	if *pps == "" {
		fmt.Fprintln(os.Stderr, "mkphrases: -pps is required")
		os.Exit(2)
	}
	if err := run(*pps, *wordnet, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkphrases:", err)
		os.Exit(1)
	}
}

func run(ppsPath, wordnetDir, out string) error {
	f, err := os.Open(ppsPath)
	if err != nil {
		return err
	}
	pairs, err := tortured.ReadPairs(f)
	f.Close()
	if err != nil {
		return err
	}
	// The table and the terms hold the ends of chains (see Resolve); the
	// swaps are aligned from the pairs as listed, every link a lesson.
	resolved := tortured.Resolve(pairs)
	words, err := tortured.WordNetWords(wordnetDir)
	if err != nil {
		return err
	}
	resolved, dropped := dropPlainWords(resolved, words)
	var table bytes.Buffer
	if err := tortured.WriteTable(&table, resolved); err != nil {
		return err
	}
	in := tortured.NewInferrer(pairs)
	in.Prune(tortured.MinSupport)
	var swaps bytes.Buffer
	fmt.Fprintf(&swaps, "# Word swaps of tortured phrases, original<TAB>spun, aligned word by word\n# from the Problematic Paper Screener's list, each shown by at least %d of\n# its terms, by tools/mkphrases: do not edit.\n", tortured.MinSupport)
	if err := in.WriteSwaps(&swaps); err != nil {
		return err
	}
	wn, err := tortured.WordNetTerms(wordnetDir)
	if err != nil {
		return err
	}
	terms := map[string]bool{}
	for _, t := range wn {
		terms[t] = true
	}
	for _, p := range resolved {
		for _, o := range p.Originals {
			terms[o] = true
		}
	}
	list := make([]string, 0, len(terms))
	for t := range terms {
		if w := strings.Fields(t); len(w) >= 2 && len(w) <= tortured.MaxTermWords && tortured.ContentPhrase(w) {
			list = append(list, t)
		}
	}
	sort.Strings(list)
	var tb bytes.Buffer
	tb.WriteString("# Known terms, one a line: the originals of the Problematic Paper Screener's\n# list and WordNet 3.0's multi-word lemmas, by tools/mkphrases: do not edit.\n")
	for _, t := range list {
		tb.WriteString(t + "\n")
	}
	var hashes bytes.Buffer
	if err := tortured.TermsOnly(list).WriteTermHashes(&hashes); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"phrases.tsv": table.Bytes(), "tortured-swaps.tsv": swaps.Bytes(), "terms.txt": tb.Bytes(), "terms.bin": hashes.Bytes()} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "%d listed phrases (%d plain English words left out), %d word swaps, %d terms (%d from WordNet)\n",
		len(pairs), dropped, bytes.Count(swaps.Bytes(), []byte("\n"))-bytes.Count(swaps.Bytes(), []byte("# ")), len(list), len(wn))
	return nil
}

// dropPlainWords leaves out the listed "phrases" that are one ordinary
// English word: the list maps "jumble" to "attention deficit hyperactivity
// disorder", which would rewrite every real jumble. A one-word tortured
// form that is no word of WordNet ("auupdatedmation") or a hyphenated
// compound ("np-difficult") stays: it does not occur in clean text.
func dropPlainWords(pairs []tortured.Pair, words map[string]bool) ([]tortured.Pair, int) {
	kept := pairs[:0:0]
	for _, p := range pairs {
		if !strings.ContainsAny(p.Spun, " -") && words[p.Spun] {
			continue
		}
		kept = append(kept, p)
	}
	return kept, len(pairs) - len(kept)
}
