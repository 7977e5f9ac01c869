package eval

import (
	"fmt"
	"strings"
	"unicode"
)

// text is a document split into lines of whitespace-separated tokens. Lines
// are kept so that an alignment error can name where it starts.
type text [][]string

func splitText(b []byte) text {
	lines := strings.Split(string(b), "\n")
	t := make(text, len(lines))
	for i, l := range lines {
		t[i] = strings.Fields(l)
	}
	return t
}

// AlignError reports the first line where two texts that must be aligned
// token for token have different numbers of tokens.
type AlignError struct {
	Line         int    // from 1
	NameA, NameB string // which texts, e.g. "spun" and "gold"
	CountA       int
	CountB       int
}

func (e *AlignError) Error() string {
	return fmt.Sprintf("%s and %s are not aligned: line %d has %d tokens in %s, %d in %s",
		e.NameA, e.NameB, e.Line, e.CountA, e.NameA, e.CountB, e.NameB)
}

// align checks that a and b have the same token count on every line. A line
// missing at the end of one text counts as empty, so a final newline does
// not matter.
func align(nameA string, a text, nameB string, b text) error {
	n := max(len(a), len(b))
	for i := range n {
		var ca, cb int
		if i < len(a) {
			ca = len(a[i])
		}
		if i < len(b) {
			cb = len(b[i])
		}
		if ca != cb {
			return &AlignError{Line: i + 1, NameA: nameA, NameB: nameB, CountA: ca, CountB: cb}
		}
	}
	return nil
}

// core is the word inside a token: leading and trailing punctuation removed,
// lowercased, typographic apostrophes made plain, so that `“Obviously,`
// and `obviously` compare equal.
func core(tok string) string {
	c := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(strings.ReplaceAll(c, "’", "'"))
}

// goldToken is one parsed gold position.
type goldToken struct {
	alts     []string // acceptable word cores
	unscored bool     // {?}: the original is unknown
}

// parseGold reads a gold token: a plain original, `{a|b|c}` for several
// acceptable originals, or `{?}`. The braces may sit inside punctuation
// (`“{help|aid}` or `{war|fight}.`); that punctuation belongs to every
// alternative.
func parseGold(tok string) goldToken {
	open := strings.IndexByte(tok, '{')
	end := strings.LastIndexByte(tok, '}')
	if open < 0 || end < open {
		return goldToken{alts: []string{core(tok)}}
	}
	inner := tok[open+1 : end]
	if strings.TrimSpace(inner) == "?" {
		return goldToken{unscored: true}
	}
	prefix, suffix := tok[:open], tok[end+1:]
	var g goldToken
	for _, a := range strings.Split(inner, "|") {
		g.alts = append(g.alts, core(prefix+a+suffix))
	}
	return g
}

func (g goldToken) matches(word string) bool {
	for _, a := range g.alts {
		if a == word {
			return true
		}
	}
	return false
}

// Resolve turns a gold text into a plain one: each `{a|b}` becomes its first
// alternative (with the surrounding punctuation) and each `{?}` the spun
// token. Scored as a repair, it is the perfect one.
func Resolve(spun, gold []byte) ([]byte, error) {
	s, g := splitText(spun), splitText(gold)
	if err := align("spun", s, "gold", g); err != nil {
		return nil, err
	}
	lines := make([]string, len(g))
	for i, gl := range g {
		out := make([]string, len(gl))
		for j, tok := range gl {
			out[j] = resolveToken(tok, s[i][j])
		}
		lines[i] = strings.Join(out, " ")
	}
	return []byte(strings.Join(lines, "\n")), nil
}

func resolveToken(tok, spun string) string {
	open := strings.IndexByte(tok, '{')
	end := strings.LastIndexByte(tok, '}')
	if open < 0 || end < open {
		return tok
	}
	inner := tok[open+1 : end]
	if strings.TrimSpace(inner) == "?" {
		return spun
	}
	first, _, _ := strings.Cut(inner, "|")
	return tok[:open] + first + tok[end+1:]
}
