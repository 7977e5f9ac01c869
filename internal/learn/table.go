// Package learn induces a spinner's substitution table from a pile of its
// output, with no originals: expectation-maximisation over the repairer's
// candidate lattices with the language model held fixed (the classic
// word-substitution decipherment recipe), started from the generic
// lexicon's channel and smoothed towards it. The table it writes is layered
// over the generic lexicon when repairing later articles (Layer).
package learn

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Pair is one learned substitution: the spinner writes Spun for Orig with
// probability Prob = q(spun | orig, replaced), seen Evidence times
// (expected counts, so possibly fractional).
type Pair struct {
	Spun, Orig string
	Prob       float64
	Evidence   float64
}

// Table holds learned pairs by spun word.
type Table struct {
	bySpun map[string][]Pair
}

// NewTable returns a table of pairs; a later duplicate replaces an earlier one.
func NewTable(pairs []Pair) *Table {
	t := &Table{bySpun: map[string][]Pair{}}
	for _, p := range pairs {
		t.Add(p)
	}
	return t
}

// Add puts p in the table, replacing a pair with the same words.
func (t *Table) Add(p Pair) {
	ps := t.bySpun[p.Spun]
	for i := range ps {
		if ps[i].Orig == p.Orig {
			ps[i] = p
			return
		}
	}
	t.bySpun[p.Spun] = append(ps, p)
}

// Merge adds every pair of o.
func (t *Table) Merge(o *Table) {
	for _, p := range o.Pairs() {
		t.Add(p)
	}
}

// Originals are the learned originals of a lowercased spun word.
func (t *Table) Originals(spun string) []Pair {
	if t == nil {
		return nil
	}
	return t.bySpun[spun]
}

// Len is the number of pairs.
func (t *Table) Len() int {
	n := 0
	for _, ps := range t.bySpun {
		n += len(ps)
	}
	return n
}

// Pairs lists the pairs, most evidence first, then by words.
func (t *Table) Pairs() []Pair {
	var out []Pair
	for _, ps := range t.bySpun {
		out = append(out, ps...)
	}
	slices.SortFunc(out, func(a, b Pair) int {
		if c := cmp.Compare(b.Evidence, a.Evidence); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Spun, b.Spun), cmp.Compare(a.Orig, b.Orig))
	})
	return out
}

// header is the comment line a written table starts with.
const header = "# spun\toriginal\tprobability\tevidence (unspin learn)"

// Write writes the table, one pair a line: spun, original, probability,
// evidence, tab-separated, after a '#' header.
func (t *Table) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, header)
	for _, p := range t.Pairs() {
		fmt.Fprintf(bw, "%s\t%s\t%.4g\t%.1f\n", p.Spun, p.Orig, p.Prob, p.Evidence)
	}
	return bw.Flush()
}

// LineError is a malformed table line.
type LineError struct {
	Name string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

// Read parses a table written by Write; name is used in errors. Blank lines
// and lines starting with '#' are skipped.
func Read(r io.Reader, name string) (*Table, error) {
	t := NewTable(nil)
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, msg := parseLine(line)
		if msg != "" {
			return nil, &LineError{name, n, msg}
		}
		t.Add(p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// parseLine reads one pair, or says what is wrong with the line.
func parseLine(line string) (Pair, string) {
	f := strings.Split(line, "\t")
	if len(f) != 4 {
		return Pair{}, fmt.Sprintf("want 4 tab-separated fields (spun, original, probability, evidence), got %d", len(f))
	}
	p := Pair{Spun: strings.ToLower(strings.TrimSpace(f[0])), Orig: strings.ToLower(strings.TrimSpace(f[1]))}
	if p.Spun == "" || p.Orig == "" || p.Spun == p.Orig {
		return Pair{}, "spun and original must be two different words"
	}
	var err error
	if p.Prob, err = strconv.ParseFloat(f[2], 64); err != nil || !(p.Prob > 0 && p.Prob <= 1) {
		return Pair{}, fmt.Sprintf("probability %q is not a number in (0, 1]", f[2])
	}
	if p.Evidence, err = strconv.ParseFloat(f[3], 64); err != nil || p.Evidence < 0 {
		return Pair{}, fmt.Sprintf("evidence %q is not a non-negative number", f[3])
	}
	return p, ""
}
