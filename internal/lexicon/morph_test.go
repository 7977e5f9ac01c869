package lexicon

import (
	"slices"
	"testing"
)

func testMorph(t *testing.T) *morphology {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l.morph()
}

func TestInflect(t *testing.T) {
	m := testMorph(t)
	for _, tc := range []struct {
		lemma string
		form  Form
		want  string
	}{
		{"say", Past, "said"}, // irregular verbs, from the paradigms
		{"say", ThirdSg, "says"},
		{"go", Participle, "gone"},
		{"go", Past, "went"},
		{"be", ThirdSg, "is"},
		{"stop", Ing, "stopping"}, // regular, doubling
		{"visit", Past, "visited"},
		{"blorp", Past, "blorped"}, // not listed: regular rules
		{"blorp", Ing, "blorping"},
		{"blore", Ing, "bloring"},
		{"fighter", Plural, "fighters"}, // nouns
		{"city", Plural, "cities"},
		{"box", Plural, "boxes"},
		{"child", Plural, "children"},  // irregular, from WordNet
		{"big", Comparative, "bigger"}, // adjectives
		{"large", Superlative, "largest"},
		{"happy", Comparative, "happier"},
		{"good", Comparative, "better"},
		{"bad", Superlative, "worst"},
	} {
		if got := m.inflect(tc.lemma, tc.form); !slices.Contains(got, tc.want) {
			t.Errorf("inflect(%s, %d) = %v, want %s", tc.lemma, tc.form, got, tc.want)
		}
	}
}

func TestAnalyse(t *testing.T) {
	m := testMorph(t)
	known := func(w string) bool { return w == "warrior" || w == "big" || w == "city" }
	for _, tc := range []struct {
		word string
		want analysis
	}{
		{"pronounced", analysis{"pronounce", Past}},
		{"pronounced", analysis{"pronounce", Participle}},
		{"said", analysis{"say", Past}},
		{"went", analysis{"go", Past}},
		{"warriors", analysis{"warrior", Plural}},
		{"cities", analysis{"city", Plural}},
		{"bigger", analysis{"big", Comparative}},
		{"children", analysis{"child", Plural}},
		{"better", analysis{"good", Comparative}},
	} {
		if got := m.analyse(tc.word, known); !slices.Contains(got, tc.want) {
			t.Errorf("analyse(%s) = %v, want %v among them", tc.word, got, tc.want)
		}
	}
	if got := m.analyse("warriors", func(string) bool { return false }); len(got) != 0 {
		t.Errorf("analyse(warriors) with no known lemma = %v, want none", got)
	}
}

// TestReinflectedCandidates checks the whole path: lemma, thesaurus root,
// re-inflection to the spun word's form.
func TestReinflectedCandidates(t *testing.T) {
	l := testLexicon(t, 1000)
	for _, tc := range []struct{ spun, want string }{
		{"pronounced", "said"},
		{"warriors", "fighters"},
		{"seemed", "appeared"},
		{"stays", "remains"},
		{"quarrels", "fights"},
		{"bigger", "larger"},
	} {
		var src Source = 255
		for _, c := range l.Candidates(tc.spun) {
			if c.Word == tc.want {
				src = c.Source
			}
		}
		if src != Morphology && src != Thesaurus && src != WordNet {
			t.Errorf("%s: %s not proposed by morphology or a thesaurus", tc.spun, tc.want)
		}
	}
}
