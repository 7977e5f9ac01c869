package repair_test

import (
	"fmt"
	"strings"
	"testing"
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
