package render

import "fmt"

// Summary counts what a run did.
type Summary struct {
	Files       int `json:"files"`       // files repaired (binary and failed files excluded)
	Changed     int `json:"changed"`     // files with at least one applied fix
	Fixes       int `json:"fixes"`       // applied fixes
	Suggestions int `json:"suggestions"` // fixes below the confidence threshold
	Skipped     int `json:"skipped"`     // binary files skipped
	Errors      int `json:"errors"`      // files that could not be read, repaired or written
}

// String is the one-line report for humans.
func (s Summary) String() string {
	msg := fmt.Sprintf("%s in %s of %s", plural(s.Fixes, "fix", "fixes"),
		plural(s.Changed, "file", "files"), plural(s.Files, "file", "files"))
	if s.Suggestions > 0 {
		msg += fmt.Sprintf(", %s below the threshold", plural(s.Suggestions, "suggestion", "suggestions"))
	}
	if s.Skipped > 0 {
		msg += fmt.Sprintf(", %s skipped", plural(s.Skipped, "binary file", "binary files"))
	}
	if s.Errors > 0 {
		msg += fmt.Sprintf(", %s", plural(s.Errors, "error", "errors"))
	}
	return msg
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
