// Command mksynth writes a synthetic spun/gold pair for `unspin eval`: it
// takes clean sentences from a corpus (one tokenised sentence a line, as the
// Brown corpus is stored), puts the punctuation back against its words, and
// spins them with WordNet synonyms, a dictionary the repairer does not use,
// so that the score measures how well the repairer generalises. With -moby
// it spins them from the Moby thesaurus instead, the repairer's own
// dictionary read forward: a spinner whose every pair the lexicon can
// propose, the most favourable case for its candidates. With -tortured it
// spins them with the word swaps found in tortured phrases (the Problematic
// Paper Screener's list by Guillaume Cabanac, Cyril Labbé and Alexander
// Magazinov, CC BY 4.0): artificial -> counterfeit, big -> colossal, a third
// spinner's taste; -fallback backs that small table with WordNet (or Moby).
//
// The corpus may be gzipped. With -text it is plain prose instead, split
// into sentences and kept to those that look edited (text.go); -unspun
// copies the clean text as the "spun" one, for measuring false positives.
//
//	go run ./tools/mksynth -corpus ../shared/data/corpus/brown-news.txt \
//	    -words 5000 -out testdata/eval/brown-news-5k
//
// writes brown-news-5k.spun.txt and brown-news-5k.gold.txt. The gold of a
// synthetic set is the clean text itself.
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/unspin/unspin/internal/eval"
)

type options struct {
	corpus, wordnet, moby, tortured string
	table, out                      string
	words, skip                     int
	rate                            float64
	seed                            uint64
	functionWords, join, raw        bool
	fallback, text, unspun          bool
}

func main() {
	var o options
	flag.StringVar(&o.corpus, "corpus", defaultCorpus(), "clean corpus, one tokenised sentence a line (plain or .gz)")
	flag.StringVar(&o.wordnet, "wordnet", "", "WordNet dict directory (default: $UNSPIN_WORDNET or a probe of the usual places)")
	flag.StringVar(&o.moby, "moby", "", "spin from this Moby thesaurus file (words.txt, plain or .gz) instead of WordNet")
	flag.StringVar(&o.tortured, "tortured", "", "spin with the word swaps of this tortured-phrase list (\"tortured<TAB>expected\" lines)")
	flag.BoolVar(&o.fallback, "fallback", false, "with -tortured, spin words the list lacks from WordNet (or Moby with -moby)")
	flag.StringVar(&o.table, "table", "", "odd-swap table (\"original replacement\" a line) tried before WordNet")
	flag.StringVar(&o.out, "out", "", "output prefix: writes PREFIX.spun.txt and PREFIX.gold.txt (required)")
	flag.IntVar(&o.words, "words", 5000, "stop after the sentence that reaches this many words (0: whole corpus)")
	flag.IntVar(&o.skip, "skip", 0, "corpus sentences to skip first")
	flag.Float64Var(&o.rate, "rate", eval.DefaultRate, "share of known word occurrences replaced")
	flag.Uint64Var(&o.seed, "seed", 1, "seed for every random choice")
	flag.BoolVar(&o.functionWords, "function-words", false, "also make the real sample's function-word swaps (the->a, at->during, ...)")
	flag.BoolVar(&o.join, "join", false, "use multi-word synonyms joined with '-' instead of skipping them")
	flag.BoolVar(&o.raw, "raw", false, "keep the corpus tokenisation instead of attaching punctuation")
	flag.BoolVar(&o.text, "text", false, "the corpus is plain prose (blank lines between paragraphs): split it into sentences")
	flag.BoolVar(&o.unspun, "unspun", false, "write the clean text as PREFIX.spun.txt too, unchanged: held-out text for false positives")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "mksynth:", err)
		os.Exit(1)
	}
}

// defaultCorpus follows the layout the tests use: the shared data beside the
// repository, or wherever UNSPIN_SHARED points.
func defaultCorpus() string {
	d := os.Getenv("UNSPIN_SHARED")
	if d == "" {
		d = filepath.Join("..", "shared")
	}
	return filepath.Join(d, "data", "corpus", "brown-news.txt")
}

