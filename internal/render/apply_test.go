package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// applyDiff applies a one-file unified diff to src as patch(1) does without
// fuzz: context and deleted lines must match exactly, line endings included,
// and the hunk header counts must agree with the body. It is the test's
// independent check that the diff says what the edits do.
func applyDiff(diff, src string) (string, error) {
	type rec struct {
		kind byte
		text string
	}
	srcLines := strings.SplitAfter(src, "\n")
	if srcLines[len(srcLines)-1] == "" {
		srcLines = srcLines[:len(srcLines)-1]
	}
	hunkRE := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out strings.Builder
	next := 0 // index of the next unconsumed source line
	lines := strings.SplitAfter(diff, "\n")
	for i := 2; i < len(lines) && lines[i] != ""; {
		m := hunkRE.FindStringSubmatch(lines[i])
		if m == nil {
			return "", fmt.Errorf("bad hunk header %q", lines[i])
		}
		from, _ := strconv.Atoi(m[1])
		oldCount, newCount := count(m[2]), count(m[4])
		var body []rec
		for i++; i < len(lines) && lines[i] != "" && lines[i][0] != '@'; i++ {
			if lines[i][0] == '\\' {
				body[len(body)-1].text = strings.TrimSuffix(body[len(body)-1].text, "\n")
				continue
			}
			body = append(body, rec{lines[i][0], lines[i][1:]})
		}
		for ; next < from-1; next++ {
			out.WriteString(srcLines[next])
		}
		var olds, news int
		for _, r := range body {
			if r.kind != '+' {
				if next >= len(srcLines) || srcLines[next] != r.text {
					return "", fmt.Errorf("line %d: diff has %q, source %q", next+1, r.text, at(srcLines, next))
				}
				next++
				olds++
			}
			if r.kind != '-' {
				out.WriteString(r.text)
				news++
			}
		}
		if olds != oldCount || news != newCount {
			return "", fmt.Errorf("hunk %q counts %d,%d lines", m[0], olds, news)
		}
	}
	for ; next < len(srcLines); next++ {
		out.WriteString(srcLines[next])
	}
	return out.String(), nil
}

func count(s string) int {
	if s == "" {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end of file>"
}
