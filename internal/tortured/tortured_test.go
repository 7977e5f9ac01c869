package tortured

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/unspin/unspin/dictionaries"
)

func TestLookupInflected(t *testing.T) {
	table := map[string][]string{"irregular woodland": {"random forest"}, "counterfeit consciousness": {"artificial intelligence"}}
	look := func(s string) []string { return table[s] }
	for spun, want := range map[string]string{
		"irregular woodland":          "random forest",
		"irregular woodlands":         "random forests",
		"counterfeit consciousness's": "artificial intelligence's",
		"irregular woodlandz":         "",
	} {
		origs, _ := Lookup(spun, look)
		got := strings.Join(origs, "|")
		if got != want {
			t.Errorf("Lookup(%q) = %q, want %q", spun, got, want)
		}
	}
}

func TestSplitByTerm(t *testing.T) {
	pairs, err := ReadPairs(strings.NewReader("irregular woodland\trandom forest\narbitrary woodland\trandom forest\nbosom peril\tbreast cancer|mammary cancer\n"))
	if err != nil {
		t.Fatal(err)
	}
	train, held := Split(pairs, 50)
	side := func(ps []Pair, spun string) bool {
		return slices.ContainsFunc(ps, func(p Pair) bool { return p.Spun == spun })
	}
	if side(train, "irregular woodland") != side(train, "arbitrary woodland") || len(train)+len(held) != 3 {
		t.Errorf("the forms of one term fell on different sides: train %v held %v", train, held)
	}
}

func TestInferTerms(t *testing.T) {
	in := NewInferrer([]Pair{
		{"counterfeit consciousness", []string{"artificial intelligence"}},
		{"counterfeit sweeteners", []string{"artificial sweeteners"}},
		{"irregular woodland", []string{"random forest"}},
		{"thick woodland", []string{"dense forest"}},
		{"bolster vector", []string{"support vector"}}, // one term alone shows it
	})
	in.Prune(MinSupport)
	in.AddTerm("artificial forest")
	in.AddTerm("support system")
	in.AddTerm("irregular forest") // as written its first word stays
	terms := func(words ...string) []string {
		var got []string
		in.Terms(words, nil, func(n int, term string) { got = append(got, term) })
		return got
	}
	if got := terms("counterfeit", "woodlands"); !slices.Equal(got, []string{"artificial forests"}) {
		t.Errorf("Terms(counterfeit woodlands) = %v, want [artificial forests] (plural through the singular swap)", got)
	}
	if got := terms("bolster", "system"); len(got) > 0 {
		t.Errorf("Terms(bolster system) = %v: a swap one term shows was kept", got)
	}
	// A further original counts only beside a learned swap: "fake"
	// (a thesaurus's) with "woodland" (learned) spells a term, "fake
	// consciousness" alone does not reach one.
	in.AddTerm("fake forest")
	var with []string
	in.TermsWith([]string{"phony", "woodland"}, [][]string{{"fake"}}, nil, func(n int, term string) { with = append(with, term) })
	if !slices.Equal(with, []string{"fake forest"}) {
		t.Errorf("TermsWith(phony woodland, alts fake) = %v, want [fake forest]", with)
	}
	with = nil
	in.AddTerm("fake news")
	in.TermsWith([]string{"phony", "news"}, [][]string{{"fake"}}, nil, func(n int, term string) { with = append(with, term) })
	if len(with) > 0 {
		t.Errorf("TermsWith(phony news, alts fake) = %v: no learned swap in the span", with)
	}
	everything := func([]string) (bool, bool) { return true, true }
	var got []string
	in.Terms([]string{"the", "woodland"}, everything, func(n int, term string) { got = append(got, term) })
	if len(got) > 0 {
		t.Errorf("Terms(the woodland) = %v: a span must begin and end with content words", got)
	}
	in.Terms([]string{"thick", "woodland"}, everything, func(n int, term string) { got = append(got, term) })
	if !slices.Contains(got, "thick forest") {
		t.Errorf("Terms(thick woodland) with every phrase a term = %v, want thick forest among them", got)
	}
}

func TestDefaultLoads(t *testing.T) {
	in, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !in.HasSwaps("woodland") {
		t.Error("the shipped swaps lack woodland -> forest, which several listed terms show")
	}
	if term, _ := in.KnownTerm([]string{"random", "forest"}); !term {
		t.Error("the shipped terms lack random forest")
	}
}

// TestTermHashesMatchList: the term hashes the binary reads are those of
// terms.txt (regenerate both with tools/mkphrases).
func TestTermHashesMatchList(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "dictionaries", "terms.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && l[0] != '#' {
			terms = append(terms, l)
		}
	}
	var got bytes.Buffer
	if err := TermsOnly(terms).WriteTermHashes(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != dictionaries.TermHashes {
		t.Errorf("terms.bin (%d bytes) is not the hashes of terms.txt (%d bytes): run tools/mkphrases", len(dictionaries.TermHashes), got.Len())
	}
	in, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		words        string
		term, prefix bool
	}{{"support vector machines", true, false}, {"support vector", true, true}, {"vector support", false, false}} {
		if term, prefix := in.KnownTerm(strings.Fields(c.words)); term != c.term || prefix != c.prefix {
			t.Errorf("KnownTerm(%s) = %v, %v, want %v, %v", c.words, term, prefix, c.term, c.prefix)
		}
	}
}
