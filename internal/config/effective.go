package config

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// Excluded reports whether the file at path (absolute, as Dir should be)
// matches one of the exclude globs. A glob without "/" matches a file or
// directory name at any depth (exclude = ["*.min.md", "vendor"]); one with
// "/" matches the path relative to the configuration's directory from its
// start ("drafts/*.txt").
func (c *Config) Excluded(path string) bool {
	rel, err := filepath.Rel(c.Dir, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = path
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	for _, g := range c.Exclude {
		g = strings.TrimSuffix(filepath.ToSlash(g), "/")
		if strings.Contains(g, "/") {
			for i := range parts {
				if ok, _ := filepath.Match(g, strings.Join(parts[:i+1], "/")); ok {
					return true
				}
			}
			continue
		}
		for _, p := range parts {
			if ok, _ := filepath.Match(g, p); ok {
				return true
			}
		}
	}
	return false
}

// Effective is the configuration in force once defaults and flags are
// applied: what "unspin config --dump" prints, in the file's own format.
type Effective struct {
	MinConfidence float64  `toml:"min_confidence"`
	Model         string   `toml:"model"`
	Candidates    int      `toml:"candidates"`
	Decision      bool     `toml:"decision"`
	Dictionaries  []string `toml:"dictionaries"`
	Allow         string   `toml:"allow"`
	Deny          string   `toml:"deny"`
	Exclude       []string `toml:"exclude"`
}

// Dump writes e as TOML, after a comment naming where it came from, so that
// the output can be saved as a .unspin.toml.
func (e Effective) Dump(w io.Writer, from string) error {
	if from == "" {
		from = "no " + FileName + " found: defaults"
	}
	if _, err := fmt.Fprintf(w, "# effective configuration (%s)\n", from); err != nil {
		return err
	}
	if e.Model == "" {
		fmt.Fprintln(w, `# model = "" is the built-in model`)
	}
	if e.Dictionaries == nil {
		e.Dictionaries = []string{}
	}
	if e.Exclude == nil {
		e.Exclude = []string{}
	}
	return toml.NewEncoder(w).Encode(e)
}
