// Package config reads .unspin.toml: the settings a project keeps beside its
// texts so that every run, and every editor, repairs them the same way.
//
// The nearest .unspin.toml above a file applies to it, whole: files are not
// merged across directories, so what applies can be read in one place (and
// shown by "unspin config --dump"). Relative paths in a file are relative to
// its directory. Flags on the command line override it.
//
// The package does no I/O of its own: callers pass the function that reads a
// file, so tests use maps and the engine stays free of os.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileName is the name looked for upward from each file's directory.
const FileName = ".unspin.toml"

// Default names of the allow and deny lists, next to the configuration file,
// or in the working directory when there is none.
const (
	DefaultAllow = ".unspin-allow.txt"
	DefaultDeny  = ".unspin-deny.txt"
)

// Config is one configuration file's content. Pointers are nil for a key
// the file does not set, so that the defaults stay the repairer's own.
type Config struct {
	MinConfidence *float64 `toml:"min_confidence"`
	Model         string   `toml:"model"`        // language model file; "" is the built-in one
	Candidates    *int     `toml:"candidates"`   // K, candidate originals per word
	Decision      *bool    `toml:"decision"`     // the trained decision; false: the posterior alone
	Dictionaries  []string `toml:"dictionaries"` // extra "spun -> original" tables
	Allow         string   `toml:"allow"`        // allowlist file
	Deny          string   `toml:"deny"`         // denylist file
	Exclude       []string `toml:"exclude"`      // globs of files not to repair

	// Path is the file it was read from, "" for none; Dir is the directory
	// its relative paths are relative to.
	Path string `toml:"-"`
	Dir  string `toml:"-"`
}

// ReadFile reads a file; it returns an error wrapping fs.ErrNotExist for a
// missing one. os.ReadFile fits.
type ReadFile func(path string) ([]byte, error)

// Parse reads a configuration file's content. path names the file in errors
// and anchors its relative paths. An unknown key is an error naming the file
// and line: a misspelt key silently ignored is a setting that does not work.
func Parse(path string, data []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fmt.Errorf("%s:%d: unknown key %q", path, keyLine(data, un[0]), un[0].String())
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Path, c.Dir = path, filepath.Dir(path)
	c.resolve()
	return &c, nil
}

func (c *Config) check() error {
	if m := c.MinConfidence; m != nil && (*m < 0 || *m > 1) {
		return fmt.Errorf("min_confidence = %v: want 0 to 1", *m)
	}
	if k := c.Candidates; k != nil && *k < 1 {
		return fmt.Errorf("candidates = %d: want at least 1", *k)
	}
	for _, g := range c.Exclude {
		if _, err := filepath.Match(g, ""); err != nil {
			return fmt.Errorf("exclude %q: %w", g, err)
		}
	}
	return nil
}

// resolve makes the file paths absolute (or relative to the working
// directory, as Dir is), and fills in the default list names.
func (c *Config) resolve() {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(c.Dir, p)
	}
	c.Model = abs(c.Model)
	for i, d := range c.Dictionaries {
		c.Dictionaries[i] = abs(d)
	}
	if c.Allow == "" {
		c.Allow = DefaultAllow
	}
	if c.Deny == "" {
		c.Deny = DefaultDeny
	}
	c.Allow, c.Deny = abs(c.Allow), abs(c.Deny)
}

// Default is the configuration of a directory with no file above it: lists
// in dir (the working directory), everything else built in.
func Default(dir string) *Config {
	c := &Config{Dir: dir}
	c.resolve()
	return c
}

// Load reads the configuration file at path.
func Load(read ReadFile, path string) (*Config, error) {
	data, err := read(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Find returns the nearest configuration at or above dir, or nil when there
// is none. dir should be absolute, so that the search reaches the root.
func Find(read ReadFile, dir string) (*Config, error) {
	for {
		p := filepath.Join(dir, FileName)
		data, err := read(p)
		switch {
		case err == nil:
			return Parse(p, data)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

// keyLine finds the line of a key in the file, for errors: the line of the
// key's last part after its table's header. toml's metadata keeps positions
// only for its own errors.
func keyLine(data []byte, key toml.Key) int {
	table := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	cur := ""
	for n, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if strings.HasPrefix(l, "[") {
			cur = strings.Trim(l, "[] ")
			if cur == strings.Join(key, ".") {
				return n + 1
			}
			continue
		}
		name, _, ok := strings.Cut(l, "=")
		if ok && cur == table && strings.Trim(strings.TrimSpace(name), `"'`) == last {
			return n + 1
		}
	}
	return 1
}
