package text

import "bytes"

// Line-level structure: the Markdown and HTML blocks whose boundaries end a
// sentence even without a full stop.

// isBlockLine reports whether the line whose first non-space byte is at p is a
// Markdown heading, list item, block quote, table row or thematic break.
func isBlockLine(src []byte, p int) bool {
	line := src[p:min(len(src), p+12)] // enough for every marker but a rule
	if k := bytes.IndexAny(line, "\r\n"); k >= 0 {
		line = line[:k]
	}
	if len(line) == 0 {
		return false
	}
	switch c := line[0]; {
	case c == '#':
		n := 1
		for n < len(line) && line[n] == '#' {
			n++
		}
		return n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t')
	case c == '>' || c == '|':
		return true
	case c == '-' || c == '*' || c == '+' || c == '=' || c == '_':
		return c != '=' && c != '_' && len(line) > 1 && (line[1] == ' ' || line[1] == '\t') ||
			isRule(src[p:lineEnd(src, p)])
	case c >= '0' && c <= '9':
		n := 1
		for n < len(line) && n < 9 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		return n+1 < len(line) && (line[n] == '.' || line[n] == ')') && (line[n+1] == ' ' || line[n+1] == '\t')
	}
	return bytes.HasPrefix(line, []byte("•"))
}

// isRule reports whether line is three or more of one of - * _ = (spaces
// allowed): a thematic break or a setext heading underline.
func isRule(line []byte) bool {
	c, n := line[0], 0
	for _, b := range line {
		switch b {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// blockTags are the HTML elements that start or end a block of text.
var blockTags = []string{
	"address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
	"header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "script", "section",
	"style", "table", "td", "textarea", "th", "title", "tr", "ul",
}

// isBlockTag reports whether a Markup token is a block-level tag, a comment
// or a declaration (<!DOCTYPE>), all of which separate sentences.
func isBlockTag(m []byte) bool {
	if len(m) < 3 || m[0] != '<' {
		return false // an entity
	}
	k := 1
	switch m[1] {
	case '!', '?':
		return true
	case '/':
		k++
	}
	e := k
	for e < len(m) && (asciiClass[m[e]] == cLetter || asciiClass[m[e]] == cDigit) && m[e] < 0x80 {
		e++
	}
	for _, t := range blockTags {
		if equalFoldASCII(m[k:e], t) {
			return true
		}
	}
	return false
}
