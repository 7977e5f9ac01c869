package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

// edit builds an applied or suggested edit replacing the first occurrence of
// from in src.
func edit(t *testing.T, src, from, to string, conf float64) repair.Edit {
	t.Helper()
	i := strings.Index(src, from)
	if i < 0 {
		t.Fatalf("%q not in %q", from, src)
	}
	return repair.Edit{Start: i, End: i + len(from), From: from, To: to, Confidence: conf, Applied: conf >= 0.5, Source: "test"}
}

func TestPosition(t *testing.T) {
	src := []byte("one\r\ntwo é three\nfour")
	l := NewLines(src)
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {3, 1, 4}, {5, 2, 1}, {9, 2, 5}, {12, 2, 8}, {strings.Index(string(src), "four"), 3, 1}, {len(src), 3, 5},
	} {
		line, col := l.Position(tc.off)
		if line != tc.line || col != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tc.off, line, col, tc.line, tc.col)
		}
	}
}

func TestSelect(t *testing.T) {
	src := "a infantry bottom"
	edits := []repair.Edit{edit(t, src, "infantry", "military", 0.9), edit(t, src, "bottom", "base", 0.3)}
	if got := Select(edits, false); len(got) != 1 || got[0].To != "military" {
		t.Errorf("Select(suggest=false) = %v", got)
	}
	if got := Select(edits, true); len(got) != 2 {
		t.Errorf("Select(suggest=true) = %v", got)
	}
}

// TestDiffRoundTrip checks that applying the diff to the input gives the
// repaired text, for line-ending and final-newline variants.
func TestDiffRoundTrip(t *testing.T) {
	body := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\na infantry bottom"
	for _, tc := range []struct{ name, src string }{
		{"final newline", body + "\n"},
		{"no final newline", body},
		{"crlf", strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"},
		{"crlf no final newline", strings.ReplaceAll(body, "\n", "\r\n")},
		{"first line", "a infantry bottom\nnext\n"},
		{"two hunks", "a infantry\n" + body[:strings.LastIndex(body, "\n")] + "\nthe bottom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edits := []repair.Edit{edit(t, tc.src, "infantry", "military", 0.9), edit(t, tc.src, "bottom", "base", 0.9)}
			var b bytes.Buffer
			if err := Diff(&b, "a/f.txt", "b/f.txt", []byte(tc.src), edits); err != nil {
				t.Fatal(err)
			}
			d := b.String()
			if !strings.HasPrefix(d, "--- a/f.txt\n+++ b/f.txt\n@@ ") {
				t.Errorf("diff header:\n%s", d)
			}
			if want := !strings.HasSuffix(tc.src, "\n"); strings.Contains(d, "\\ No newline at end of file") != want {
				t.Errorf("no-newline marker present = %v, want %v:\n%s", !want, want, d)
			}
			got, err := applyDiff(d, tc.src)
			if err != nil {
				t.Fatalf("applying the diff: %v\n%s", err, d)
			}
			if want := string(repair.Apply([]byte(tc.src), edits)); got != want {
				t.Errorf("diff applied gives %q, want %q", got, want)
			}
		})
	}
}

func TestDiffEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Diff(&b, "a/x", "b/x", []byte("text\n"), nil); err != nil || b.Len() != 0 {
		t.Errorf("Diff with no edits wrote %q, err %v", b.String(), err)
	}
}

func TestDiffNames(t *testing.T) {
	for in, want := range map[string]string{
		"docs/a.txt":   "docs/a.txt",
		"./docs/a.txt": "docs/a.txt",
		"/tmp/a.txt":   "tmp/a.txt",
	} {
		if o, n := DiffNames(in); o != "a/"+want || n != "b/"+want {
			t.Errorf("DiffNames(%q) = %q, %q; want a/%s, b/%s", in, o, n, want, want)
		}
	}
}

func TestJSONRecords(t *testing.T) {
	src := "first line\nthe infantry & bottom\n"
	e := edit(t, src, "infantry", "military", 0.9)
	e.Alternatives = []repair.Alternative{{Word: "troops", Confidence: 0.05}}
	edits := []repair.Edit{e, edit(t, src, "bottom", "base", 0.3)}
	var b bytes.Buffer
	j := NewJSON(&b)
	if err := j.Fixes("f.txt", []byte(src), edits); err != nil {
		t.Fatal(err)
	}
	j.Error("bad.txt", errString("permission denied"))
	j.Summary(Summary{Files: 1, Changed: 1, Fixes: 1, Suggestions: 1})

	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d records, want 4:\n%s", len(lines), b.String())
	}
	if strings.Contains(lines[1], `\u0026`) {
		t.Errorf("HTML escaping in %s", lines[1])
	}
	var fix FixRecord
	if err := json.Unmarshal([]byte(lines[0]), &fix); err != nil {
		t.Fatal(err)
	}
	want := FixRecord{Type: "fix", Path: "f.txt", Line: 2, Column: 5, Offset: 15, Length: 8,
		Original: "infantry", Replacement: "military", Confidence: 0.9, Source: "test", Applied: true,
		Alternatives: []Alternative{{Word: "troops", Confidence: 0.05}}}
	if fix.Line != want.Line || fix.Column != want.Column || fix.Offset != want.Offset || fix.Length != want.Length ||
		fix.Original != want.Original || fix.Replacement != want.Replacement || !fix.Applied || len(fix.Alternatives) != 1 {
		t.Errorf("fix record = %+v, want %+v", fix, want)
	}
	if src[fix.Offset:fix.Offset+fix.Length] != fix.Original {
		t.Errorf("offset/length do not point at the original")
	}
	for i, typ := range []string{"fix", "fix", "error", "summary"} {
		var rec map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &rec); err != nil || rec["type"] != typ {
			t.Errorf("record %d = %s, want type %q", i, lines[i], typ)
		}
	}
	if !strings.Contains(lines[1], `"applied":false`) || !strings.Contains(lines[1], `"alternatives":[]`) {
		t.Errorf("suggestion record: %s", lines[1])
	}
	if !strings.Contains(lines[3], `"suggestions":1`) {
		t.Errorf("summary record: %s", lines[3])
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestSummaryString(t *testing.T) {
	got := Summary{Files: 3, Changed: 1, Fixes: 2, Suggestions: 1, Skipped: 1}.String()
	want := "2 fixes in 1 file of 3 files, 1 suggestion below the threshold, 1 binary file skipped"
	if got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestProgressOnlyWritesItsWriter(t *testing.T) {
	var b bytes.Buffer
	p := NewProgress(&b, 3)
	for range 3 {
		p.Step()
	}
	if !strings.Contains(b.String(), "3/3") {
		t.Errorf("final state not drawn: %q", b.String())
	}
	p.Clear()
	if !strings.HasSuffix(b.String(), "\r") {
		t.Errorf("Clear does not return to the line start: %q", b.String())
	}
}
