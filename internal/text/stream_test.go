package text

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

func cleanProse(t testing.TB) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", "clean-prose.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// shifted tokenizes src[p:] and moves the tokens by p.
func shifted(src []byte, p int) []Token {
	toks := Tokenize(src[p:])
	for i := range toks {
		toks[i].Start += p
		toks[i].End += p
	}
	return toks
}

// TestSplitPointKeepsTokens checks that tokenizing the two sides of a split
// point gives the tokens of the whole, for every prefix of a text with code
// blocks, paragraphs and long lines.
func TestSplitPointKeepsTokens(t *testing.T) {
	src := append(cleanProse(t), "\n```\ncode\n\nstill code\n```\n\nLast para. Two sentences here\nwrapped.\n"...)
	checkSplitPoints(t, src)
	if dir := testdata.SharedDir(); dir != "" {
		if spun, err := os.ReadFile(filepath.Join(dir, "samples", "seed-article.spun.txt")); err == nil {
			checkSplitPoints(t, spun)
		}
	}
}

func checkSplitPoints(t *testing.T, src []byte) {
	whole := Tokenize(src)
	for n := 1; n <= len(src); n += 7 {
		p := SplitPoint(src[:n])
		if p < 0 || p > n {
			t.Fatalf("SplitPoint of %d bytes = %d", n, p)
		}
		if p == 0 {
			continue
		}
		joined := append(Tokenize(src[:p]), shifted(src, p)...)
		if !slices.Equal(joined, whole) {
			t.Fatalf("split of the first %d bytes at %d (%q | %q) changes the tokens", n, p, src[max(0, p-20):p], src[p:min(len(src), p+20)])
		}
	}
}

func TestSplitPointAvoidsOpenFence(t *testing.T) {
	src := []byte("Para.\n\n```\ncode\n\nmore code\n")
	if p := SplitPoint(src); p != len("Para.\n\n") {
		t.Errorf("SplitPoint = %d, want the end of the paragraph before the fence (%d)", p, len("Para.\n\n"))
	}
}

func TestScanChunks(t *testing.T) {
	src := bytes.Repeat(cleanProse(t), 50)
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1024), 64<<10)
	sc.Split(ScanChunks)
	var out []byte
	chunks := 0
	for sc.Scan() {
		out = append(out, sc.Bytes()...)
		chunks++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, src) {
		t.Fatalf("chunks do not concatenate to the input")
	}
	if chunks < len(src)/(64<<10) {
		t.Errorf("only %d chunks for %d bytes", chunks, len(src))
	}
	// One paragraph longer than the buffer still streams, split at sentences.
	long := strings.Repeat("The wall is old. ", 10000)
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 1024), 4<<10)
	sc.Split(ScanChunks)
	out = out[:0]
	for sc.Scan() {
		if !strings.HasSuffix(sc.Text(), ". ") {
			t.Fatalf("chunk %q does not end at a sentence", sc.Text())
		}
		out = append(out, sc.Bytes()...)
	}
	if sc.Err() != nil || string(out) != long {
		t.Fatalf("long paragraph: err %v, round trip %v", sc.Err(), string(out) == long)
	}
	// Text with no sentence end at all is cut at spaces past maxSentence.
	long = strings.Repeat("word ", maxSentence/4)
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 1024), 2*maxSentence)
	sc.Split(ScanChunks)
	out = out[:0]
	for sc.Scan() {
		out = append(out, sc.Bytes()...)
	}
	if sc.Err() != nil || string(out) != long {
		t.Fatalf("long paragraph: err %v, round trip %v", sc.Err(), string(out) == long)
	}
}

func TestSplitPointTabIndentedFenceIsText(t *testing.T) {
	// A tab before ``` makes it text to the tokenizer, so blank lines after
	// it are still paragraph breaks.
	src := []byte("Para.\n\t```\n\nNext para.\n\nLast")
	if p := SplitPoint(src); p != len("Para.\n\t```\n\nNext para.\n\n") {
		t.Errorf("SplitPoint = %d", p)
	}
}
