package unspin_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/unspin/unspin"
	"github.com/unspin/unspin/internal/testdata"
)

func TestNewRejectsBadOptions(t *testing.T) {
	for name, opt := range map[string]unspin.Option{
		"min confidence":     unspin.WithMinConfidence(1.5),
		"candidates":         unspin.WithCandidates(0),
		"context":            unspin.WithContext(-1),
		"missing model":      unspin.WithModel(filepath.Join(t.TempDir(), "none.unlm")),
		"missing table":      unspin.WithTables(filepath.Join(t.TempDir(), "none.tsv")),
		"bad policy pair":    unspin.WithPolicy(unspin.Policy{Deny: []string{"a -> "}}),
		"missing dictionary": unspin.WithPolicyFiles("", "", filepath.Join(t.TempDir(), "none.txt")),
	} {
		if _, err := unspin.New(opt); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
}

func TestPolicyFiles(t *testing.T) {
	dir := t.TempDir()
	deny := filepath.Join(dir, "deny.txt")
	if err := os.WriteFile(deny, []byte("# always\nhuge -> large\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := unspin.New(unspin.WithPolicyFiles(filepath.Join(dir, "no-allow.txt"), deny))
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Repair("A huge dataset. Huge!")
	if err != nil {
		t.Fatal(err)
	}
	if res.Text != "A large dataset. Large!" || res.Fixes[0].Source != "denylist" {
		t.Errorf("got %q, fixes %+v", res.Text, res.Fixes)
	}
}

func TestFixesDescribeTheInput(t *testing.T) {
	r, err := unspin.New(unspin.WithMinConfidence(0.9))
	if err != nil {
		t.Fatal(err)
	}
	text := "\uFEFFColossal information and profound learning are changing the world."
	res, err := r.Repair(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fixes) == 0 {
		t.Fatal("no fixes")
	}
	rebuilt, last := "", 0
	for _, f := range res.Fixes {
		if text[f.Start:f.End] != f.Original {
			t.Errorf("fix %+v: input has %q there", f, text[f.Start:f.End])
		}
		if f.Applied != (f.Confidence >= 0.9) {
			t.Errorf("fix %+v: applied does not follow the minimum confidence", f)
		}
		rebuilt += text[last:f.Start]
		if f.Applied {
			rebuilt += f.Replacement
		} else {
			rebuilt += f.Original
		}
		last = f.End
	}
	if rebuilt += text[last:]; rebuilt != res.Text {
		t.Errorf("fixes make %q, Text is %q", rebuilt, res.Text)
	}
}

// A Repairer shared by goroutines repairs as it does alone.
func TestConcurrentUse(t *testing.T) {
	r, err := unspin.New()
	if err != nil {
		t.Fatal(err)
	}
	docs := testdata.Documents(t)[:40]
	want := make([]string, len(docs))
	for i, d := range docs {
		res, err := r.Repair(d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.Text
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range docs {
				i := (i + g*7) % len(docs)
				if res, err := r.Repair(docs[i]); err != nil || res.Text != want[i] {
					t.Errorf("document %d repaired differently in parallel (%v)", i, err)
				}
			}
		})
	}
	wg.Wait()
}

func TestRepairRecordBad(t *testing.T) {
	r, err := unspin.New()
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = r.RepairRecord([]byte(`{"id": 1, "body": "x"}`), unspin.RecordOptions{})
	if !errors.Is(err, unspin.ErrBadRecord) || !strings.Contains(err.Error(), `"text"`) {
		t.Errorf("error %v, want a bad record naming the field", err)
	}
	out, _, err := r.RepairRecord([]byte(`{"id": 1, "body": "Colossal information."}`), unspin.RecordOptions{Field: "body"})
	if want := `{"id": 1, "body": "Big data."}`; err != nil || string(out) != want {
		t.Errorf("got %s, %v; want %s", out, err, want)
	}
}

// A program outside the module builds against the package and repairs.
func TestImportFromAnotherModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program: slow")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/user\n\ngo 1.26\n\nrequire github.com/unspin/unspin v0.0.0\n\nreplace github.com/unspin/unspin => "+root+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", string(sum))
	write("main.go", `package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/unspin/unspin"
)

func main() {
	r, err := unspin.New(unspin.WithMinConfidence(0.6))
	if err != nil {
		log.Fatal(err)
	}
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Repair(string(in))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s|%d fixes\n", res.Text, res.Applied())
}
`)
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	build := exec.Command(gobin, "build", "-mod=mod", "-o", "user", ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := exec.Command(filepath.Join(dir, "user"))
	run.Stdin = strings.NewReader("Colossal information is here.")
	out, err := run.CombinedOutput()
	if want := "Big data is here.|2 fixes\n"; err != nil || string(out) != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// TestWithoutDecision: the trained decision is the default, and turning it
// off decides by the posterior alone, which restores less of the spun
// sample.
func TestWithoutDecision(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "seed-article.spun.txt"))
	if err != nil {
		t.Fatal(err)
	}
	applied := func(opts ...unspin.Option) int {
		r, err := unspin.New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Repair(string(src))
		if err != nil {
			t.Fatal(err)
		}
		return res.Applied()
	}
	def, decision, posterior := applied(), applied(unspin.WithDecision()), applied(unspin.WithoutDecision())
	if def != decision {
		t.Errorf("default applies %d fixes, WithDecision %d: the decision should be the default", def, decision)
	}
	if posterior >= decision {
		t.Errorf("WithoutDecision applies %d fixes, the decision %d: want fewer", posterior, decision)
	}
}
