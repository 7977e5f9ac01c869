package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDetokenize(t *testing.T) {
	in := strings.Fields(`He said , " no evidence " ( none ) was found ; it's 10 % , isn't it ?`)
	want := strings.Fields(`He said, “no evidence” (none) was found; it's 10%, isn't it?`)
	if got := detokenize(in); !slices.Equal(got, want) {
		t.Errorf("detokenize = %q\nwant        %q", got, want)
	}
}

func TestTakeSentences(t *testing.T) {
	corpus := "one two three .\n\nfour five .\nsix seven eight nine .\nten .\n"
	sents, err := lineSentences(strings.NewReader(corpus), true)
	if err != nil {
		t.Fatal(err)
	}
	got := takeSentences(sents, 1, 5)
	// Skips the first line, stops after the sentence reaching 5 tokens.
	if want := "four five.\nsix seven eight nine.\n"; string(got) != want {
		t.Errorf("takeSentences = %q, want %q", got, want)
	}
}

func TestLineSentencesSkipsGoldSyntax(t *testing.T) {
	sents, err := lineSentences(strings.NewReader("the function f{t} is odd .\nit is .\n"), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || strings.Join(sents[0], " ") != "it is." {
		t.Errorf("sentences = %q; braces would read as gold alternatives", sents)
	}
}

func TestProseSentences(t *testing.T) {
	in := "Mr. Smith went to Washington last week. He said “no”! Then he left at\n" +
		"9 a.m. on Friday, with J. Doe and the rest of them.\n\n" +
		"hi how are you doing today and yesterday?\n" + // chat: no capital
		"Another headline without an end\n\n" + // no sentence punctuation
		"The party was great fun 🎉 for everyone there.\n" + // emoji
		"Short one.\n" + // too short
		"Is a { brace } fine in a sentence here?\n" // gold syntax
	sents, err := proseSentences(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sents {
		got = append(got, strings.Join(s, " "))
	}
	// "He said “no”!" is only four words: dropped as too short.
	want := []string{
		"Mr. Smith went to Washington last week.",
		"Then he left at 9 a.m. on Friday, with J. Doe and the rest of them.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("proseSentences =\n%q\nwant\n%q", got, want)
	}
}

// writeGzip writes s gzipped to path.
func writeGzip(t *testing.T, path, s string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRunTortured(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.txt.gz")
	writeGzip(t, corpus, "skipped line .\nthe big forest grew , and big data grew .\n")
	tortured := filepath.Join(dir, "pps.tsv")
	moby := filepath.Join(dir, "moby.txt")
	os.WriteFile(tortured, []byte("colossal woodland\tbig forest\n"), 0o644)
	os.WriteFile(moby, []byte("grew,swelled\r\nforest,wood\r\n"), 0o644)
	for _, c := range []struct {
		name string
		o    options
		spun string
	}{
		{"table", options{tortured: tortured}, "the colossal woodland grew, and colossal data grew.\n"},
		// Moby backs the table: "grew" gets spun, "forest" keeps its tortured swap.
		{"fallback", options{tortured: tortured, moby: moby, fallback: true},
			"the colossal woodland swelled, and colossal data swelled.\n"},
		{"unspun", options{tortured: tortured, unspun: true}, "the big forest grew, and big data grew.\n"},
	} {
		c.o.corpus, c.o.skip, c.o.rate, c.o.out = corpus, 1, 1, filepath.Join(dir, c.name)
		if err := run(c.o); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		spun, _ := os.ReadFile(c.o.out + ".spun.txt")
		gold, _ := os.ReadFile(c.o.out + ".gold.txt")
		if string(spun) != c.spun || string(gold) != "the big forest grew, and big data grew.\n" {
			t.Errorf("%s: spun %q, gold %q", c.name, spun, gold)
		}
	}
}
