package repair_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// TestPhrasesFound: the screening view reports each listed phrase with its
// span as written, its original and the list it comes from, an inflected
// one with the inflected original, and nothing in a clean sentence.
func TestPhrasesFound(t *testing.T) {
	r := newDefault(t)
	src := "We trained two Irregular Woodlands on colossal information.\nThe comparison associate spoke. The weather was fine.\n"
	var got []string
	for _, p := range r.Phrases([]byte(src)) {
		if src[p.Start:p.End] != p.Spun {
			t.Errorf("%q: offsets %d-%d read %q", p.Spun, p.Start, p.End, src[p.Start:p.End])
		}
		if p.Confidence <= 0 || p.Confidence > 1 {
			t.Errorf("%q: confidence %v", p.Spun, p.Confidence)
		}
		got = append(got, fmt.Sprintf("%s>%s(%s)", p.Spun, p.Original, p.Source))
	}
	want := "Irregular Woodlands>random forests(PPS) colossal information>big data(PPS) comparison associate>senior fellow(spinner)"
	if strings.Join(got, " ") != want {
		t.Errorf("Phrases:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if ps := r.Phrases([]byte("The random forest and big data were fine.")); len(ps) > 0 {
		t.Errorf("a clean sentence: %+v", ps)
	}
}

// TestCleanScienceUnflagged: in clean scientific prose no tortured phrase
// is found in at least 99% of the sentences (one a line).
func TestCleanScienceUnflagged(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "science", "brown-learned.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := newDefault(t)
	flagged := map[int]bool{} // line numbers
	for _, p := range r.Phrases(src) {
		line := strings.Count(string(src[:p.Start]), "\n") + 1
		flagged[line] = true
		t.Logf("line %d: %q -> %q (%s, %.2f)", line, p.Spun, p.Original, p.Source, p.Confidence)
	}
	n := strings.Count(strings.TrimSpace(string(src)), "\n") + 1
	share := float64(len(flagged)) / float64(n)
	t.Logf("clean scientific prose: a phrase found in %d of %d sentences (%.2f%%)", len(flagged), n, 100*share)
	if share > 0.01 {
		t.Errorf("a phrase found in %.2f%% of clean sentences, want at most 1%%", 100*share)
	}
}

// TestPhraseAcrossLineBreak: text laid out in lines (pdftotext) breaks
// phrases; one broken across a line is restored, and a word it drops
// takes the line break before it.
func TestPhraseAcrossLineBreak(t *testing.T) {
	r := newDefault(t)
	src := []byte("Drivers may only use their phones in sans\nhands mode.\n")
	if got, want := string(repair.Apply(src, r.Repair(src))), "Drivers may only use their phones in hands-free mode.\n"; got != want {
		t.Errorf("repair: %q, want %q", got, want)
	}
}
