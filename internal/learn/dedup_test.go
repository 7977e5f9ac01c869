package learn

import (
	"strings"
	"testing"
)

func TestDedup(t *testing.T) {
	a := "Kerry’s talks with Russia.\n\nThe infantry bottom was closed\nfor a year.\n\nNew paragraph.\n"
	// The same article re-wrapped, re-cased and with straight quotes, with
	// one paragraph of its own.
	b := "KERRY'S talks with Russia.\n\nThe infantry bottom was\nclosed for a year!\n\nOnly here.\n"
	docs, st := Dedup([][]byte{[]byte(a), []byte(b), []byte(a)})
	want := DedupStats{Paragraphs: 9, Dropped: 5, Words: 42, DroppedWords: 26, Documents: 3, Emptied: 1}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents kept, want 2: %q", len(docs), docs)
	}
	if got := string(docs[0]); got != strings.TrimSuffix(a, "\n")+"\n\n" {
		t.Errorf("first document changed: %q", got)
	}
	if got, want := string(docs[1]), "Only here.\n\n"; got != want {
		t.Errorf("second document %q, want %q", got, want)
	}
}

// TestDedupLines: a document with no blank line, one sentence a line, is
// deduplicated line by line and keeps its lines apart.
func TestDedupLines(t *testing.T) {
	docs, st := Dedup([][]byte{[]byte("Yes .\nHe went home .\nYes .\nShe stayed")})
	if got, want := string(docs[0]), "Yes .\nHe went home .\nShe stayed\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if st.Dropped != 1 || st.Paragraphs != 4 {
		t.Errorf("stats %+v, want 1 of 4 paragraphs dropped", st)
	}
}

// TestDedupKeepsDistinct: paragraphs that differ in a word are not copies.
func TestDedupKeepsDistinct(t *testing.T) {
	in := "The talks began.\n\nThe talks ended.\n\n--\n\nThe talks began\n"
	docs, st := Dedup([][]byte{[]byte(in)})
	if st.Dropped != 1 || st.Paragraphs != 3 {
		t.Errorf("stats %+v, want 1 of 3 paragraphs dropped (the rule has no words)", st)
	}
	if got, want := string(docs[0]), "The talks began.\n\nThe talks ended.\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
