package text

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is the token index range [Start, End) of one sentence. It starts
// and ends at a non-space token; the white space between sentences belongs to
// none. Every other token belongs to exactly one sentence; a fenced code
// block or a block-level HTML tag is a sentence of its own with no words.
type Sentence struct {
	Start, End int
}

// Span returns the byte range of the sentence in the input.
func (s Sentence) Span(toks []Token) (start, end int) {
	return toks[s.Start].Start, toks[s.End-1].End
}

// Sentences splits tokens (from Tokenize(src)) into sentences. It splits
//   - after . ! ? … (and closing quotes or brackets) followed by space and a
//     capital, digit, opening quote or the end, except after titles (Mr.),
//     abbreviations, dotted acronyms and initials unless a common
//     sentence starter follows ("in the U.S. The talks");
//   - at blank lines, at line breaks around Markdown headings, list items,
//     block quotes, table rows and rules, and around code blocks and
//     block-level HTML tags.
func Sentences(src []byte, toks []Token) []Sentence {
	return AppendSentences(nil, src, toks)
}

// AppendSentences appends the sentences of toks to dst.
func AppendSentences(dst []Sentence, src []byte, toks []Token) []Sentence {
	sp := splitter{src: src, toks: toks, out: dst, start: -1, lineFresh: true}
	for i := 0; i < len(toks); i++ {
		i = sp.token(i)
	}
	sp.flush()
	return sp.out
}

type splitter struct {
	src       []byte
	toks      []Token
	out       []Sentence
	start     int  // first token of the open sentence, or -1
	last      int  // last non-space token of the open sentence
	newlines  int  // line breaks since the last non-space token
	blockLine bool // the current line is a heading, list item, quote or rule
	lineFresh bool // no non-space token yet on the current line
}

func (sp *splitter) flush() {
	if sp.start >= 0 {
		sp.out = append(sp.out, Sentence{sp.start, sp.last + 1})
		sp.start = -1
	}
}

// token consumes token i and returns the index of the last token consumed.
func (sp *splitter) token(i int) int {
	t := sp.toks[i]
	switch t.Kind {
	case Space:
		return i
	case Newline:
		sp.newlines++
		sp.lineFresh = true
		if sp.newlines >= 2 || sp.blockLine || sp.nextLineIsBlock(t.End) {
			sp.flush()
		}
		return i
	}
	if sp.lineFresh {
		sp.blockLine = isBlockLine(sp.src, t.Start)
		sp.lineFresh = false
	}
	sp.newlines = 0
	if t.Kind == CodeBlock || t.Kind == Markup && isBlockTag(sp.src[t.Start:t.End]) {
		sp.flush()
		sp.start, sp.last = i, i
		sp.flush()
		return i
	}
	if sp.start < 0 {
		sp.start = i
	}
	sp.last = i
	if end, ok := sp.sentenceEnd(i); ok {
		sp.last = end - 1
		sp.flush()
		return end - 1
	}
	return i
}

// nextLineIsBlock reports whether the line starting at offset p (after a
// line break) is a heading, list item, quote, table row or rule.
func (sp *splitter) nextLineIsBlock(p int) bool {
	for p < len(sp.src) && (sp.src[p] == ' ' || sp.src[p] == '\t') {
		p++
	}
	return p < len(sp.src) && isBlockLine(sp.src, p)
}

// sentenceEnd decides whether the sentence ends with token i, returning the
// index after the last token that belongs to it (closing quotes included).
func (sp *splitter) sentenceEnd(i int) (int, bool) {
	toks, src := sp.toks, sp.src
	t := toks[i]
	terminal := t.Kind == Punct && isTerminal(src[t.Start:t.End])
	acronym := t.Kind == Word && src[t.End-1] == '.'
	if !terminal && !acronym {
		return 0, false
	}
	k := i + 1
	for k < len(toks) && toks[k].Kind == Punct && isCloser(src[toks[k].Start:toks[k].End]) {
		k++
	}
	if k == len(toks) {
		return k, true
	}
	if !toks[k].IsSpace() {
		return 0, false // "end.The", "?!" handled as closers, "3.5" is one number
	}
	n := k
	for n < len(toks) && toks[n].IsSpace() {
		n++
	}
	if n == len(toks) {
		return k, true
	}
	if !startsSentence(src, toks[n]) {
		return 0, false
	}
	class := notAbbrev
	if acronym {
		class = plainAbbrev
	} else if src[t.Start] == '.' {
		class = sp.abbreviation(i)
	}
	switch class {
	case titleAbbrev:
		return 0, false
	case plainAbbrev:
		if next := toks[n]; next.Kind != Word || !isStarter(src[next.Start:next.End]) {
			return 0, false
		}
	}
	return k, true
}

// abbreviation classifies the word a full stop at token i is attached to: a
// title (never ends a sentence), an abbreviation or initial ("Ashton B.
// Carter": ends one only before a sentence starter), or neither.
func (sp *splitter) abbreviation(i int) uint8 {
	if i == 0 || sp.toks[i].End-sp.toks[i].Start != 1 {
		return notAbbrev
	}
	w := sp.toks[i-1]
	if w.Kind != Word || w.End != sp.toks[i].Start {
		return notAbbrev
	}
	word := sp.src[w.Start:w.End]
	if r, n := utf8.DecodeRune(word); n == len(word) && unicode.IsUpper(r) {
		return plainAbbrev
	}
	return classOf(word)
}

// isTerminal reports whether a punctuation token can end a sentence.
func isTerminal(p []byte) bool {
	switch string(p) {
	case ".", "!", "?", "…", "...", "‼", "⁇":
		return true
	}
	return false
}

// isCloser reports whether a punctuation token may follow a sentence's final
// stop and still belong to it: quotes, brackets, more stops ("?!").
func isCloser(p []byte) bool {
	switch string(p) {
	case "\"", "'", "”", "’", ")", "]", "»", "›", "!", "?", ".", "...", "…":
		return true
	}
	return false
}

// startsSentence reports whether a token can begin a sentence after a stop:
// a capital letter, a digit, an opening quote or bracket, or something that
// is not prose (a handle, a URL, markup).
func startsSentence(src []byte, t Token) bool {
	switch t.Kind {
	case Word:
		r, _ := utf8.DecodeRune(src[t.Start:t.End])
		return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) ||
			!unicode.IsLetter(r) // an elision or year: 'Tis, '90s
	case Number, URL, Email, Handle, Hashtag, Code, CodeBlock, Markup:
		return true
	case Punct:
		switch string(src[t.Start:t.End]) {
		case "\"", "'", "“", "‘", "(", "[", "«", "¿", "¡", "-", "—", "–", "*", "#", "•":
			return true
		}
	}
	return false
}
