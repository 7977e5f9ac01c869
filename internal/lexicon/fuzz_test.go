package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// FuzzParseSwaps: the swap-table parser never panics; it accepts a table
// exactly when every line is blank, a comment or "original<TAB>spun...",
// names the first bad line otherwise, and keeps every pair it accepts.
func FuzzParseSwaps(f *testing.F) {
	f.Add("# comment\nmilitary\tinfantry\t3\nbase\tbottom\t2\n")
	f.Add("a\tb")
	f.Add("a\t\tc\n")
	f.Add("\n\n#\tx\nonly-one-field\n")
	f.Add("a\tb\r\nc\td\r\n")
	f.Fuzz(func(t *testing.T, data string) {
		st, err := parseSwaps(data)
		bad, pairs := 0, 0
		for i, line := range strings.Split(data, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			fs := strings.Split(line, "\t")
			if len(fs) < 2 || fs[0] == "" || fs[1] == "" {
				bad = i + 1
				break
			}
			pairs++
		}
		if bad > 0 {
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("line %d:", bad)) {
				t.Fatalf("line %d is malformed; err = %v", bad, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("well-formed table refused: %v", err)
		}
		n := 0
		for _, c := range st.fanout {
			n += c
		}
		if n != pairs {
			t.Fatalf("%d pairs counted, %d lines", n, pairs)
		}
		for _, line := range strings.Split(data, "\n") {
			if fs := strings.Split(line, "\t"); line != "" && line[0] != '#' {
				if !slices.Contains(st.bySpun[fs[1]], fs[0]) || !st.original[fs[0]] {
					t.Fatalf("pair %q lost", line)
				}
			}
		}
	})
}

// TestShippedSwapsParse: the shipped table is well formed, and a malformed
// line in it would be reported with its number.
func TestShippedSwapsParse(t *testing.T) {
	data := shipped().Swaps
	if _, err := parseSwaps(data); err != nil {
		t.Fatal(err)
	}
	n := strings.Count(data, "\n")
	_, err := parseSwaps(data + "no tab here\n")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("swaps line %d:", n+1)) {
		t.Errorf("err = %v, want the line number %d", err, n+1)
	}
}
