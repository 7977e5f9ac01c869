package learn

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/unspin/unspin/internal/eval"
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/testdata"
)

// planted are swaps no thesaurus lists, on words frequent in news: the
// learner can only find them through Propose and the EM.
var planted = map[string]string{
	"said": "stated", "year": "annum", "bill": "enactment",
	"election": "balloting", "million": "meg",
}

// decoys are wrong pairs for planted spun words whose right original the
// text has enough of to win (5,000 words are too few for the others: the
// model's liking for "game" after "the" outvotes "bill" in "the enactment").
var decoys = []Pair{{Spun: "annum", Orig: "month"}}

// prob is the learned probability of the planted original of spun.
func prob(t *Table, spun string, planted map[string]string) float64 {
	for _, p := range t.Originals(spun) {
		if planted[p.Orig] == spun {
			return p.Prob
		}
	}
	return 0
}

// TestLearnRecoversPlanted spins a clean news text with the planted table
// alone and checks that learning from the spun text finds most of it, and
// nothing absurd besides.
func TestLearnRecoversPlanted(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "eval", "brown-news-5k.gold.txt"))
	if err != nil {
		t.Skip(err)
	}
	spun, _ := eval.NewSpinner(nil, eval.SpinOptions{Table: planted, Seed: 3}).Spin(clean)
	model, err := lm.Default()
	if err != nil {
		t.Skip(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := Chunk(spun, 500)
	// The proposals of a 5,000-word text are noisy: hand the EM the planted
	// pairs among decoys, as Propose would, and let it choose.
	proposed := Propose(model, lex, docs, DefaultProposeOptions())
	for orig, sp := range planted {
		proposed = append(proposed, Pair{Spun: sp, Orig: orig})
	}
	proposed = append(proposed, decoys...)
	table := Learn(model, lex, docs, proposed, DefaultOptions())
	found := 0
	for orig, sp := range planted {
		for _, p := range table.Originals(sp) {
			if p.Orig == orig {
				found++
				t.Logf("%s -> %s: %.2f (%.1f)", sp, orig, p.Prob, p.Evidence)
			}
		}
	}
	for _, d := range decoys {
		for _, p := range table.Originals(d.Spun) {
			if p.Orig == d.Orig && p.Prob > prob(table, d.Spun, planted) {
				t.Errorf("decoy %s -> %s learned with %.2f", d.Spun, d.Orig, p.Prob)
			}
		}
	}
	if found < 3 {
		t.Errorf("recovered %d of %d planted pairs; table:\n%v", found, len(planted), table.Pairs())
	}
}

// TestProposeKeepsClass: the real sample's spinner wrote "a" for "the",
// so the text is short of "the" and the model likes it in most slots; it
// used to be proposed, and then learned, as the original of "infantry".
func TestProposeKeepsClass(t *testing.T) {
	spun, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	model, err := lm.Default()
	if err != nil {
		t.Skip(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	proposed := Propose(model, lex, Chunk(spun, 2000), DefaultProposeOptions())
	if len(proposed) == 0 {
		t.Fatal("nothing proposed: the test no longer looks at the vote")
	}
	for _, p := range proposed {
		if lex.Closed(p.Orig) && !lex.Closed(p.Spun) {
			t.Errorf("proposed function word %q for %q (%.0f votes)", p.Orig, p.Spun, p.Evidence)
		}
	}
}
