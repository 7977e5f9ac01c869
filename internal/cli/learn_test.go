package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// TestLearnCopies: three copies of one article are one article. Each copy
// used to count as a document of its own, so the article's noise met the
// two-document rule and taught "infantry -> the".
func TestLearnCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes the sample with the real model")
	}
	src, err := os.ReadFile(testdata.Shared(t, "samples/seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"learn", "-o", filepath.Join(dir, "t.tsv")}
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var out, errb strings.Builder
	if code := Run(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	table, err := os.ReadFile(filepath.Join(dir, "t.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	// One article alone teaches nothing (no pair shows in two documents),
	// so neither may its copies.
	for _, line := range strings.Split(string(table), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			t.Errorf("learned from copies: %s", line)
		}
	}
	if !strings.Contains(errb.String(), "2 of 3 documents") {
		t.Errorf("stderr does not report the dropped copies:\n%s", errb.String())
	}
}
