package lexicon

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/unspin/unspin/internal/testdata"
)

// goldPosition is one substituted word of an aligned spun/gold pair.
type goldPosition struct {
	spun      string   // surface token, surrounding punctuation removed
	originals []string // lowercased acceptable originals
}

var goldAlternatives = regexp.MustCompile(`\{([^}]*)\}`)

func trimPunct(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// substitutedPositions aligns the dev sample by whitespace tokens and
// returns the positions where the gold differs from the spun word.
func substitutedPositions(tb testing.TB) (subs []goldPosition, tokens []string) {
	spunB, err := os.ReadFile(testdata.Shared(tb, "samples/seed-article.dev.spun.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	goldB, err := os.ReadFile(testdata.Shared(tb, "samples/seed-article.dev.gold.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	spun, gold := strings.Fields(string(spunB)), strings.Fields(string(goldB))
	if len(spun) != len(gold) {
		tb.Fatalf("dev sample not aligned: %d spun tokens, %d gold", len(spun), len(gold))
	}
	for i, s := range spun {
		s = trimPunct(s)
		tokens = append(tokens, s)
		var orig []string
		if m := goldAlternatives.FindStringSubmatch(gold[i]); m != nil {
			if m[1] == "?" {
				continue
			}
			orig = strings.Split(normalize(m[1]), "|")
		} else {
			orig = []string{normalize(trimPunct(gold[i]))}
		}
		if s != "" && !contains(orig, normalize(s)) {
			subs = append(subs, goldPosition{spun: s, originals: orig})
		}
	}
	return subs, tokens
}

func contains(v []string, w string) bool {
	for _, x := range v {
		if x == w {
			return true
		}
	}
	return false
}

// goldRank is the 0-based rank of the first acceptable original among the
// candidates, or -1.
func goldRank(cs []Candidate, p goldPosition) int {
	for i, c := range cs {
		if contains(p.originals, c.Word) {
			return i
		}
	}
	return -1
}

// TestRecallDevSample measures candidate recall on the real spun sample: the
// share of substituted words whose original is among the candidates, as a
// function of K, and the candidate count per word at the default K.
func TestRecallDevSample(t *testing.T) {
	subs, tokens := substitutedPositions(t)
	full := testLexicon(t, 1000)
	ks := []int{1, 5, 10, 20, 30, 50, 1000}
	hits := make([]int, len(ks))
	var misses []string
	for _, p := range subs {
		r := goldRank(full.Candidates(p.spun), p)
		for j, k := range ks {
			if r >= 0 && r < k {
				hits[j]++
			}
		}
		if r < 0 {
			misses = append(misses, p.spun+"<-"+strings.Join(p.originals, "|"))
		}
	}
	for j, k := range ks {
		t.Logf("recall@K=%-4d %5.1f%% (%d/%d)", k, 100*float64(hits[j])/float64(len(subs)), hits[j], len(subs))
	}
	t.Logf("missed: %s", strings.Join(misses, " "))
	def := testLexicon(t, DefaultK)
	var counts []int
	for _, w := range tokens {
		counts = append(counts, len(def.Candidates(w)))
	}
	sort.Ints(counts)
	t.Logf("candidates per word at K=%d: median %d, 99th percentile %d", DefaultK,
		counts[len(counts)/2], counts[len(counts)*99/100])
	recall := 0.0
	for j, k := range ks {
		if k == DefaultK {
			recall = float64(hits[j]) / float64(len(subs))
		}
	}
	if recall < recallFloor {
		t.Errorf("recall at the default K is %.3f, below the floor %.2f", recall, recallFloor)
	}
}

// recallFloor is set a little under the measured recall so a regression in
// coverage fails the test.
const recallFloor = 0.60
