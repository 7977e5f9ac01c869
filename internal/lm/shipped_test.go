package lm

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/unspin/unspin/internal/testdata"
)

func TestShippedModelVerifies(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Verify(); err != nil {
		t.Fatal(err)
	}
	if m.Order() != 3 || m.VocabSize() < 70000 || !strings.Contains(m.Info().Source, "BSD") {
		t.Errorf("unexpected shipped model: %+v", m.Info())
	}
	for _, w := range []string{"<s>", "</s>", "the"} {
		if id := m.ID(w); id == Unknown || m.Word(id) != w {
			t.Errorf("ID(%q) = %d, Word of it %q", w, id, m.Word(id))
		}
	}
	if m.ID(bosWord) != BOS || m.ID(eosWord) != EOS || m.ID("qqxqzv") != Unknown {
		t.Error("fixed ids wrong")
	}
}

// sampleSentences takes n lines spread evenly over a corpus file of
// tokenised sentences, lowercased and split on blanks.
func sampleSentences(t testing.TB, path string, n int) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var all []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		all = append(all, sc.Text())
	}
	var out [][]string
	for i := 0; i < len(all) && len(out) < n; i += max(1, len(all)/n) {
		var words []string
		for _, w := range strings.Fields(strings.ToLower(all[i])) {
			if strings.ContainsFunc(w, unicode.IsLetter) {
				words = append(words, w) // punctuation would only reset the context
			}
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// The shipped model must give every sampled sentence the log10 probability
// the ARPA file defines, within 0.01 a word.
func TestShippedModelAgreesWithARPA(t *testing.T) {
	arpa := testdata.Shared(t, "data/lm/cmusphinx-en-us.arpa.gz")
	sents := sampleSentences(t, testdata.Shared(t, "data/corpus/brown-news.txt"), 200)
	vocab := map[string]bool{bosWord: true, eosWord: true, unkWord: true}
	for _, s := range sents {
		for _, w := range s {
			vocab[w] = true
		}
	}
	ref := readRef(t, arpa, func(w string) bool { return vocab[w] })
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var worst float64
	oovs := 0
	for _, s := range sents {
		got, gotOOV := scoreSentence(m, s)
		want, wantOOV := ref.sentence(s)
		oovs += gotOOV
		perWord := math.Abs(got-want) / float64(len(s)+1)
		worst = max(worst, perWord)
		if perWord > 0.01 || gotOOV != wantOOV {
			t.Errorf("%q: got %.4f (%d unknown), ARPA gives %.4f (%d)", strings.Join(s, " "), got, gotOOV, want, wantOOV)
		}
	}
	t.Logf("%d sentences, %d unknown words, worst difference %.5f log10 a word", len(sents), oovs, worst)
}
