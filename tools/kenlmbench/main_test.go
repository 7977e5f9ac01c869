//go:build unix

package main

import (
	"strings"
	"testing"
)

// The tokens file must hold the words unspin's model is queried on, one
// sentence a line, and no line for a line without words.
func TestTokens(t *testing.T) {
	var out strings.Builder
	in := "The Fulton County Grand Jury said \" no evidence \" .\n\n, ;\nIt ended.\n"
	if err := tokens(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "the fulton county grand jury said no evidence\nit ended\n"
	if out.String() != want {
		t.Errorf("tokens:\n%q\nwant\n%q", out.String(), want)
	}
}
