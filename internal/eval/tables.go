package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// closedClass are words a thesaurus-driven spinner leaves alone: articles,
// pronouns, prepositions, conjunctions and auxiliaries. WordNet lists some of
// them under odd senses ("a" the vitamin, "in" the inch, "will" the testament),
// and a real spinner changes them only through its own table (FunctionWords).
var closedClass = setOf(`a an the this that these those some any each every no none all both either
neither much many more most few less least other another such what which who whom whose where when
why how whether if than then because since as though although while until unless so but and or nor
not also too very just only even still yet already i me my mine we us our ours you your yours he him
his she her hers it its they them their theirs myself yourself himself herself itself ourselves
themselves there here of in on at by for with from to into onto upon about above below over under
after before between among through during without within against around across along toward towards
up down out off be am is are was were been being have has had having do does did done doing will
would shall should can could may might must ought`)

// FunctionWords imitates the function-word swaps of the spinner behind the
// project's real sample (samples/README.md and data/README.md list them):
// the->a, at->during, which->that, since->given and so on. No thesaurus holds
// these, so a repairer needs a table of its own to undo them.
var FunctionWords = map[string]string{
	"the":     "a",
	"at":      "during",
	"which":   "that",
	"since":   "given",
	"whether": "either",
	"because": "since",
	"but":     "though",
	"more":    "some-more",
	"against": "opposite",
	"under":   "underneath",
	"might":   "competence",
	"two":     "dual",
	"well":    "good",
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// ParseTable reads a swap table: one "original replacement" pair a line,
// lowercase single tokens, '#' starting a comment. A word may appear once as
// an original.
func ParseTable(r io.Reader) (map[string]string, error) {
	t := map[string]string{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		l, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(l)
		switch {
		case len(f) == 0:
			continue
		case len(f) != 2:
			return nil, fmt.Errorf("line %d: want \"original replacement\", got %q", line, l)
		case f[0] == f[1]:
			return nil, fmt.Errorf("line %d: %q maps to itself", line, f[0])
		case t[f[0]] != "":
			return nil, fmt.Errorf("line %d: %q already maps to %q", line, f[0], t[f[0]])
		}
		t[f[0]] = f[1]
	}
	return t, sc.Err()
}
