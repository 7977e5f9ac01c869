// Command tune measures restoration quality over a grid of repair options,
// on aligned spun/gold sets and on clean text, so that the defaults are
// chosen by measurement. Each row repairs every set with one combination.
//
//	go run ./tools/tune -spun a.spun.txt,b.spun.txt -gold a.gold.txt,b.gold.txt \
//	    -clean clean.txt -weight 0.8,1 -minconf 0.5,0.7
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"

	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
)

func main() {
	spun := flag.String("spun", "", "comma-separated spun files")
	gold := flag.String("gold", "", "comma-separated gold files, aligned with -spun")
	clean := flag.String("clean", "", "comma-separated clean files")
	d := repair.DefaultOptions()
	g := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	// Each grid defaults to the repairer's own default, so a run with no
	// flags measures what users get.
	weight := flag.String("weight", g(d.ChannelWeight), "channel weights to try")
	scale := flag.String("scale", g(d.Scale), "posterior scales to try")
	prior := flag.String("prior", g(d.PriorRate), "prior spin rates to try")
	priorW := flag.String("priorw", g(d.PriorWeight), "prior weights (words) to try")
	minconf := flag.String("minconf", g(d.MinConfidence), "confidence thresholds to try")
	ks := flag.String("k", strconv.Itoa(d.Candidates), "candidates per word to try")
	alpha := flag.String("alpha", "1", "thesaurus exponents to try")
	wordnet := flag.String("wordnet", g(lexicon.DefaultWordNetWeight), "WordNet channel weights to try")
	fast := flag.String("fast", g(d.FastMatch), "fast-match margins to try")
	consistency := flag.String("consistency", g(d.Consistency), "document consistency weights to try")
	beam := flag.Int("beam", d.Beam, "beam")
	iters := flag.Int("iters", d.RateIterations, "rate iterations")
	flag.Parse()

	model, err := lm.Default()
	check(err)
	lex, err := lexicon.Default()
	check(err)
	spuns, golds, cleans := read(*spun), read(*gold), read(*clean)
	fmt.Println("k\talpha/wn\tweight\tscale\tprior\tpriorw\tminconf\tfast\tconsist\tset\tP\tR\tF0.5\tclean%")
	for _, k := range floats(*ks) {
		for _, a := range floats(*alpha) {
			for _, wn := range floats(*wordnet) {
				a := alphaWordNet{a, wn}
				lo := lex.Options()
				lo.Alpha, lo.WordNetWeight = a.alpha, a.wordnet
				lx := repair.LexiconFor(model, lex.With(lo), int(k))
				for _, w := range floats(*weight) {
					for _, sc := range floats(*scale) {
						for _, p := range floats(*prior) {
							for _, pw := range floats(*priorW) {
								for _, mc := range floats(*minconf) {
									for _, fm := range floats(*fast) {
										for _, cw := range floats(*consistency) {
											o := repair.OptionsFor(lx)
											o.ChannelWeight, o.Scale, o.PriorRate, o.PriorWeight, o.MinConfidence = w, sc, p, pw, mc
											o.Beam, o.RateIterations, o.FastMatch, o.Consistency = *beam, *iters, fm, cw
											r := repair.New(model, lx, o)
											prefix := fmt.Sprintf("%v\t%v\t%v\t%v\t%v\t%v\t%v\t%v\t%v", k, a, w, sc, p, pw, mc, fm, cw)
											row(r, prefix, spuns, golds, cleans)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

// alphaWordNet is a grid point of the lexicon's channel: the thesaurus
// exponent and the WordNet weight, printed as one column.
type alphaWordNet struct{ alpha, wordnet float64 }

func (a alphaWordNet) String() string { return fmt.Sprintf("%v/%v", a.alpha, a.wordnet) }

func row(r *repair.Repairer, prefix string, spuns, golds, cleans [][]byte) {
	var cw, cc int
	for _, c := range cleans {
		rep, err := eval.ScoreClean(c, repair.Apply(c, r.Repair(c)), eval.Options{})
		check(err)
		cw += rep.Words
		cc += rep.Changed
	}
	cleanShare := 100 * float64(cc) / float64(max(cw, 1))
	for i := range spuns {
		rep, err := eval.Score(spuns[i], repair.Apply(spuns[i], r.Repair(spuns[i])), golds[i], eval.Options{})
		check(err)
		fmt.Printf("%s\t%d\t%.3f\t%.3f\t%.3f\t%.2f\n", prefix, i, rep.Precision, rep.Recall, rep.F05, cleanShare)
	}
}

func read(list string) [][]byte {
	var out [][]byte
	for _, f := range strings.Split(list, ",") {
		if f == "" {
			continue
		}
		b, err := os.ReadFile(f)
		check(err)
		out = append(out, b)
	}
	return out
}

func floats(list string) []float64 {
	var out []float64
	for _, f := range strings.Split(list, ",") {
		v, err := strconv.ParseFloat(f, 64)
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
