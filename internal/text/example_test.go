package text_test

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/unspin/unspin/internal/text"
)

func ExampleTokenize() {
	src := []byte("A infantry bottom’s “near” https://x.org")
	for _, t := range text.Tokenize(src) {
		if !t.IsSpace() {
			fmt.Printf("%s %q protected=%v\n", t.Kind, t.Bytes(src), t.Protected())
		}
	}
	// Output:
	// Word "A" protected=false
	// Word "infantry" protected=false
	// Word "bottom’s" protected=false
	// Punct "“" protected=false
	// Word "near" protected=false
	// Punct "”" protected=false
	// URL "https://x.org" protected=true
}

func ExampleApply() {
	src := []byte("A infantry bottom,\r\n")
	word := text.ApplyShape(text.ShapeOf("A"), "the")
	out, err := text.Apply(src, []text.Edit{{Start: 0, End: 1, Text: word}, {Start: 2, End: 17, Text: "military base"}})
	fmt.Printf("%q %v\n", out, err)
	// Output: "The military base,\r\n" <nil>
}

// Stream a large input paragraph by paragraph in bounded memory.
func ExampleScanChunks() {
	in := strings.NewReader("First paragraph. It has two sentences.\n\nSecond one.\n")
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20) // past 1 MB chunks may end at any space
	sc.Split(text.ScanChunks)
	for sc.Scan() {
		chunk := sc.Bytes()
		toks := text.Tokenize(chunk)
		fmt.Println(len(text.Sentences(chunk, toks)), "sentences")
	}
	// Output:
	// 2 sentences
	// 1 sentences
}
