// Package policy is what the user decided about fixes, applied around the
// repairer: allowlists (words or pairs never changed), denylists (pairs always
// changed), extra dictionaries of spinner swaps, and the unspin:ignore,
// unspin:off and unspin:on markers in the text itself.
//
// The decoder is left alone. Lists act twice: on the candidates the decoder
// sees (so that its choice for the neighbouring words is made knowing the
// user's decision) and on the edits it returns (so that the decision holds
// whatever the decoder's posteriors say). Only the second pass is a
// guarantee; the first keeps the context consistent.
package policy

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/unspin/unspin/internal/text"
)

// Pair is a spun word and the original it stands for, both in the language
// model's form (lowercase).
type Pair struct{ Spun, Original string }

func (p Pair) String() string { return p.Spun + " -> " + p.Original }

// NewPair normalises the two words of a pair as the lists store them.
func NewPair(spun, original string) Pair {
	return Pair{text.Norm(strings.TrimSpace(spun)), text.Norm(strings.TrimSpace(original))}
}

// List is one allowlist or denylist: single words and spun -> original pairs.
type List struct {
	Words map[string]bool
	Pairs map[Pair]bool
}

// NewList returns an empty list.
func NewList() *List { return &List{Words: map[string]bool{}, Pairs: map[Pair]bool{}} }

// ParseList reads a list: one entry a line, "word" or "spun -> original",
// with "#" starting a comment and blank lines ignored. name is used in
// errors, which give the line.
func ParseList(name string, r io.Reader) (*List, error) {
	l := NewList()
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := l.addLine(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

func (l *List) addLine(line string) error {
	spun, orig, isPair := strings.Cut(line, "->")
	if !isPair {
		if strings.ContainsAny(line, " \t") {
			return fmt.Errorf("%q: want one word, or \"spun -> original\"", line)
		}
		l.Words[text.Norm(line)] = true
		return nil
	}
	p := NewPair(spun, orig)
	if p.Spun == "" || p.Original == "" || p.Spun == p.Original {
		return fmt.Errorf("%q: want \"spun -> original\" with two different words", line)
	}
	l.Pairs[p] = true
	return nil
}

// Merge adds the entries of o to l.
func (l *List) Merge(o *List) {
	for w := range o.Words {
		l.Words[w] = true
	}
	for p := range o.Pairs {
		l.Pairs[p] = true
	}
}

// Len is the number of entries.
func (l *List) Len() int { return len(l.Words) + len(l.Pairs) }

// Originals returns, per spun word, the originals of its pairs, sorted so
// that results do not depend on map order.
func (l *List) Originals() map[string][]string {
	m := map[string][]string{}
	for p := range l.Pairs {
		m[p.Spun] = append(m[p.Spun], p.Original)
	}
	for _, o := range m {
		sort.Strings(o)
	}
	return m
}

// FormatEntry is the line that stores p in a list file.
func FormatEntry(p Pair) string { return p.String() + "\n" }
