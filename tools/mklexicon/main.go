// Command mklexicon builds the lexicon data that unspin ships in
// dictionaries/ from the public sources it is derived from: the Moby
// Thesaurus II (inverted into a compact binary index), WordNet 3.0's
// synsets (in the same layout), the XTAG verb
// paradigms and the WordNet exception lists; then, from those and the
// language model, the table of every spun form's ranked originals that
// the lexicon reads at run time (candidates.bin), with each form's Moby
// 2-hop relatives for context candidates.
//
// Usage:
//
//	go run ./tools/mklexicon -moby moby-words.txt.gz -wordnet /usr/share/wordnet -xtag xtag-en-verbs.txt \
//	    -exc wordnet-noun.exc,wordnet-verb.exc,wordnet-adj.exc,wordnet-adv.exc \
//	    -model models/en-us.unlm -out dictionaries
//
// -tables-only skips the sources and rebuilds candidates.bin from the
// tables already in -out (after editing closed.txt, or with a new model).
// The outputs are committed; rerun only when a source, the model or the
// format changes. The ranking uses unigrams only, so the table follows the
// model the tool is given, not the one embedded in it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/unspin/unspin/internal/lm"
)

func main() {
	moby := flag.String("moby", "", "Moby thesaurus words.txt or words.txt.gz (root,syn,syn,... per line)")
	xtag := flag.String("xtag", "", "XTAG verb paradigms (en-verbs.txt)")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (Debian wordnet-base)")
	exc := flag.String("exc", "", "comma-separated WordNet .exc files; the part of speech is read from the name (noun, verb, adj, adv)")
	model := flag.String("model", "models/en-us.unlm", "language model whose unigrams rank the candidates")
	tablesOnly := flag.Bool("tables-only", false, "rebuild only candidates.bin from the files in -out")
	out := flag.String("out", "dictionaries", "output directory")
	flag.Parse()
	if !*tablesOnly && (*moby == "" || *xtag == "" || *exc == "" || *wordnet == "") {
		flag.Usage()
		os.Exit(2)
	}
	err := func() error {
		if !*tablesOnly {
			if err := run(*moby, *wordnet, *model, *xtag, strings.Split(*exc, ","), *out); err != nil {
				return err
			}
		}
		return writeCandidates(*out, *model)
	}()
	if err != nil {
		fmt.Fprintln(os.Stderr, "mklexicon:", err)
		os.Exit(1)
	}
}

func run(moby, wordnet, modelPath, xtag string, exc []string, out string) error {
	th, err := readMoby(moby)
	if err != nil {
		return err
	}
	if len(th.roots) > 0xffff {
		return fmt.Errorf("%d thesaurus roots: the index holds at most 65,535", len(th.roots))
	}
	model, err := lm.Open(modelPath)
	if err != nil {
		return err
	}
	wn, err := readWordNet(wordnet, func(w string) bool { return model.ID(w) != lm.Unknown })
	model.Close()
	if err != nil {
		return fmt.Errorf("wordnet: %v", err)
	}
	if len(wn.roots) > 0xffff {
		return fmt.Errorf("%d WordNet roots: the index holds at most 65,535", len(wn.roots))
	}
	wnBin := encodeThesaurus(wn)
	if err := os.WriteFile(filepath.Join(out, "wordnet.bin"), wnBin, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wordnet.bin %d bytes, %d roots\n", len(wnBin), len(wn.roots))
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
