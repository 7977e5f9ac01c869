package learn

import "bytes"

// Chunk splits a text at line ends into pieces of at least words words, so
// that documents decode in parallel and each piece gets its own spin rate
// (a crawl's files are often many articles glued together).
func Chunk(src []byte, words int) [][]byte {
	var out [][]byte
	start, n := 0, 0
	inWord := false
	for i, b := range src {
		space := b == ' ' || b == '\t' || b == '\n' || b == '\r'
		if !space && !inWord {
			n++
		}
		inWord = !space
		if b == '\n' && n >= words {
			out = append(out, src[start:i+1])
			start, n = i+1, 0
		}
	}
	if len(bytes.TrimSpace(src[start:])) > 0 {
		out = append(out, src[start:])
	}
	return out
}

// ChunkAll chunks every document.
func ChunkAll(docs [][]byte, words int) [][]byte {
	var out [][]byte
	for _, d := range docs {
		out = append(out, Chunk(d, words)...)
	}
	return out
}
