package cli

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// TestAssessReaderWindows: a long document is assessed a window at a time,
// every byte in exactly one window, and the evidence adds up.
func TestAssessReaderWindows(t *testing.T) {
	var doc bytes.Buffer
	for doc.Len() < 3*checkWindow {
		doc.WriteString("The council met on Tuesday and approved the budget for the new library.\n\n")
	}
	var seen bytes.Buffer
	calls := 0
	assess := func(src []byte) repair.Assessment {
		calls++
		seen.Write(src)
		n := len(strings.Fields(string(src)))
		return repair.Assessment{Analysis: repair.Analysis{Words: n, ContentRate: 0.2}, Changed: float64(n) / 10}
	}
	a, skip, err := assessReader(bytes.NewReader(doc.Bytes()), assess, 3)
	if err != nil || skip != "" {
		t.Fatalf("assessReader: %v %q", err, skip)
	}
	if calls < 3 {
		t.Errorf("%d windows for %d bytes; want at least 3", calls, doc.Len())
	}
	if !bytes.Equal(seen.Bytes(), doc.Bytes()) {
		t.Error("the windows are not the document")
	}
	words := len(strings.Fields(doc.String()))
	if a.Words != words || a.ContentRate < 0.1999 || a.ContentRate > 0.2001 || math.Abs(a.Changed-float64(words)/10) > 1e-6 {
		t.Errorf("added up to %d words, rate %v, %v changed; want %d, 0.2, %v", a.Words, a.ContentRate, a.Changed, words, float64(words)/10)
	}

	// A short document is one window.
	calls = 0
	if _, _, err := assessReader(strings.NewReader("One short line."), assess, 3); err != nil || calls != 1 {
		t.Errorf("short document: %d windows, %v", calls, err)
	}
	// Text in an encoding unspin does not read is named, not assessed.
	calls = 0
	if _, skip, _ := assessReader(strings.NewReader("\xff\xfe\x00\x00T\x00\x00\x00"), assess, 3); skip == "" || calls != 0 {
		t.Errorf("UTF-32: skip %q after %d windows", skip, calls)
	}
	// UTF-16 is assessed decoded.
	seen.Reset()
	if _, skip, err := assessReader(strings.NewReader("\xff\xfeT\x00h\x00e\x00"), assess, 3); skip != "" || err != nil || seen.String() != "The" {
		t.Errorf("UTF-16: skip %q, %v, assessed %q; want The", skip, err, seen.String())
	}
}

// TestCheckProgressOnlyOnTerminalStderr: a long check draws a progress bar
// and its summary on a terminal's stderr, and stdout holds a verdict a file.
func TestCheckProgressOnlyOnTerminalStderr(t *testing.T) {
	testAssessFunc = func(src []byte) repair.Assessment {
		return repair.Assessment{Analysis: repair.Analysis{Words: 3}}
	}
	t.Cleanup(func() { testAssessFunc = nil })
	n := progressMin + 5
	dir := writeFiles(t, n, "the infantry\n")
	for _, tty := range []bool{true, false} {
		code, out, errs := run([]string{"check", "-j", "3", dir}, tty)
		if code != 0 {
			t.Errorf("tty=%v: exit %d; stderr %q", tty, code, errs)
		}
		if lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); len(lines) != n || strings.ContainsAny(out, "\r[#") {
			t.Errorf("tty=%v: stdout holds more than the verdicts:\n%q", tty, out)
		}
		bar := strings.Contains(errs, fmt.Sprintf("%d/%d files", n, n))
		summary := strings.Contains(errs, fmt.Sprintf("0 of %d documents spun", n))
		if bar != tty || summary != tty {
			t.Errorf("tty=%v: progress bar %v, summary %v on stderr (%q)", tty, bar, summary, errs)
		}
	}
}
