package lexicon

import (
	"fmt"
	"strings"
)

// swapTable is the known-swaps table read both ways.
type swapTable struct {
	bySpun   map[string][]string // spun -> originals
	fanout   map[string]int      // original -> number of spun words it becomes
	original map[string]bool
}

// parseSwaps reads "original<TAB>spun<TAB>evidence" lines; '#' starts a
// comment line.
func parseSwaps(data string) (*swapTable, error) {
	t := &swapTable{bySpun: map[string][]string{}, fanout: map[string]int{}, original: map[string]bool{}}
	for i, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("swaps line %d: want original<TAB>spun<TAB>evidence", i+1)
		}
		t.bySpun[f[1]] = append(t.bySpun[f[1]], f[0])
		t.fanout[f[0]]++
		t.original[f[0]] = true
	}
	return t, nil
}

// phraseTable maps spun multi-word phrases to their originals.
type phraseTable struct {
	originals map[string][]string // spun phrase -> originals
	starts    map[string]int      // first word of spun phrases -> most words of one
	evidence  map[string]string   // spun phrase -> where its line says it comes from
}

// parsePhrases reads "original<TAB>spun<TAB>evidence" lines of phrases,
// the two sides of any numbers of words; '#' starts a comment line.
func parsePhrases(data string) (phraseTable, error) {
	t := phraseTable{originals: map[string][]string{}, starts: map[string]int{}, evidence: map[string]string{}}
	for i, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(strings.Fields(f[0])) == 0 || len(strings.Fields(f[1])) == 0 {
			return phraseTable{}, fmt.Errorf("phrases line %d: want original<TAB>spun<TAB>evidence", i+1)
		}
		t.originals[f[1]] = append(t.originals[f[1]], f[0])
		if len(f) > 2 && t.evidence[f[1]] == "" {
			t.evidence[f[1]] = f[2]
		}
		spun := strings.Fields(f[1])
		t.starts[spun[0]] = max(t.starts[spun[0]], len(spun))
	}
	return t, nil
}

// parseWordSet reads one word a line, '#' starting a comment line.
func parseWordSet(data string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}
