package eval

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/unspin/unspin/internal/testdata"
)

func cleanProse(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "eval", "clean-prose.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSpinAlignedAndScored(t *testing.T) {
	wn := realWordNet(t)
	clean := cleanProse(t)
	spun, st := NewSpinner(WordNetSynonyms{WN: wn}, SpinOptions{Seed: 7}).Spin(clean)
	if err := align("clean", splitText(clean), "spun", splitText(spun)); err != nil {
		t.Fatal(err)
	}
	if st.Replaced == 0 {
		t.Fatal("nothing replaced")
	}
	// The clean text is the gold: the scorer must see exactly the spinner's
	// replacements as positions needing repair.
	rep, err := Score(spun, spun, clean, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.NeedRepair != st.Replaced {
		t.Errorf("scorer finds %d positions needing repair, spinner replaced %d", rep.NeedRepair, st.Replaced)
	}
}

func TestSpinDeterministic(t *testing.T) {
	wn := realWordNet(t)
	clean := cleanProse(t)
	a, _ := NewSpinner(WordNetSynonyms{WN: wn}, SpinOptions{Seed: 3}).Spin(clean)
	b, _ := NewSpinner(WordNetSynonyms{WN: wn}, SpinOptions{Seed: 3}).Spin(clean)
	c, _ := NewSpinner(WordNetSynonyms{WN: wn}, SpinOptions{Seed: 4}).Spin(clean)
	if !bytes.Equal(a, b) {
		t.Error("same seed, different output")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds, same output")
	}
}

func TestSpinKeepsCapitalsAndFixesReplacements(t *testing.T) {
	wn := realWordNet(t)
	clean := cleanProse(t)
	spun, _ := NewSpinner(WordNetSynonyms{WN: wn, Join: true}, SpinOptions{Seed: 1, FunctionWords: true}).Spin(clean)
	ct, sp := strings.Fields(string(clean)), strings.Fields(string(spun))
	chosen := map[string]string{}
	for i := range ct {
		if ct[i] == sp[i] {
			continue
		}
		if strings.IndexFunc(ct[i], func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0 {
			t.Errorf("token %d: %q changed to %q", i, ct[i], sp[i])
		}
		o, r := core(ct[i]), core(sp[i])
		if prev, ok := chosen[o]; ok && prev != r {
			t.Errorf("%q replaced by both %q and %q", o, prev, r)
		}
		chosen[o] = r
	}
}

func TestSpinRate(t *testing.T) {
	wn := realWordNet(t)
	clean := cleanProse(t)
	for _, rate := range []float64{0.5, 0.9} {
		_, st := NewSpinner(WordNetSynonyms{WN: wn}, SpinOptions{Seed: 11, Rate: rate}).Spin(clean)
		got := float64(st.Replaced) / float64(st.Known)
		// Binomial standard deviation at n ≈ 400 known occurrences is at
		// most 0.025; allow three of them.
		if math.Abs(got-rate) > 0.075 || st.Known < 100 {
			t.Errorf("rate %.2f: replaced %d of %d known (%.3f)", rate, st.Replaced, st.Known, got)
		}
	}
}

func TestSpinTables(t *testing.T) {
	clean := []byte("The bank is at the river, by the bank.\nAt dawn the bank opened.\n")
	table, err := ParseTable(strings.NewReader("# odd swaps\nbank shore\n"))
	if err != nil {
		t.Fatal(err)
	}
	spun, st := NewSpinner(nil, SpinOptions{Rate: 1, Table: table, FunctionWords: true}).Spin(clean)
	want := "The shore is during a river, by a shore.\nAt dawn a shore opened.\n"
	if string(spun) != want {
		t.Errorf("spun = %q\nwant   %q", spun, want)
	}
	if st.Known != 7 || st.Replaced != 7 {
		t.Errorf("stats = %+v, want 7 known and replaced", st)
	}
	for _, bad := range []string{"bank\n", "bank bank\n", "bank shore\nbank coast\n"} {
		if _, err := ParseTable(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseTable(%q) should fail", bad)
		}
	}
}
