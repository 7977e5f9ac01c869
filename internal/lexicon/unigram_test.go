package lexicon

import (
	"bufio"
	"compress/gzip"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

var arpaUnigrams = sync.OnceValues(func() (map[string]float64, error) {
	path := testdata.SharedDir() + "/data/lm/cmusphinx-en-us.arpa.gz"
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	m := map[string]float64{}
	sc := bufio.NewScanner(z)
	in := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == `\1-grams:`:
			in = true
		case strings.HasPrefix(line, `\2-grams:`):
			return m, nil
		case in && line != "":
			f := strings.Fields(line)
			if len(f) >= 2 {
				p, _ := strconv.ParseFloat(f[0], 64)
				m[f[1]] = p
			}
		}
	}
	return m, sc.Err()
})

// testUnigram returns the CMU Sphinx unigram log10 probabilities as an
// Options.Unigram, skipping the test without the shared data.
func testUnigram(tb testing.TB) func(string) float64 {
	tb.Helper()
	testdata.Shared(tb, "data/lm/cmusphinx-en-us.arpa.gz")
	m, err := arpaUnigrams()
	if err != nil {
		tb.Fatal(err)
	}
	return func(w string) float64 {
		if p, ok := m[w]; ok {
			return p
		}
		return math.Inf(-1)
	}
}

// testLexicon is the default lexicon ranked by the CMU unigrams.
func testLexicon(tb testing.TB, k int) *Lexicon {
	tb.Helper()
	l, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return l.With(Options{K: k, Unigram: testUnigram(tb)})
}
