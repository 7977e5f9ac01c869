package review

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// ANSI colours, as git's word diff uses them: removed red, added green.
const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	bold  = "\x1b[1m"
	reset = "\x1b[m"
)

// contextMax is the most bytes of the sentence shown on each side of the
// change: enough for a sentence of about twenty words, short enough that
// the change stays on the terminal's first line or two.
const contextMax = 100

// doc is a file under review, with what is needed to show its hunks.
type doc struct {
	name  string
	src   []byte
	lines *render.Lines
	sents [][2]int // byte spans of the sentences
}

func newDoc(name string, src []byte) *doc {
	d := &doc{name: name, src: src, lines: render.NewLines(src)}
	toks := text.Tokenize(src)
	for _, s := range text.Sentences(src, toks) {
		a, b := s.Span(toks)
		d.sents = append(d.sents, [2]int{a, b})
	}
	return d
}

// sentence is the span of the sentence holding e, or the edit itself.
func (d *doc) sentence(e repair.Edit) (int, int) {
	for _, s := range d.sents {
		if s[0] <= e.Start && e.End <= s[1] {
			return s[0], s[1]
		}
	}
	return e.Start, e.End
}

// show writes one hunk: where it is, the sentence with the change marked,
// the confidence, the source and the numbered alternatives.
func (s *Session) show(d *doc, e repair.Edit, n, total int) {
	line, col := d.lines.Position(e.Start)
	w := s.ui
	fmt.Fprintf(w, "%s%s:%d:%d%s (%d/%d)  %s -> %s\n", s.c(bold), d.name, line, col, s.c(reset), n, total, text.OneLine(e.From), text.OneLine(e.To))
	a, b := d.sentence(e)
	before := clipLeft(string(d.src[a:e.Start]))
	after := clipRight(string(d.src[e.End:b]))
	fmt.Fprintf(w, "  %s%s%s\n", flat(before), s.change(e.From, e.To), flat(after))
	fmt.Fprintf(w, "  confidence %.2f, source %s", e.Confidence, e.Source)
	if !e.Applied {
		fmt.Fprint(w, " (suggestion: below the threshold)")
	}
	fmt.Fprintln(w)
	if len(e.Alternatives) > 0 {
		var alts []string
		for i, alt := range e.Alternatives[:min(len(e.Alternatives), 9)] {
			alts = append(alts, fmt.Sprintf("%d %s (%.2f)", i+1, alt.Word, alt.Confidence))
		}
		fmt.Fprintf(w, "  alternatives: %s\n", strings.Join(alts, ", "))
	}
}

// change marks the replaced word: in colour as git's word diff does, or in
// its plain-text notation [-old-]{+new+} when colour is off.
func (s *Session) change(from, to string) string {
	if s.color {
		return red + from + reset + green + to + reset
	}
	return "[-" + from + "-]{+" + to + "+}"
}

func (s *Session) c(code string) string {
	if s.color {
		return code
	}
	return ""
}

// flat puts a sentence that spans lines on one line, keeping one space at
// either end where there was white space, so the context stays apart from
// the change.
func flat(s string) string {
	f := strings.Join(strings.Fields(s), " ")
	if f == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if isSpace(s[0]) {
		f = " " + f
	}
	if isSpace(s[len(s)-1]) {
		f += " "
	}
	return f
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func clipLeft(s string) string {
	if len(s) <= contextMax {
		return s
	}
	i := len(s) - contextMax
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return "…" + s[i:]
}

func clipRight(s string) string {
	if len(s) <= contextMax {
		return strings.TrimRight(s, " \t\r\n")
	}
	i := contextMax
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

const help = `y - accept this fix
n - reject this fix
a - accept this fix and all the remaining ones in this file
d - reject this fix and all the remaining ones in this file
1-9 - accept that alternative instead
e - type the replacement yourself
A - accept this pair everywhere from now on (added to the denylist)
N - never propose this pair again (added to the allowlist)
u - undo the last decision in this file
q - quit, writing the fixes accepted so far
? - print this help
`

// prompt lists the keys that make sense for e.
func (s *Session) prompt(e repair.Edit) {
	alts := ""
	switch n := min(len(e.Alternatives), 9); n {
	case 0:
	case 1:
		alts = "1,"
	default:
		alts = fmt.Sprintf("1-%d,", n)
	}
	fmt.Fprintf(s.ui, "Accept [y,n,a,d,%se,A,N,u,q,?]? ", alts)
}
