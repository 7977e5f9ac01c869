package tortured

import (
	"slices"
	"strings"
	"testing"
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
	in := NewInferrer([]Pair{{"counterfeit consciousness", []string{"artificial intelligence"}}, {"irregular woodland", []string{"random forest"}}})
	in.AddTerm("artificial forest")
	in.AddTerm("irregular forest") // as written its first word stays
	in.Finish()
	var got []string
	in.Terms([]string{"counterfeit", "woodland"}, nil, func(n int, term string) { got = append(got, term) })
	if !slices.Equal(got, []string{"artificial forest"}) {
		t.Errorf("Terms(counterfeit woodland) = %v, want [artificial forest]", got)
	}
}

func TestResolveChains(t *testing.T) {
	pairs := []Pair{
		{"vicinity unit", []string{"area unit"}},
		{"area unit", []string{"are"}},
		{"net of things", []string{"web of things", "network of things"}},
		{"web of things", []string{"internet of things"}},
		{"a b", []string{"c d"}}, {"c d", []string{"a b"}}, // a cycle ends where it began
	}
	got := map[string]string{}
	for _, p := range Resolve(pairs) {
		got[p.Spun] = strings.Join(p.Originals, "|")
	}
	want := map[string]string{
		"vicinity unit": "are", "area unit": "are",
		"net of things": "internet of things|network of things", "web of things": "internet of things",
		"a b": "c d", "c d": "a b",
	}
	for spun, w := range want {
		if got[spun] != w {
			t.Errorf("Resolve: %q -> %q, want %q", spun, got[spun], w)
		}
	}
}
