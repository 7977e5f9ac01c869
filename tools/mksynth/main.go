// Command mksynth writes a synthetic spun/gold pair for `unspin eval`: it
// takes clean sentences from a corpus (one tokenised sentence a line, as the
// Brown corpus is stored), puts the punctuation back against its words, and
// spins them with WordNet synonyms, a dictionary the repairer does not use,
// so that the score measures how well the repairer generalises. With -moby
// it spins them from the Moby thesaurus instead, the repairer's own
// dictionary read forward: a spinner whose every pair the lexicon can
// propose, the most favourable case for its candidates.
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
	corpus, wordnet, moby    string
	table, out               string
	words, skip              int
	rate                     float64
	seed                     uint64
	functionWords, join, raw bool
}

func main() {
	var o options
	flag.StringVar(&o.corpus, "corpus", defaultCorpus(), "clean corpus, one tokenised sentence a line")
	flag.StringVar(&o.wordnet, "wordnet", "", "WordNet dict directory (default: $UNSPIN_WORDNET or a probe of the usual places)")
	flag.StringVar(&o.moby, "moby", "", "spin from this Moby thesaurus file (words.txt, plain or .gz) instead of WordNet")
	flag.StringVar(&o.table, "table", "", "odd-swap table (\"original replacement\" a line) tried before WordNet")
	flag.StringVar(&o.out, "out", "", "output prefix: writes PREFIX.spun.txt and PREFIX.gold.txt (required)")
	flag.IntVar(&o.words, "words", 5000, "stop after the sentence that reaches this many words (0: whole corpus)")
	flag.IntVar(&o.skip, "skip", 0, "corpus lines to skip first")
	flag.Float64Var(&o.rate, "rate", eval.DefaultRate, "share of known word occurrences replaced")
	flag.Uint64Var(&o.seed, "seed", 1, "seed for every random choice")
	flag.BoolVar(&o.functionWords, "function-words", false, "also make the real sample's function-word swaps (the->a, at->during, ...)")
	flag.BoolVar(&o.join, "join", false, "use multi-word synonyms joined with '-' instead of skipping them")
	flag.BoolVar(&o.raw, "raw", false, "keep the corpus tokenisation instead of attaching punctuation")
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
	sp, err := newSpinner(o)
	if err != nil {
		return err
	}
	spun, st := sp.Spin(clean)
	if err := os.WriteFile(o.out+".spun.txt", spun, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(o.out+".gold.txt", clean, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d words, %d known to the spinner, %d replaced (%.1f%% of words)\n",
		st.Words, st.Known, st.Replaced, 100*float64(st.Replaced)/float64(max(st.Words, 1)))
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

// synonyms is the spinner's dictionary: Moby with -moby, else WordNet.
func synonyms(o options) (eval.Synonyms, error) {
	if o.moby != "" {
		f, err := os.Open(o.moby)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var r io.Reader = bufio.NewReader(f)
		if strings.HasSuffix(o.moby, ".gz") {
			if r, err = gzip.NewReader(r); err != nil {
				return nil, fmt.Errorf("%s: %w", o.moby, err)
			}
		}
		m, err := eval.ReadMoby(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.moby, err)
		}
		return m, nil
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

// readCorpus reads sentences after -skip lines until -words words.
func readCorpus(o options) ([]byte, error) {
	f, err := os.Open(o.corpus)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return takeSentences(f, o.skip, o.words, !o.raw)
}

func takeSentences(r io.Reader, skip, words int, detok bool) ([]byte, error) {
	var b strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for line := 0; sc.Scan() && (words == 0 || n < words); line++ {
		toks := strings.Fields(sc.Text())
		if line < skip || len(toks) == 0 {
			continue
		}
		if detok {
			toks = detokenize(toks)
		}
		n += len(toks)
		b.WriteString(strings.Join(toks, " "))
		b.WriteByte('\n')
	}
	return []byte(b.String()), sc.Err()
}
