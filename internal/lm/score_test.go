package lm

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importFile imports an ARPA file from testdata into memory and loads it.
func importFile(t testing.TB, name string, opts ImportOptions) (*Binary, Info) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	info, err := ImportARPA(f, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Verify(); err != nil {
		t.Fatal(err)
	}
	return m, info
}

// score runs words (space-separated) from state and returns the last word's
// log10 probability and the state after it.
func score(m Model, s State, words string) (float32, State) {
	var p float32
	for _, w := range strings.Fields(words) {
		p, s = m.Score(s, m.ID(w))
	}
	return p, s
}

func TestSmallBackoffByHand(t *testing.T) {
	m, info := importFile(t, "small.arpa", ImportOptions{})
	if info.Added != 1 {
		t.Errorf("added %d n-grams to close the model, want 1 (sat mat)", info.Added)
	}
	bos := m.BeginSentence()
	for _, c := range []struct {
		name  string
		words string // scored from <s>; the last word's probability is checked
		want  float64
	}{
		{"trigram hit", "the cat", -0.2},
		{"second trigram hit", "the cat sat", -0.1},
		{"unseen trigram, seen bigram context with backoff", "the mat", -0.25 + -0.3},
		{"unseen trigram and bigram: two backoffs", "the mat cat", 0 + -0.1 + -1.2},
		{"context without backoff", "the cat sat </s>", 0 + -0.9},
		{"added suffix n-gram", "sat mat", 0 + -1.3},
		{"trigram that needed the added suffix", "cat sat mat", -0.05},
		{"unknown word", "the dog", DefaultUnknownLog10},
		{"context reset by an unknown word", "the dog cat", -1.2},
	} {
		got, _ := score(m, bos, c.words)
		if math.Abs(float64(got)-c.want) > 0.002 {
			t.Errorf("%s: log10 P(%s) = %.4f, want %.4f", c.name, c.words, got, c.want)
		}
	}
}

func TestSmallStateIsMinimal(t *testing.T) {
	m, _ := importFile(t, "small.arpa", ImportOptions{})
	for _, c := range []struct {
		words string
		want  []string // newest first
	}{
		{"the cat", []string{"cat", "the"}}, // "the cat" begins "the cat sat"
		{"the mat", []string{"mat"}},        // "the mat" begins nothing and has no backoff
		{"the cat sat", []string{"sat", "cat"}},
		{"the dog", nil},
	} {
		_, s := score(m, m.BeginSentence(), c.words)
		var got []string
		for i := range int(s.Len) {
			got = append(got, m.Word(s.Words[i]))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("state after <s> %s = %q, want %q", c.words, got, c.want)
		}
	}
}

func TestSmallAgreesWithReference(t *testing.T) {
	m, _ := importFile(t, "small.arpa", ImportOptions{})
	ref := readRef(t, filepath.Join("testdata", "small.arpa"), nil)
	words := []string{"the", "cat", "sat", "mat", "</s>", "dog"}
	// Every sentence of up to four words over the vocabulary plus an unknown.
	var walk func(prefix []string)
	walk = func(prefix []string) {
		got, gotOOV := scoreSentence(m, prefix)
		want, wantOOV := ref.sentence(prefix)
		if math.Abs(got-want) > 0.002*float64(len(prefix)+1) || gotOOV != wantOOV {
			t.Fatalf("%q: got %.4f (%d unknown), reference %.4f (%d)", prefix, got, gotOOV, want, wantOOV)
		}
		if len(prefix) < 4 {
			for _, w := range words {
				walk(append(prefix[:len(prefix):len(prefix)], w))
			}
		}
	}
	walk(nil)
}
