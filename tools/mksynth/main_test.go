package main

import (
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
	got, err := takeSentences(strings.NewReader(corpus), 1, 5, true)
	if err != nil {
		t.Fatal(err)
	}
	// Skips the first line, stops after the sentence reaching 5 tokens.
	if want := "four five.\nsix seven eight nine.\n"; string(got) != want {
		t.Errorf("takeSentences = %q, want %q", got, want)
	}
}