func run(o options) error {
	if o.out == "" {
		return errors.New("-out is required")
	}
	clean, err := readCorpus(o)
	if err != nil {
		return err
	}
	spun := clean
	if !o.unspun {
		sp, err := newSpinner(o)
		if err != nil {
			return err
		}
		var st eval.SpinStats
		spun, st = sp.Spin(clean)
		fmt.Fprintf(os.Stderr, "%d words, %d known to the spinner, %d replaced (%.1f%% of words)\n",
			st.Words, st.Known, st.Replaced, 100*float64(st.Replaced)/float64(max(st.Words, 1)))
	}
	if err := os.WriteFile(o.out+".spun.txt", spun, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(o.out+".gold.txt", clean, 0o644); err != nil {
		return err
	}
	return nil
}

func newSpinner(o options) (*eval.Spinner, error) {
	opts := eval.SpinOptions{Rate: o.rate, Seed: o.seed, FunctionWords: o.functionWords}
	if o.table != "" {
		f, err := os.Open(o.table)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if opts.Table, err = eval.ParseTable(f); err != nil {
			return nil, fmt.Errorf("%s: %w", o.table, err)
		}
	}
	syn, err := synonyms(o)
	if err != nil {
		return nil, err
	}
	return eval.NewSpinner(syn, opts), nil
}

// synonyms is the spinner's dictionary: the tortured-phrase swaps with
// -tortured (backed by the thesaurus with -fallback), else the thesaurus:
// Moby with -moby, else WordNet.
func synonyms(o options) (eval.Synonyms, error) {
	if o.tortured == "" {
		return thesaurus(o)
	}
	var t eval.TorturedSwaps
	err := readFile(o.tortured, func(r io.Reader) (err error) {
		t, err = eval.ReadTortured(r)
		return err
	})
	if err != nil || !o.fallback {
		return t, err
	}
	th, err := thesaurus(o)
	if err != nil {
		return nil, err
	}
	return eval.FirstOf{t, th}, nil
}

func thesaurus(o options) (eval.Synonyms, error) {
	if o.moby != "" {
		var m eval.MobySynonyms
		err := readFile(o.moby, func(r io.Reader) (err error) {
			m, err = eval.ReadMoby(r)
			return err
		})
		return m, err
	}
	dir := o.wordnet
	if dir == "" {
		dir = eval.FindWordNet(os.Getenv("UNSPIN_WORDNET"))
	}
	if dir == "" {
		return nil, errors.New("WordNet not found: install Debian's wordnet-base or pass -wordnet")
	}
	wn, err := eval.LoadWordNet(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	return eval.WordNetSynonyms{WN: wn, Join: o.join}, nil
}

// readCorpus reads sentences after -skip ones until -words words.
func readCorpus(o options) ([]byte, error) {
	var sents [][]string
	err := readFile(o.corpus, func(r io.Reader) (err error) {
		if o.text {
			sents, err = proseSentences(r)
		} else {
			sents, err = lineSentences(r, !o.raw)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return takeSentences(sents, o.skip, o.words), nil
}

// readFile hands read the file's contents, unzipped when its name ends in
// .gz, and names the file in any error.
func readFile(name string, read func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	if err := read(r); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// lineSentences reads a tokenised corpus, one sentence a line, putting the
// punctuation back when detok is set.
func lineSentences(r io.Reader, detok bool) ([][]string, error) {
	var out [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		toks := strings.Fields(sc.Text())
		if len(toks) == 0 || hasGoldSyntax(toks) {
			continue
		}
		if detok {
			toks = detokenize(toks)
		}
		out = append(out, toks)
	}
	return out, sc.Err()
}

// hasGoldSyntax: braces would be read as alternatives ("{a|b}") in the gold,
// which is the clean text itself, so such sentences are left out.
func hasGoldSyntax(toks []string) bool {
	for _, t := range toks {
		if strings.ContainsAny(t, "{}") {
			return true
		}
	}
	return false
}

// takeSentences joins the sentences after the first skip until one reaches
// words words (0: all), one a line.
func takeSentences(sents [][]string, skip, words int) []byte {
	var b strings.Builder
	n := 0
	for _, s := range sents[min(skip, len(sents)):] {
		if words > 0 && n >= words {
			break
		}
		n += len(s)
		b.WriteString(strings.Join(s, " "))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}
