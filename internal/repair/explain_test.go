package repair

import (
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// explainLex proposes "the" for "a" from the swap table.
type explainLex struct{}

func (explainLex) Candidates(w string) []lexicon.Candidate {
	w = strings.ToLower(w)
	cs := []lexicon.Candidate{{Word: w, Channel: -0.05, Source: lexicon.Keep}}
	if w == "a" {
		cs = append(cs, lexicon.Candidate{Word: "the", Channel: -0.3, Source: lexicon.Swap})
	}
	return cs
}

func TestExplain(t *testing.T) {
	model, err := lm.Default()
	if err != nil {
		t.Skipf("no built-in model: %v", err)
	}
	r := New(model, explainLex{}, DefaultOptions())
	src := []byte("He moved to a United States last year. Then more.")
	i := strings.Index(string(src), "a United")
	e := Edit{Start: i, End: i + 1, From: "a", To: "the", Confidence: 0.97, Source: "swap"}
	x := r.Explain(src, e)
	if !x.Found || x.Source != "swap" || x.Channel != -0.3 || x.KeepChannel != -0.05 {
		t.Errorf("channel: %+v", x)
	}
	if x.Original != "moved to a united states" || x.Replaced != "moved to the united states" {
		t.Errorf("windows %q / %q", x.Original, x.Replaced)
	}
	// The model must prefer "the United States", by a wide margin.
	if x.LMReplaced-x.LMOriginal < 1 {
		t.Errorf("LM: %q %.2f vs %q %.2f, want the replacement ahead by over 1", x.Replaced, x.LMReplaced, x.Original, x.LMOriginal)
	}
	// A window at the end of a sentence includes its end.
	j := strings.Index(string(src), "more")
	x = r.Explain(src, Edit{Start: j, End: j + 4, From: "more", To: "less"})
	if x.Found || x.Original != "then more" || x.Replaced != "then less" {
		t.Errorf("end window: %+v", x)
	}
}
