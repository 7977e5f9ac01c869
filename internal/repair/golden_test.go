package repair_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/repair"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden repairs realistic spun prose the way gofmt tests its printer:
// each testdata/golden/*.input is repaired and compared with its .golden
// file, and repairing the golden output again must change nothing.
func TestGolden(t *testing.T) {
	r := newDefault(t)
	inputs, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.input"))
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := repair.Apply(src, r.Repair(src))
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("repair of %s differs from %s:\n got: %q\nwant: %q", in, golden, got, want)
			}
			if bytes.Equal(got, src) {
				t.Errorf("repair of %s changed nothing", in)
			}
			if again := repair.Apply(got, r.Repair(got)); !bytes.Equal(again, got) {
				t.Errorf("repairing the golden output again changed it:\n%q\n%q", got, again)
			}
		})
	}
}

// TestCleanProseUnchanged is the false-positive suite: clean human prose
// must come out byte for byte as it went in. Grow it with every false
// positive found.
func TestCleanProseUnchanged(t *testing.T) {
	r := newDefault(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "clean", "*"))
	if len(files) == 0 {
		t.Fatal("no clean prose")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Repair(src) {
			if e.Applied {
				t.Errorf("%s: changed %q to %q at byte %d (confidence %.2f, %s)", f, e.From, e.To, e.Start, e.Confidence, e.Source)
			}
		}
	}
}
