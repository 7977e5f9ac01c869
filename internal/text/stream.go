package text

import "bytes"

// Streaming: a large input is processed a window at a time, each window
// ending where no token, code block or sentence crosses the cut, so that
// tokenizing the pieces gives the same tokens as tokenizing the whole.

// SplitPoint returns the length of the longest prefix of buf that can be
// processed on its own: the end of the last blank line outside fenced code;
// failing that, the start of the last sentence (the last one may be
// incomplete); failing that, the end of the last line break or space. It
// returns 0 when buf holds no safe point. buf must itself start at a safe
// point (the start of the input or a previous split point).
//
// HTML comments and <script>/<pre> bodies that contain blank lines may be cut;
// the pieces are then tokenized as prose.
func SplitPoint(buf []byte) int { return splitPoint(buf, true) }

// maxSentence is the length past which ScanChunks stops waiting for a
// sentence to end and cuts at a space: no prose sentence is a megabyte long.
const maxSentence = 1 << 20

func splitPoint(buf []byte, anySpace bool) int {
	if p := lastParagraphEnd(buf); p > 0 {
		return p
	}
	toks := Tokenize(buf)
	if sents := Sentences(buf, toks); len(sents) >= 2 {
		last := sents[len(sents)-1]
		if toks[last.Start].Kind != CodeBlock {
			return toks[last.Start].Start
		}
	}
	if !anySpace {
		return 0
	}
	for i := len(toks) - 1; i > 0; i-- {
		if toks[i].IsSpace() && toks[i].End < len(buf) {
			return toks[i].End
		}
	}
	return 0
}

// lastParagraphEnd returns the offset after the last blank line of buf that
// is outside a fenced code block, or 0.
func lastParagraphEnd(buf []byte) int {
	best := 0
	var fence byte // the fence character while inside a code block
	fenceLen := 0
	for line := 0; line < len(buf); {
		nl := bytes.IndexByte(buf[line:], '\n')
		if nl < 0 {
			break // an unterminated last line may continue in the next read
		}
		next := line + nl + 1
		text := bytes.TrimLeft(buf[line:next], " ") // the tokenizer allows spaces, not tabs, before a fence
		blank := len(bytes.TrimRight(text, "\r\n \t")) == 0
		c, n := fenceRun(text)
		rest := text[min(n, len(text)):]
		if n >= 3 && next-line-len(text) <= 3 {
			switch {
			case fence == 0 && (c == '~' || bytes.IndexByte(rest, '`') < 0):
				fence, fenceLen = c, n
			case c == fence && n >= fenceLen && len(bytes.TrimRight(rest, " \t\r\n")) == 0:
				fence = 0
			}
		} else if blank && fence == 0 {
			best = next
		}
		line = next
	}
	return best
}

// fenceRun returns the fence character and run length at the start of a line.
func fenceRun(text []byte) (byte, int) {
	if len(text) == 0 || text[0] != '`' && text[0] != '~' {
		return 0, 0
	}
	n := 1
	for n < len(text) && text[n] == text[0] {
		n++
	}
	return text[0], n
}

// ScanChunks is a bufio.SplitFunc that yields pieces of the input ending at
// paragraph or sentence boundaries, so that a bufio.Scanner streams a file of
// any size through the tokenizer in bounded memory. It cuts at a mere space
// only past a megabyte without a sentence end; set the Scanner's Buffer
// above that. Concatenated, the chunks are the input exactly.
func ScanChunks(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if len(data) == 0 {
		return 0, nil, nil
	}
	if atEOF {
		return len(data), data, nil
	}
	if n := splitPoint(data, len(data) >= maxSentence); n > 0 {
		return n, data[:n], nil
	}
	return 0, nil, nil
}
