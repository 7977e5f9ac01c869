package cli

import (
	"bytes"
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/lm"
)

// trainCorpus is a small deterministic corpus with repeated n-grams: a
// linear congruential generator picks words from a short list.
func trainCorpus(lines int) string {
	words := strings.Fields("the a military base was built near river town old new soldiers held it for years and then left")
	var b strings.Builder
	x := uint32(7)
	for range lines {
		n := 3 + x%6
		for j := range n {
			x = x*1664525 + 1013904223
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[(x>>16)%uint32(len(words))])
		}
		b.WriteString(" .\n")
	}
	return b.String()
}

func runTrain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(append([]string{"train"}, args...), Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func TestTrainWritesModelMatchingARPA(t *testing.T) {
	dir := t.TempDir()
	corpus := trainCorpus(400)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(corpus))
	zw.Close()
	in := filepath.Join(dir, "corpus.txt.gz")
	if err := os.WriteFile(in, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bin, arpa := filepath.Join(dir, "m.bin"), filepath.Join(dir, "m.arpa")
	heldout := filepath.Join(dir, "heldout.txt")
	if err := os.WriteFile(heldout, []byte(trainCorpus(20)+"an unseen word\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runTrain(t, "--order", "3", "--arpa", arpa, "-o", bin, "--heldout", heldout, in)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "wrote "+bin) {
		t.Errorf("stderr does not report the model written:\n%s", stderr)
	}
	if !strings.Contains(stderr, "21 sentences") || !strings.Contains(stderr, " 3 OOVs") || !strings.Contains(stderr, " ppl ") {
		t.Errorf("stderr does not report the held-out perplexity (21 sentences, 3 OOVs):\n%s", stderr)
	}
	text, err := os.ReadFile(arpa)
	if err != nil || !bytes.HasPrefix(text, []byte("\\data\\\nngram 1=")) {
		t.Fatalf("ARPA file: %v, starts %q", err, text[:min(len(text), 40)])
	}
	model, err := lm.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close()
	ref, err := lm.Train(strings.NewReader(corpus), lm.TrainOptions{Order: 3})
	if err != nil {
		t.Fatal(err)
	}
	// Every sentence scores the same under the binary model as under the
	// trained one, up to the binary format's quantisation.
	for _, line := range strings.Split(corpus, "\n")[:50] {
		words := strings.Fields(strings.TrimSuffix(line, " ."))
		want, got := trainRefScore(ref, words), trainBinScore(model, words)
		if math.Abs(want-got) > 0.01*float64(len(words)+1) {
			t.Errorf("%q: binary model scores %.4f, trained model %.4f", line, got, want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func trainRefScore(m *lm.KNModel, words []string) float64 {
	ids := []lm.WordID{lm.BOS}
	for _, w := range words {
		ids = append(ids, m.ID(w))
	}
	ids = append(ids, lm.EOS)
	total := 0.0
	for i := 1; i < len(ids); i++ {
		total += m.LogProb(ids[max(0, i-m.Order()+1):i], ids[i])
	}
	return total
}

func trainBinScore(m *lm.Binary, words []string) float64 {
	s := m.BeginSentence()
	total := 0.0
	for _, w := range append(words, "</s>") {
		id := lm.EOS
		if w != "</s>" {
			id = m.ID(w)
		}
		p, next := m.Score(s, id)
		total += float64(p)
		s = next
	}
	return total
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.txt")
	os.WriteFile(corpus, []byte("a b c\n"), 0o644)
	out := filepath.Join(dir, "m.bin")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-o", out}, "no corpus"},
		{[]string{"-o", out, filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{[]string{"-o", out, "--heldout", filepath.Join(dir, "nothere.txt"), corpus}, "nothere.txt"},
		{[]string{"--order", "6", "-o", out, corpus}, "--order 6 out of range"},
		{[]string{"--order", "x", "-o", out, corpus}, "invalid argument"},
		{[]string{corpus}, "nothing to write"},
		{[]string{"-o", filepath.Join(dir, "no", "such", "dir", "m.bin"), corpus}, "no such"},
	}
	for _, tc := range cases {
		code, stdout, stderr := runTrain(t, tc.args...)
		if code != ExitError || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("train %v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a model behind")
	}
}

func TestTrainARPAToStdout(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"train", "--order", "2", "--arpa", "-", "-"},
		Streams{In: strings.NewReader(trainCorpus(50)), Out: &out, Err: &errb})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "\\data\\\nngram 1=") || !strings.HasSuffix(out.String(), "\\end\\\n") {
		t.Errorf("stdout is not an ARPA model:\n%s", out.String())
	}
	if strings.Contains(out.String(), "ngram 3=") {
		t.Error("--order 2 wrote trigrams")
	}
}

func TestTrainRunningTextFlag(t *testing.T) {
	var out, errb bytes.Buffer
	in := "The cat sat. The dog ran.\nA bird\nsang.\n"
	code := Run([]string{"train", "--running-text", "--arpa", "-", "-"},
		Streams{In: strings.NewReader(in), Out: &out, Err: &errb})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "3 sentences") {
		t.Errorf("running text not split into 3 sentences: %s", errb.String())
	}
	if !strings.Contains(out.String(), "\tbird sang </s>\n") {
		t.Errorf("the sentence across a line break was not joined:\n%s", out.String())
	}
}
