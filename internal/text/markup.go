package text

import "bytes"

// Markdown code and HTML: spans the repairer must leave alone. Searches for a
// closing delimiter are bounded so that unmatched openers cannot make
// tokenizing quadratic.
const (
	maxCodeSpan = 4 << 10  // inline code spans longer than this are not code
	maxTag      = 4 << 10  // an HTML tag longer than this is not a tag
	maxComment  = 64 << 10 // an HTML comment longer than this is not a comment
	maxRaw      = 1 << 20  // bound on <script>/<style>/<pre> element bodies
)

// punct scans a token starting with ASCII punctuation c.
func (s *scanner) punct(c byte) {
	src := s.src
	switch c {
	case '.', '-':
		k := s.i + 1
		for k < len(src) && src[k] == c {
			k++
		}
		s.emit(k, Punct, 0)
		return
	case '`', '~':
		if s.fence(c) || c == '`' && s.codeSpan() {
			return
		}
	case '<':
		if s.tag() {
			return
		}
	case '&':
		if s.entity() {
			return
		}
	case '@':
		if s.handle(Handle) {
			return
		}
	case '#':
		if s.handle(Hashtag) {
			return
		}
	case '\'':
		s.quote(1)
		return
	}
	s.emit(s.i+1, Punct, 0)
}

// run returns the end of the run of byte c starting at i.
func (s *scanner) run(i int, c byte) int {
	for i < len(s.src) && s.src[i] == c {
		i++
	}
	return i
}

// fence scans a fenced code block: a line starting (after at most three
// spaces) with three or more ` or ~, up to a closing fence of the same
// character at least as long, or the end of input (CommonMark).
func (s *scanner) fence(c byte) bool {
	src := s.src
	if s.i-s.lineStart > 3 || len(bytes.Trim(src[s.lineStart:s.i], " ")) != 0 {
		return false
	}
	n := s.run(s.i, c) - s.i
	if n < 3 {
		return false
	}
	eol := lineEnd(src, s.i)
	if c == '`' && bytes.IndexByte(src[s.i+n:eol], '`') >= 0 {
		return false
	}
	for line := eol; line < len(src); {
		line = skipNewline(src, line)
		end := lineEnd(src, line)
		k := line
		for k < end && k-line < 3 && src[k] == ' ' {
			k++
		}
		if r := s.run(k, c); r-k >= n && len(bytes.Trim(src[r:end], " \t")) == 0 {
			s.emit(r, CodeBlock, Protected)
			return true
		}
		line = end
	}
	s.emit(len(src), CodeBlock, Protected)
	return true
}

// lineEnd returns the offset of the line break that ends the line containing i.
func lineEnd(src []byte, i int) int {
	end := len(src)
	if k := bytes.IndexByte(src[i:], '\n'); k >= 0 {
		end = i + k
	}
	if k := bytes.IndexByte(src[i:end], '\r'); k >= 0 {
		end = i + k
	}
	return end
}

// skipNewline steps over the line break at i.
func skipNewline(src []byte, i int) int {
	if i < len(src) && src[i] == '\r' {
		i++
	}
	if i < len(src) && src[i] == '\n' {
		i++
	}
	return i
}

// codeSpan scans `code` delimited by backtick runs of equal length within one
// paragraph.
func (s *scanner) codeSpan() bool {
	src := s.src
	open := s.run(s.i, '`')
	n := open - s.i
	limit := min(len(src), open+maxCodeSpan)
	for k := open; k < limit; {
		switch src[k] {
		case '`':
			e := s.run(k, '`')
			if e-k == n {
				s.emit(e, Code, Protected)
				return true
			}
			k = e
		case '\n', '\r':
			k = skipNewline(src, k)
			for k < limit && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < limit && (src[k] == '\n' || src[k] == '\r') {
				return false // a blank line ends the paragraph
			}
		default:
			k++
		}
	}
	return false
}

// rawElements hold text that is not prose; their bodies are one token.
var rawElements = []string{"script", "style", "pre", "textarea"}

// tag scans an HTML tag, comment or declaration.
func (s *scanner) tag() bool {
	src := s.src
	rest := src[s.i:]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		lim := rest[:min(len(rest), maxComment)]
		if k := bytes.Index(lim[4:], []byte("-->")); k >= 0 {
			s.emit(s.i+4+k+3, Markup, Protected)
			return true
		}
		return false
	}
	if len(rest) < 3 {
		return false
	}
	k := 1
	if rest[1] == '/' || rest[1] == '!' || rest[1] == '?' {
		k++
	}
	nameStart := k
	for k < len(rest) && rest[k] < 0x80 && (asciiClass[rest[k]] == cLetter || k > nameStart && (asciiClass[rest[k]] == cDigit || rest[k] == '-' || rest[k] == ':')) {
		k++
	}
	if k == nameStart || k >= len(rest) || !(rest[k] == '>' || rest[k] == '/' || asciiClass[rest[k]] == cSpace || asciiClass[rest[k]] == cNewline) {
		return false
	}
	end := tagEnd(rest, k)
	if end < 0 {
		return false
	}
	if rest[1] != '/' {
		for _, raw := range rawElements {
			if equalFoldASCII(rest[nameStart:k], raw) {
				end = rawEnd(rest, end, raw)
				break
			}
		}
	}
	s.emit(s.i+end, Markup, Protected)
	return true
}

// tagEnd finds the '>' closing a tag whose attributes start at k, honouring
// quoted attribute values, or -1.
func tagEnd(rest []byte, k int) int {
	var quote byte
	for lim := min(len(rest), maxTag); k < lim; k++ {
		c := rest[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>':
			return k + 1
		case c == '<':
			return -1
		case (c == '"' || c == '\'') && rest[k-1] == '=':
			quote = c
		}
	}
	return -1
}

// rawEnd returns the end of "</name>" after a raw element's open tag, or
// the end of the open tag itself when there is none in reach.
func rawEnd(rest []byte, end int, name string) int {
	lim := min(len(rest), end+maxRaw)
	for k := end; k+2+len(name) < lim; k++ {
		if rest[k] == '<' && rest[k+1] == '/' && equalFoldASCII(rest[k+2:k+2+len(name)], name) {
			if e := bytes.IndexByte(rest[k:lim], '>'); e >= 0 {
				return k + e + 1
			}
			return end
		}
	}
	return end
}

// entity scans an HTML character reference: &amp; &#8217; &#x2019;.
func (s *scanner) entity() bool {
	src := s.src
	k := s.i + 1
	if k < len(src) && src[k] == '#' {
		k++
	}
	start := k
	for k < len(src) && k-start < 32 && src[k] < 0x80 && (asciiClass[src[k]] == cLetter || asciiClass[src[k]] == cDigit) {
		k++
	}
	if k == start || k >= len(src) || src[k] != ';' {
		return false
	}
	s.emit(k+1, Markup, Protected)
	return true
}
