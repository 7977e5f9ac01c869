package text

import (
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds. Every byte of the input belongs to exactly one token.
const (
	Space     Kind = iota // a run of horizontal white space (tab, space, NBSP, ...)
	Newline               // one line break: "\n", "\r\n", "\r", U+2028 or U+2029
	Word                  // letters, with internal ' ’ - joiners and dotted acronyms (U.S.)
	Number                // digits with internal , . or : between digits (1,000.50, 5:30)
	Punct                 // one punctuation or symbol rune; runs of '.' or '-' are one token
	URL                   // http(s)://..., www.example.com, example.org/path
	Email                 // name@example.com
	Handle                // @name
	Hashtag               // #name
	Code                  // Markdown inline code span, backticks included
	CodeBlock             // Markdown fenced code block, fences included
	Markup                // HTML tag, comment, entity, or raw <script>/<style>/<pre> element
	Other                 // control character or a byte that is not valid UTF-8
)

var kindNames = [...]string{"Space", "Newline", "Word", "Number", "Punct", "URL", "Email",
	"Handle", "Hashtag", "Code", "CodeBlock", "Markup", "Other"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Flag carries facts about a token beyond its kind.
type Flag uint8

// Protected marks a token the repairer must never change: URLs, addresses,
// handles, tags, code, markup, and words containing digits (mp3, COVID-19,
// 50-minute) or inside code.
const Protected Flag = 1

// Token is a span src[Start:End] of the input. Tokens are offsets, not copies,
// so tokenizing allocates only the token slice.
type Token struct {
	Start, End int
	Kind       Kind
	Flags      Flag
}

// Protected reports whether the repairer must leave the token alone.
func (t Token) Protected() bool { return t.Flags&Protected != 0 }

// IsWord reports whether the token occupies a position in the language
// model's word stream: words, numbers, and the protected word-like tokens
// (URL, e-mail, handle, tag, inline code), which the model sees as unknown
// words so that the words around them do not appear adjacent.
func (t Token) IsWord() bool {
	switch t.Kind {
	case Word, Number, URL, Email, Handle, Hashtag, Code:
		return true
	}
	return false
}

// IsSpace reports whether the token is white space or a line break.
func (t Token) IsSpace() bool { return t.Kind == Space || t.Kind == Newline }

// Bytes is the token's text in src.
func (t Token) Bytes(src []byte) []byte { return src[t.Start:t.End] }

// Tokenize splits src into tokens that cover it exactly, in order.
func Tokenize(src []byte) []Token {
	// English prose averages 2.7 to 3 bytes a token (measured on the package's
	// test prose and the spun sample: a word, a space, some punctuation); a
	// close first guess saves most slice growth.
	return AppendTokens(make([]Token, 0, len(src)/3+1), src)
}

// AppendTokens appends the tokens of src to dst, so that callers can reuse a
// buffer across calls.
func AppendTokens(dst []Token, src []byte) []Token {
	s := scanner{src: src, dst: dst}
	for s.i < len(src) {
		s.next()
	}
	return s.dst
}

// ASCII character classes, looked up by table in the hot loop; the table
// has 256 entries so that any byte indexes it (non-ASCII bytes are cOther).
const (
	cOther uint8 = iota
	cLetter
	cDigit
	cSpace
	cNewline
	cPunct
)

var asciiClass = func() (t [256]uint8) { // bytes >= 0x80 are cOther
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = cLetter
		case c >= '0' && c <= '9':
			t[c] = cDigit
		case c == ' ', c == '\t', c == '\v', c == '\f':
			t[c] = cSpace
		case c == '\n', c == '\r':
			t[c] = cNewline
		case c > ' ' && c < 0x7f:
			t[c] = cPunct
		}
	}
	return t
}()

// scanner holds the state of one tokenization.
type scanner struct {
	src        []byte
	dst        []Token
	i          int  // next byte to scan
	lineStart  int  // offset of the current line's first byte
	openSingle bool // an opening single quote is pending: a trailing ' closes it
}

func (s *scanner) emit(end int, k Kind, f Flag) {
	s.dst = append(s.dst, Token{Start: s.i, End: end, Kind: k, Flags: f})
	s.i = end
}

// next scans one token starting at s.i.
func (s *scanner) next() {
	c := s.src[s.i]
	if c >= utf8.RuneSelf {
		s.nextRune()
		return
	}
	switch asciiClass[c] {
	case cLetter:
		s.word(0)
	case cDigit:
		s.number()
	case cSpace:
		s.emit(s.spaceEnd(s.i), Space, 0)
	case cNewline:
		end := s.i + 1
		if c == '\r' && end < len(s.src) && s.src[end] == '\n' {
			end++
		}
		s.emit(end, Newline, 0)
		s.lineStart = end
		s.openSingle = false
	case cPunct:
		s.punct(c)
	default:
		s.emit(s.i+1, Other, 0)
	}
}

// nextRune scans a token that starts with a non-ASCII byte.
func (s *scanner) nextRune() {
	r, n := utf8.DecodeRune(s.src[s.i:])
	switch {
	case r == utf8.RuneError && n == 1:
		s.emit(s.i+1, Other, 0)
	case unicode.IsLetter(r):
		s.word(0)
	case r == '\u2028' || r == '\u2029':
		s.emit(s.i+n, Newline, 0)
		s.lineStart = s.i
	case unicode.IsSpace(r):
		s.emit(s.spaceEnd(s.i), Space, 0)
	case isApostrophe(r) || r == '‘':
		s.quote(n)
	case unicode.IsControl(r) || r == '\uFEFF':
		s.emit(s.i+n, Other, 0)
	default:
		s.emit(s.i+n, Punct, 0)
	}
}

// spaceEnd returns the end of the run of horizontal white space at i.
func (s *scanner) spaceEnd(i int) int {
	for i < len(s.src) {
		c := s.src[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] != cSpace {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s.src[i:])
		if r == '\u2028' || r == '\u2029' || !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// isApostrophe reports whether r is written for an apostrophe: ASCII ',
// the typographic ’, or the modifier letter ʼ.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// runeAt decodes the rune at i, returning (0, 0) at the end of input.
func (s *scanner) runeAt(i int) (rune, int) {
	if i >= len(s.src) {
		return 0, 0
	}
	if c := s.src[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(s.src[i:])
}

// isWordRune reports whether r can continue a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == cLetter || c == cDigit
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isLetterAt reports whether a letter starts at i.
func (s *scanner) isLetterAt(i int) bool {
	r, n := s.runeAt(i)
	if n == 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return asciiClass[r] == cLetter
	}
	return unicode.IsLetter(r)
}
