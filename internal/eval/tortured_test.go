package eval

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

func TestReadTortured(t *testing.T) {
	in := "counterfeit consciousness\tartificial intelligence\n" +
		"colossal information\tbig data|large data\n" + // two originals, both aligned
		"fake neural organizations\tartificial neural networks\n" +
		"degree of displacement\tshift\n" + // lengths differ: no swaps
		"learning machine\tmachine learning\n" + // reordered, not swapped
		"on the hands\tin the hands\n" + // closed-class words are not swaps
		"neural circuits\tneural circuit\n" + // an inflection, not a synonym
		"Counterfeit  Consciousness\tartificial intelligence\n" + // a duplicate
		"\n"
	tt, err := ReadTortured(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := TorturedSwaps{
		"artificial":   {"counterfeit", "fake"},
		"intelligence": {"consciousness"},
		"big":          {"colossal"},
		"large":        {"colossal"},
		"data":         {"information"},
		"networks":     {"organizations"},
	}
	if len(tt) != len(want) {
		t.Errorf("got %d originals %v, want %d", len(tt), tt, len(want))
	}
	for o, w := range want {
		if got := tt.Replacements(o); !slices.Equal(got, w) {
			t.Errorf("%s -> %v, want %v", o, got, w)
		}
	}
	if tt.Pairs() != 7 {
		t.Errorf("Pairs() = %d, want 7", tt.Pairs())
	}
	if _, err := ReadTortured(strings.NewReader("no tab here\n")); err == nil {
		t.Error("a line without a tab should fail")
	}
}

func TestSpinTortured(t *testing.T) {
	tt := TorturedSwaps{"big": {"colossal"}, "data": {"information"}}
	backup := MobySynonyms{"data": {"facts"}, "grew": {"swelled"}}
	clean := []byte("Big data grew, and big data sets grew.\n")
	for _, c := range []struct {
		syn  Synonyms
		want string
	}{
		// The table alone: capitals stay, unknown words stay.
		{tt, "Big information grew, and colossal information sets grew.\n"},
		// A fallback fills in only what the table lacks.
		{FirstOf{tt, backup}, "Big information swelled, and colossal information sets swelled.\n"},
	} {
		spun, st := NewSpinner(c.syn, SpinOptions{Rate: 1}).Spin(clean)
		if string(spun) != c.want {
			t.Errorf("spun = %q\nwant   %q", spun, c.want)
		}
		if st.Replaced != countDiff(clean, spun) {
			t.Errorf("stats %+v disagree with the text", st)
		}
	}
}

// countDiff counts the tokens that differ between two aligned texts.
func countDiff(a, b []byte) int {
	fa, fb := strings.Fields(string(a)), strings.Fields(string(b))
	n := 0
	for i := range fa {
		if fa[i] != fb[i] {
			n++
		}
	}
	return n
}

// The shipped list must yield the swaps its famous phrases show, and enough
// of them to spin a text.
func TestReadTorturedShared(t *testing.T) {
	f, err := os.Open(testdata.Shared(t, "data/tortured/pps-train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tt, err := ReadTortured(f)
	if err != nil {
		t.Fatal(err)
	}
	for o, s := range map[string]string{"artificial": "counterfeit", "big": "colossal", "forest": "woodland"} {
		if !slices.Contains(tt.Replacements(o), s) {
			t.Errorf("%s -> %v, want %s among them", o, tt.Replacements(o), s)
		}
	}
	if len(tt) < 1000 {
		t.Errorf("only %d originals", len(tt))
	}
	for o, ss := range tt {
		for _, s := range ss {
			if s == o || !swapWord(s) || sameStem(o, s) {
				t.Errorf("bad swap %s -> %s", o, s)
			}
		}
	}
}
