package config

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// files is a fake file system for Find and Load.
type files map[string]string

func (f files) read(path string) ([]byte, error) {
	s, ok := f[filepath.ToSlash(path)]
	if !ok {
		return nil, fmt.Errorf("open %s: %w", path, fs.ErrNotExist)
	}
	return []byte(s), nil
}

func TestParse(t *testing.T) {
	c, err := Parse("/p/.unspin.toml", []byte(`
min_confidence = 0.6
candidates = 12
model = "models/news.bin"
dictionaries = ["swaps.txt", "/abs/more.txt"]
deny = "lists/deny.txt"
exclude = ["*.min.md", "vendor"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if *c.MinConfidence != 0.6 || *c.Candidates != 12 {
		t.Errorf("numbers: %v %v", *c.MinConfidence, *c.Candidates)
	}
	want := []string{"/p/models/news.bin", "/p/swaps.txt", "/abs/more.txt", "/p/.unspin-allow.txt", "/p/lists/deny.txt"}
	got := []string{c.Model, c.Dictionaries[0], c.Dictionaries[1], c.Allow, c.Deny}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	for src, want := range map[string]string{
		"candidates = 3\nmin_confidense = 0.5\n":    `c.toml:2: unknown key "min_confidense"`,
		"model = \"m\"\n\n[lists]\nallow = \"a\"\n": `c.toml:3: unknown key "lists"`,
		"candidates = \n":                           "c.toml:1: ",
		"min_confidence = 1.5\n":                    "min_confidence = 1.5: want 0 to 1",
		"candidates = \"ten\"\n":                    "c.toml",
	} {
		_, err := Parse("c.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one containing %q", src, err, want)
		}
	}
}

func TestFindNearest(t *testing.T) {
	fsys := files{
		"/p/.unspin.toml":     "candidates = 5\n",
		"/p/sub/.unspin.toml": "candidates = 7\n",
	}
	for dir, want := range map[string]int{"/p/sub/deep": 7, "/p/sub": 7, "/p/other": 5} {
		c, err := Find(fsys.read, dir)
		if err != nil || c == nil || *c.Candidates != want {
			t.Errorf("Find(%s) = %+v, %v; want candidates %d", dir, c, err, want)
		}
	}
	if c, err := Find(fsys.read, "/q"); c != nil || err != nil {
		t.Errorf("Find(/q) = %v, %v; want none", c, err)
	}
}

func TestExcluded(t *testing.T) {
	c := &Config{Dir: "/p", Exclude: []string{"*.min.md", "vendor", "drafts/*.txt"}}
	for path, want := range map[string]bool{
		"/p/a.min.md":         true,
		"/p/x/b.min.md":       true,
		"/p/vendor/x/y.txt":   true,
		"/p/drafts/d.txt":     true,
		"/p/x/drafts/d.txt":   false,
		"/p/drafts/sub/d.txt": false, // "*" does not cross "/"
		"/p/readme.md":        false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestDumpParsesBack(t *testing.T) {
	var b bytes.Buffer
	e := Effective{MinConfidence: 0.7, Candidates: 30, Allow: "/p/a.txt", Deny: "/p/d.txt", Exclude: []string{"*.md"}}
	if err := e.Dump(&b, "/p/.unspin.toml"); err != nil {
		t.Fatal(err)
	}
	c, err := Parse("/p/.unspin.toml", b.Bytes())
	if err != nil {
		t.Fatalf("dump does not parse back: %v\n%s", err, b.String())
	}
	if *c.MinConfidence != 0.7 || *c.Candidates != 30 || c.Allow != "/p/a.txt" || c.Exclude[0] != "*.md" {
		t.Errorf("round trip: %+v\n%s", c, b.String())
	}
}
