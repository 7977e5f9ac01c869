package text

import (
	"bytes"
	"slices"
	"testing"
)

// FuzzTokenize checks that tokens cover the input exactly and in order, that
// sentences keep their invariants, and that nothing panics, on any bytes.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "Washington’s “help” can't. Mr. B. Carter\r\n\r\n",
		"```go\nx\n", "`a ``b`` c`", "<a href='x'>&amp;</a><!--", "http://x.org/(a)). me@x.io @a #b",
		"U.S.A. e.g. 3.5.1 50-minute 'em ‘90s", "\xff\xfe\x00\u2028\u00a0—…",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := Tokenize(src)
		at := 0
		for i, tk := range toks {
			if tk.Start != at || tk.End <= tk.Start || tk.End > len(src) {
				t.Fatalf("token %d [%d,%d) does not continue at %d of %d", i, tk.Start, tk.End, at, len(src))
			}
			at = tk.End
		}
		if at != len(src) {
			t.Fatalf("tokens end at %d of %d", at, len(src))
		}
		checkSentences(t, src)
		_ = LMWords(string(src))
		p := SplitPoint(src)
		if p < 0 || p > len(src) {
			t.Fatalf("SplitPoint = %d of %d", p, len(src))
		}
		// Cutting at the split point keeps every token, except where HTML
		// (comments, raw elements) spans a blank line, which is documented.
		if p > 0 && !bytes.ContainsAny(src, "<") {
			joined := append(Tokenize(src[:p]), shifted(src, p)...)
			if !slices.Equal(joined, toks) {
				t.Fatalf("cutting at %d changes the tokens", p)
			}
		}
		for i, tk := range toks {
			if tk.Kind == Word {
				ShapeAt(src, toks, i)
			}
		}
	})
}

// FuzzApply checks that Apply changes only the bytes inside edits: edits
// built from the fuzz input are applied and the gaps between them compared.
func FuzzApply(f *testing.F) {
	f.Add([]byte("a infantry bottom,\r\n\tthe “quarrel”"), []byte{0, 1, 3, 2, 11, 6}, "the")
	f.Add([]byte("\x00\xff\r\n"), []byte{1, 0}, "")
	f.Add([]byte("no final newline"), []byte{16, 0}, "\n")
	f.Fuzz(func(t *testing.T, src []byte, spec []byte, text string) {
		var edits []Edit
		pos := 0
		for i := 0; i+1 < len(spec) && pos <= len(src); i += 2 {
			start := pos + int(spec[i])%8
			end := start + int(spec[i+1])%8
			if end > len(src) {
				break
			}
			edits = append(edits, Edit{start, end, text})
			pos = end
		}
		out, err := Apply(src, edits)
		if err != nil {
			t.Fatalf("valid edits %v rejected: %v", edits, err)
		}
		last, o := 0, 0
		for _, e := range edits {
			gap := src[last:e.Start]
			if !bytes.Equal(out[o:o+len(gap)], gap) {
				t.Fatalf("bytes [%d,%d) changed", last, e.Start)
			}
			o += len(gap)
			if string(out[o:o+len(e.Text)]) != e.Text {
				t.Fatalf("edit %v not applied", e)
			}
			o += len(e.Text)
			last = e.End
		}
		if !bytes.Equal(out[o:], src[last:]) {
			t.Fatalf("tail after %d changed", last)
		}
	})
}
