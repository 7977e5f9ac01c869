package text

// Recognisers for the tokens the repairer must not touch: URLs, e-mail
// addresses, handles and tags. All are byte scans, no regular expressions.

// tlds are the top-level domains that make a bare "name.tld" a URL. A short
// list of the common ones keeps "end.The" or "U.S" from looking like hosts.
var tlds = []string{"ai", "app", "au", "biz", "ca", "cn", "co", "com", "de", "dev", "edu",
	"eu", "fr", "gov", "in", "info", "io", "it", "jp", "me", "mil", "net", "nl", "org",
	"ru", "tv", "uk", "us"}

// schemes introduce a URL when followed by "://".
var schemes = []string{"ftp", "http", "https"}

func isHostByte(c byte) bool {
	k := asciiClass[c]
	return c < 0x80 && (k == cLetter || k == cDigit || c == '-')
}

func isLocalByte(c byte) bool {
	return isHostByte(c) || c == '.' || c == '_' || c == '+' || c == '%'
}

// special checks whether the word that starts at s.i and stops at j is the
// start of a URL or an e-mail address, and returns its end.
func (s *scanner) special(j int) (end int, kind Kind, ok bool) {
	src := s.src
	switch src[j] {
	case ':':
		if j+2 < len(src) && src[j+1] == '/' && src[j+2] == '/' && s.wordIs(j, schemes) {
			return s.urlEnd(j + 3), URL, true
		}
		return 0, 0, false
	case '.', '@', '_', '+', '%':
	default:
		return 0, 0, false
	}
	k := j
	for k < len(src) && isLocalByte(src[k]) {
		k++
	}
	if k < len(src) && src[k] == '@' {
		if e := s.domainEnd(k+1, false); e > 0 {
			return e, Email, true
		}
	}
	if src[j] != '.' {
		return 0, 0, false
	}
	if e := s.domainEnd(s.i, true); e > 0 {
		if e < len(src) && src[e] == '/' {
			e = s.urlEnd(e)
		}
		return e, URL, true
	}
	return 0, 0, false
}

// wordIs reports whether src[s.i:j] is one of words, ignoring ASCII case.
func (s *scanner) wordIs(j int, words []string) bool {
	for _, w := range words {
		if equalFoldASCII(s.src[s.i:j], w) {
			return true
		}
	}
	return false
}

// domainEnd returns the end of a host name of two or more labels starting at
// i, or 0. A bare host (no scheme) needs a known lowercase TLD or "www.".
func (s *scanner) domainEnd(i int, bare bool) int {
	src := s.src
	k, dots, lastDot := i, 0, -1
	for k < len(src) && (isHostByte(src[k]) || src[k] == '.' && k+1 < len(src) && isHostByte(src[k+1])) {
		if src[k] == '.' {
			if k == i || src[k-1] == '.' {
				return 0
			}
			dots++
			lastDot = k
		}
		k++
	}
	if dots == 0 || k-lastDot < 3 {
		return 0
	}
	tld := src[lastDot+1 : k]
	for _, c := range tld {
		if asciiClass[c] != cLetter {
			return 0
		}
	}
	if !bare || equalFoldASCII(src[i:min(i+4, k)], "www.") {
		return k
	}
	for _, t := range tlds {
		if string(tld) == t {
			return k
		}
	}
	return 0
}

// urlEnd extends a URL from i over URL characters, then gives back trailing
// sentence punctuation and an unbalanced closing parenthesis.
func (s *scanner) urlEnd(i int) int {
	src := s.src
	k, depth := i, 0
	for k < len(src) {
		c := src[k]
		if c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '`' {
			break
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
		k++
	}
	for k > i {
		c := src[k-1]
		if c == ')' && depth < 0 {
			depth++
		} else if c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != '\'' && c != '*' {
			break
		}
		k--
	}
	return k
}

// prevIsWord reports whether a word or number ends right where s.i starts.
func (s *scanner) prevIsWord() bool {
	if len(s.dst) == 0 {
		return false
	}
	t := s.dst[len(s.dst)-1]
	return t.End == s.i && (t.Kind == Word || t.Kind == Number)
}

// handle scans @name or #name (first character a letter for tags), or
// returns false when the sign is punctuation (C#, a@b).
func (s *scanner) handle(kind Kind) bool {
	src := s.src
	if s.prevIsWord() || s.i+1 >= len(src) {
		return false
	}
	first := src[s.i+1]
	if first >= 0x80 || !(asciiClass[first] == cLetter || kind == Handle && (asciiClass[first] == cDigit || first == '_')) {
		return false
	}
	k := s.i + 1
	for k < len(src) && src[k] < 0x80 && (asciiClass[src[k]] == cLetter || asciiClass[src[k]] == cDigit || src[k] == '_') {
		k++
	}
	s.emit(k, kind, Protected)
	return true
}
