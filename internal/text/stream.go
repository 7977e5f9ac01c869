package text

import (
	"bytes"
	"cmp"
	"slices"
)

// Streaming: a large input is processed a window at a time, each window
// ending where no token, code block or sentence crosses the cut, so that
// tokenizing the pieces gives the same tokens as tokenizing the whole.

// SplitPoint returns the length of the longest prefix of buf that can be
// processed on its own: the end of the last blank line outside fenced code;
// failing that, the start of the last sentence (the last one may be
// incomplete); failing that, the end of a late line break or space. A cut
// inside a paragraph is taken only where tokenizing the rest alone gives the
// same tokens. It returns 0 when buf holds no safe point. buf must itself start at a safe
// point (the start of the input or a previous split point).
//
// HTML comments and <script>/<pre> bodies that contain blank lines may be cut;
// the pieces are then tokenized as prose.
func SplitPoint(buf []byte) int { return splitPoint(buf, true) }

// maxSentence is the length past which ScanChunks stops waiting for a
// sentence to end and cuts at a space: no prose sentence is a megabyte long.
const maxSentence = 1 << 20

// maxTries bounds the candidate cuts tried within one paragraph; each try
// re-tokenizes the text after the cut, which is short near the end.
const maxTries = 8

func splitPoint(buf []byte, anySpace bool) int {
	p := lastParagraphEnd(buf)
	toks := Tokenize(buf)
	// The paragraph scan reads fences line by line, but an inline code span
	// opened on an earlier line can swallow a fence line ("0```" then
	// "```"); the tokens of the whole decide.
	if k, ok := slices.BinarySearchFunc(toks, p, func(t Token, p int) int { return cmp.Compare(t.Start, p) }); p > 0 && ok && cutKeepsTokens(buf, toks, k) {
		return p
	}
	sents := Sentences(buf, toks)
	// Sentence starts, latest first; the last sentence may be incomplete.
	for i, tries := len(sents)-1, 0; i >= 1 && tries < maxTries; i, tries = i-1, tries+1 {
		if k := sents[i].Start; cutKeepsTokens(buf, toks, k) {
			return toks[k].Start
		}
	}
	if !anySpace {
		return 0
	}
	for k, tries := len(toks)-1, 0; k > 0 && tries < maxTries; k-- {
		if toks[k-1].IsSpace() {
			tries++
			if cutKeepsTokens(buf, toks, k) {
				return toks[k].Start
			}
		}
	}
	return 0
}

// cutKeepsTokens reports whether tokenizing buf before and after token k
// separately gives the tokens of the whole. Within a paragraph a cut can
// lose context the tokenizer uses: the start of a line (a fence opens there)
// or an open single quote, checked by tokenizing the rest again; and a line
// that opens with ``` is a fence only if no backtick follows on the line,
// which a cut after it would hide.
func cutKeepsTokens(buf []byte, toks []Token, k int) bool {
	p := toks[k].Start
	start := p
	for start > 0 && buf[start-1] != '\n' && buf[start-1] != '\r' {
		start--
	}
	if c, n := fenceRun(bytes.TrimLeft(buf[start:p], " ")); c == '`' && n >= 3 {
		return false
	}
	rest := Tokenize(buf[p:])
	if len(rest) != len(toks)-k {
		return false
	}
	for i, t := range rest {
		t.Start, t.End = t.Start+p, t.End+p
		if t != toks[k+i] {
			return false
		}
	}
	return true
}

// lastParagraphEnd returns the offset after the last blank line of buf that
// is outside a fenced code block, or 0. Lines end as the tokenizer ends them:
// at "\n", "\r\n" or a lone "\r".
func lastParagraphEnd(buf []byte) int {
	best := 0
	var fence byte // the fence character while inside a code block
	fenceLen := 0
	for line := 0; line < len(buf); {
		eol := lineEnd(buf, line)
		if eol >= len(buf)-1 && (eol == len(buf) || buf[eol] == '\r') {
			break // the last line, or its "\r\n", may continue in the next read
		}
		next := skipNewline(buf, eol)
		text := bytes.TrimLeft(buf[line:eol], " ") // the tokenizer allows spaces, not tabs, before a fence
		c, n := fenceRun(text)
		rest := text[n:]
		switch {
		case n >= 3 && eol-line-len(text) <= 3:
			if fence == 0 && (c == '~' || bytes.IndexByte(rest, '`') < 0) {
				fence, fenceLen = c, n
			} else if c == fence && n >= fenceLen && len(bytes.Trim(rest, " \t")) == 0 {
				fence = 0
			}
		case fence == 0 && len(bytes.Trim(text, " \t")) == 0:
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

// FirstCut returns the start of a sentence, at or after offset p and before
// limit, at which buf can be cut as SplitPoint cuts it: the first that opens
// a paragraph, failing that the first that opens a line, failing that the
// first; when none starts there, the first sentence start after limit,
// else 0. Unlike SplitPoint, the
// answer depends on the text before limit, not on how much of buf is
// buffered, and not on the words' lengths when p and limit are counted in
// words: a caller cutting a stream of repaired text where it cut the spun
// text gets the same pieces. buf should reach some way past limit, so that
// the sentences before it are complete.
func FirstCut(buf []byte, p, limit int) int {
	toks := Tokenize(buf)
	first, line := 0, 0
	for _, s := range Sentences(buf, toks) {
		at := toks[s.Start].Start
		if at < p || s.Start == 0 {
			continue
		}
		if at >= limit {
			if line > 0 || first > 0 {
				break
			}
			if cutKeepsTokens(buf, toks, s.Start) {
				return at
			}
			continue
		}
		j := s.Start - 1
		for j > 0 && toks[j].IsSpace() {
			j--
		}
		gap := buf[toks[j].End:at]
		blank := isBlankLineGap(gap)
		opensLine := line == 0 && bytes.ContainsAny(gap, "\n\r")
		// Tokenizing the rest again is what costs: ask it only of a start
		// that would be taken. Once a line's and a sentence's starts are
		// found, only a paragraph's matters.
		if !blank && !opensLine && first > 0 || !cutKeepsTokens(buf, toks, s.Start) {
			continue
		}
		switch {
		case blank:
			return at
		case opensLine:
			line = at
		case first == 0:
			first = at
		}
	}
	return cmp.Or(line, first)
}

// isBlankLineGap reports whether the white space between two sentences
// holds a blank line.
func isBlankLineGap(gap []byte) bool {
	lines := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			lines++
		case '\r':
			lines++
			if i+1 < len(gap) && gap[i+1] == '\n' {
				i++
			}
		case ' ', '\t':
		default:
			return false
		}
	}
	return lines >= 2
}
