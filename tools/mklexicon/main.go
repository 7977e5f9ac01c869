// Command mklexicon builds the lexicon data that unspin ships in
// dictionaries/ from the public sources it is derived from: the Moby
// Thesaurus II (inverted into a compact binary index), the XTAG verb
// paradigms and the WordNet exception lists.
//
// Usage:
//
//	go run ./tools/mklexicon -moby moby-words.txt.gz -xtag xtag-en-verbs.txt \
//	    -exc wordnet-noun.exc,wordnet-verb.exc,wordnet-adj.exc,wordnet-adv.exc -out dictionaries
//
// The outputs are committed; rerun only when a source or the format changes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	moby := flag.String("moby", "", "Moby thesaurus words.txt or words.txt.gz (root,syn,syn,... per line)")
	xtag := flag.String("xtag", "", "XTAG verb paradigms (en-verbs.txt)")
	exc := flag.String("exc", "", "comma-separated WordNet .exc files; the part of speech is read from the name (noun, verb, adj, adv)")
	out := flag.String("out", "dictionaries", "output directory")
	flag.Parse()
	if *moby == "" || *xtag == "" || *exc == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*moby, *xtag, strings.Split(*exc, ","), *out); err != nil {
		fmt.Fprintln(os.Stderr, "mklexicon:", err)
		os.Exit(1)
	}
}

func run(moby, xtag string, exc []string, out string) error {
	th, err := readMoby(moby)
	if err != nil {
		return err
	}
	bin := encodeThesaurus(th)
	if err := os.WriteFile(filepath.Join(out, "thesaurus.bin"), bin, 0o644); err != nil {
		return err
	}
	verbs, err := readXTAG(xtag)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "verbs.csv"), []byte(verbs), 0o644); err != nil {
		return err
	}
	excs, err := readExceptions(exc)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "exceptions.tsv"), []byte(excs), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "thesaurus.bin %d bytes, %d roots\n", len(bin), len(th.roots))
	return nil
}
