package lm

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// randomARPA writes a random model of the given order over a few words, with
// n-grams chosen at random so that suffixes and prefixes are often missing,
// as in a pruned model.
func randomARPA(r *rand.Rand, order int) string {
	words := []string{"a", "b", "c", "d", "e", "f", eosWord}
	grams := make([][][]string, order+1)
	seen := map[string]bool{}
	for _, w := range append([]string{bosWord}, words...) {
		grams[1] = append(grams[1], []string{w})
	}
	for n := 2; n <= order; n++ {
		for range 60 {
			g := make([]string, n)
			for i := range g {
				g[i] = words[r.IntN(len(words)-1)]
			}
			if r.IntN(3) == 0 {
				g[0] = bosWord
			}
			if r.IntN(4) == 0 {
				g[n-1] = eosWord
			}
			if k := strings.Join(g, " "); !seen[k] {
				seen[k] = true
				grams[n] = append(grams[n], g)
			}
		}
	}
	var b strings.Builder
	b.WriteString("\\data\\\n")
	for n := 1; n <= order; n++ {
		fmt.Fprintf(&b, "ngram %d=%d\n", n, len(grams[n]))
	}
	for n := 1; n <= order; n++ {
		fmt.Fprintf(&b, "\n\\%d-grams:\n", n)
		for _, g := range grams[n] {
			p := -0.1 - 2.9*r.Float64()
			if g[0] == bosWord && n == 1 {
				p = -99
			}
			fmt.Fprintf(&b, "%.4f\t%s", p, strings.Join(g, " "))
			if n < order && g[n-1] != eosWord && r.IntN(4) != 0 {
				fmt.Fprintf(&b, "\t%.4f", -1+1.5*r.Float64())
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString("\n\\end\\\n")
	return b.String()
}

// Random pruned models of every order must score random sentences as the
// textbook reading of their ARPA text does.
func TestRandomModelsAgreeWithReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 40 {
		order := 2 + trial%(MaxOrder-1)
		arpa := randomARPA(r, order)
		path := filepath.Join(t.TempDir(), "m.arpa")
		if err := os.WriteFile(path, []byte(arpa), 0o644); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		info, err := ImportARPA(strings.NewReader(arpa), &buf, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m, err := Load(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		ref := readRef(t, path, nil)
		vocab := []string{"a", "b", "c", "d", "e", "f", "zz"}
		for range 300 {
			s := make([]string, r.IntN(9))
			for i := range s {
				s[i] = vocab[r.IntN(len(vocab))]
			}
			got, gotOOV := scoreSentence(m, s)
			want, wantOOV := ref.sentence(s)
			if math.Abs(got-want) > 0.002*float64(len(s)+1) || gotOOV != wantOOV {
				t.Fatalf("order %d model (%d n-grams added to close it), %q: got %.4f, want %.4f\n%s",
					order, info.Added, s, got, want, arpa)
			}
		}
	}
}
