package text

import (
	"bufio"
	"bytes"
	"os"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// benchInputs are realistic prose: the real spun article when the shared
// data is present, and the clean prose kept in this package's testdata.
func benchInputs(b *testing.B) map[string][]byte {
	in := map[string][]byte{"clean": cleanProse(b)}
	if dir := testdata.SharedDir(); dir != "" {
		if src, err := os.ReadFile(dir + "/samples/seed-article.spun.txt"); err == nil {
			in["spun"] = src
		}
	}
	return in
}

// BenchmarkTokenizeSentences measures the front end the decoder runs over
// every input: tokens, sentences and the LM form of every word, reusing
// buffers as a streaming caller would. Inputs are repeated to about 1 MB.
func BenchmarkTokenizeSentences(b *testing.B) {
	for name, src := range benchInputs(b) {
		src = bytes.Repeat(src, 1<<20/len(src)+1)
		words := 0
		for _, t := range Tokenize(src) {
			if t.IsWord() {
				words++
			}
		}
		b.Run(name, func(b *testing.B) {
			var toks []Token
			var sents []Sentence
			var norm []byte
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				toks = AppendTokens(toks[:0], src)
				sents = AppendSentences(sents[:0], src, toks)
				for _, t := range toks {
					if t.IsWord() {
						norm = AppendLM(norm[:0], src, t)
					}
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

func BenchmarkLMWords(b *testing.B) {
	line := "“Obviously, a concentration stays on destroying ISIL,” Kerry told reporters during a revisit to London."
	b.ReportAllocs()
	for b.Loop() {
		LMWords(line)
	}
}

// BenchmarkScanChunks streams about 8 MB through a bufio.Scanner with
// ScanChunks, tokenizing and splitting each chunk, as a caller processing a
// large file would.
func BenchmarkScanChunks(b *testing.B) {
	src := bytes.Repeat(cleanProse(b), 8<<20/len(cleanProse(b)))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var toks []Token
	var sents []Sentence
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(make([]byte, 0, 256<<10), 4<<20)
		sc.Split(ScanChunks)
		for sc.Scan() {
			toks = AppendTokens(toks[:0], sc.Bytes())
			sents = AppendSentences(sents[:0], sc.Bytes(), toks)
		}
		if sc.Err() != nil {
			b.Fatal(sc.Err())
		}
	}
}
