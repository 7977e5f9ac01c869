// Command tunephrases measures the inference of unlisted tortured terms
// over a grid of its settings, on folds of the training part of the
// tortured-phrase list, so that the settings are chosen without looking at
// the held-out part the tests score.
//
// The list is split by term as the tests split it (tortured.Split, 20%
// held out, never read here); its training 80% is cut by term into four
// folds. For each fold the phrase table and the learned swaps come from
// the other three, and the fold's terms are unlisted: the dev sentences
// using them, and two carrier sentences for every one of its pairs, are
// repaired and counted when they come out exactly as written. Clean text
// is scored too: the sentences of clean scientific prose in which any
// phrase is found, and, with -news, the words of clean news changed.
//
//	go run ./tools/tunephrases -margin 2,3 -confidence 0.9,0.95
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/tortured"
)

const folds = 4

func main() {
	repo, _ := os.Getwd()
	shared := flag.String("shared", filepath.Join(repo, "..", "shared"), "the shared data directory")
	d := repair.DefaultOptions()
	g := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	margin := flag.String("margin", g(d.InferMargin), "InferMargin values to try")
	confidence := flag.String("confidence", g(d.InferConfidence), "InferConfidence values to try")
	rate := flag.String("rate", g(d.InferRate), "InferRate values to try")
	alts := flag.String("alts", strconv.Itoa(d.InferAlts), "InferAlts values to try")
	colloc := flag.String("colloc", g(d.InferCollocation), "InferCollocation values to try")
	support := flag.String("support", strconv.Itoa(tortured.MinSupport), "MinSupport values to try")
	news := flag.Bool("news", false, "also count the words of clean Brown news changed (slower)")
	flag.Parse()

	pairs := readPairs(filepath.Join(*shared, "data/tortured/pps-train.tsv"))
	train, _ := tortured.Split(pairs, 20)
	dev := readDev(filepath.Join(*shared, "data/tortured/sentences-dev.tsv"))
	science, err := os.ReadFile(filepath.Join(repo, "internal/repair/testdata/science/brown-learned.txt"))
	check(err)
	var newsText []byte
	if *news {
		newsText, err = os.ReadFile(filepath.Join(*shared, "data/corpus/brown-news.txt"))
		check(err)
	}
	wordnet, err := tortured.WordNetTerms("/usr/share/wordnet")
	if err != nil {
		log.Printf("no WordNet terms: %v", err)
	}
	model, err := lm.Default()
	check(err)
	lex, err := lexicon.Default()
	check(err)
	lx := repair.LexiconFor(model, lex, d.Candidates)

	fmt.Println("support\tmargin\tconfidence\trate\talts\tcolloc\tdev\tcarriers\tscience flagged\tnews changed")
	for _, sup := range ints(*support) {
		inferrers := make([]*tortured.Inferrer, folds)
		tables := make([]listed, folds)
		for f := range folds {
			rest, _ := byFold(train, f)
			in := tortured.NewInferrer(rest)
			for _, t := range wordnet {
				in.AddTerm(t)
			}
			in.Prune(sup)
			inferrers[f], tables[f] = in, newListed(rest)
		}
		for _, m := range floats(*margin) {
			for _, c := range floats(*confidence) {
				for _, ra := range floats(*rate) {
					for _, a := range ints(*alts) {
						for _, co := range floats(*colloc) {
							var devOK, devN, carOK, carN, flagged, sentences, changed int
							for f := range folds {
								o := repair.OptionsFor(lex)
								o.InferMargin, o.InferConfidence, o.InferRate, o.InferAlts, o.InferCollocation = m, c, ra, a, co
								o.Phrases, o.Infer = tables[f], inferrers[f]
								r := repair.New(model, lx, o)
								_, held := byFold(train, f)
								rows := heldRows(held, dev)
								for _, row := range rows.dev {
									devN++
									if restored(r, row) {
										devOK++
									}
								}
								for _, row := range rows.carriers {
									carN++
									if restored(r, row) {
										carOK++
									}
								}
								fl, n := flaggedLines(r, science)
								flagged, sentences = flagged+fl, sentences+n
								if *news {
									for _, fx := range r.Repair(newsText) {
										if fx.Applied {
											changed++
										}
									}
								}
							}
							fmt.Printf("%d\t%g\t%g\t%g\t%d\t%g\t%d/%d %.1f%%\t%d/%d %.1f%%\t%d/%d\t%d\n", sup, m, c, ra, a, co,
								devOK, devN, pct(devOK, devN), carOK, carN, pct(carOK, carN), flagged, sentences, changed)
						}
					}
				}
			}
		}
	}
}

// byFold returns the pairs outside and inside fold f of the training part.
func byFold(train []tortured.Pair, f int) (rest, in []tortured.Pair) {
	for _, p := range train {
		if tortured.Bucket(p.Originals[0])*folds/80 == f {
			in = append(in, p)
		} else {
			rest = append(rest, p)
		}
	}
	return rest, in
}

type row struct{ spun, orig string }

type rows struct{ dev, carriers []row }

// carriers are the sentences each unlisted pair is tried in, as in the
// tests.
var carriers = []string{
	"In this paper we study %s in detail.",
	"The results show that %s improves the outcome.",
}

func heldRows(held []tortured.Pair, dev []devRow) rows {
	var out rows
	spun := map[string]bool{}
	for _, p := range held {
		spun[p.Spun] = true
		for _, c := range carriers {
			out.carriers = append(out.carriers, row{strings.Replace(c, "%s", p.Spun, 1), strings.Replace(c, "%s", p.Originals[0], 1)})
		}
	}
	for _, d := range dev {
		if spun[d.tortured] {
			out.dev = append(out.dev, row{d.spun, d.orig})
		}
	}
	return out
}

func restored(r *repair.Repairer, x row) bool {
	return string(repair.Apply([]byte(x.spun), r.Repair([]byte(x.spun)))) == x.orig
}

// flaggedLines counts the lines of src (a sentence a line) in which the
// screen finds any phrase, and the lines.
func flaggedLines(r *repair.Repairer, src []byte) (flagged, lines int) {
	seen := map[int]bool{}
	for _, p := range r.Phrases(src) {
		seen[bytes.Count(src[:p.Start], []byte("\n"))] = true
	}
	return len(seen), bytes.Count(bytes.TrimSpace(src), []byte("\n")) + 1
}

// listed is a phrase table built from pairs, as the shipped one is built
// from the whole list.
type listed struct {
	originals map[string][]string
	starts    map[string]int
}

func newListed(pairs []tortured.Pair) listed {
	l := listed{map[string][]string{}, map[string]int{}}
	for _, p := range tortured.Resolve(pairs) {
		l.originals[p.Spun] = p.Originals
		w := strings.Fields(p.Spun)
		l.starts[w[0]] = max(l.starts[w[0]], len(w))
	}
	return l
}

func (l listed) LongestPhrase(w string) int           { return l.starts[w] }
func (l listed) PhraseOriginals(spun string) []string { return l.originals[spun] }

type devRow struct{ spun, orig, tortured string }

func readDev(path string) []devRow {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	var out []devRow
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 4 {
			log.Fatalf("%s: want 4 columns, got %q", path, sc.Text())
		}
		out = append(out, devRow{c[0], c[1], c[2]})
	}
	check(sc.Err())
	return out
}

func readPairs(path string) []tortured.Pair {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	pairs, err := tortured.ReadPairs(f)
	check(err)
	return pairs
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }

func floats(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(f, 64)
		check(err)
		out = append(out, v)
	}
	return out
}

func ints(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(f)
		check(err)
		out = append(out, v)
	}
	return out
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
