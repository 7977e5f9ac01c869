package cli

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/unspin/unspin/internal/config"
	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/files"
	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/repair"
)

// setup is what repairs the files one configuration governs.
type setup struct {
	cfg *config.Config
	eff config.Effective
	pol *policy.Policy
	rep *repair.Repairer // nil when the test fake proposes the edits
}

// propose returns the edits for src, the policy applied. The policy takes
// part in every pass to the fixed point: a pass that made an edit the
// policy then refused would leave its neighbours decided in a context the
// output does not have, and a second run would change them.
func (st *setup) propose(src []byte) []repair.Edit {
	if testRepairFunc != nil {
		return repair.Settle(src, func(src []byte) []repair.Edit { return st.pol.Edits(src, testRepairFunc(src)) })
	}
	return st.rep.RepairWith(src, st.pol.Edits)
}

// resolver finds the configuration of each input and builds one setup per
// configuration file, shared by the files it governs. It is safe for the
// concurrent workers of fix.
type resolver struct {
	o    *repairOptions
	mu   sync.Mutex
	dirs map[string]*config.Config // directory -> nearest configuration
	sets map[string]*setup         // configuration file ("" for none) -> setup
}

func newResolver(o *repairOptions) *resolver {
	return &resolver{o: o, dirs: map[string]*config.Config{}, sets: map[string]*setup{}}
}

// forPath is the setup of the file at path; "" or standard input take the
// working directory's.
func (rs *resolver) forPath(path string) (*setup, error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	cfg, err := rs.configFor(path)
	if err != nil {
		return nil, err
	}
	if st, ok := rs.sets[cfg.Path]; ok {
		return st, nil
	}
	st, err := rs.newSetup(cfg)
	if err != nil {
		return nil, err
	}
	rs.sets[cfg.Path] = st
	return st, nil
}

func (rs *resolver) configFor(path string) (*config.Config, error) {
	if rs.o.configPath != "" {
		return rs.cached(rs.o.configPath, func() (*config.Config, error) { return config.Load(os.ReadFile, rs.o.configPath) })
	}
	dir := "."
	if path != "" && path != stdinName {
		dir = filepath.Dir(path)
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			dir = path
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return rs.cached(abs, func() (*config.Config, error) {
		c, err := config.Find(os.ReadFile, abs)
		if c == nil && err == nil {
			c = config.Default(mustAbs("."))
		}
		return c, err
	})
}

func (rs *resolver) cached(key string, load func() (*config.Config, error)) (*config.Config, error) {
	if c, ok := rs.dirs[key]; ok {
		return c, nil
	}
	c, err := load()
	if err != nil {
		return nil, err
	}
	rs.dirs[key] = c
	return c, nil
}

func mustAbs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func (rs *resolver) newSetup(cfg *config.Config) (*setup, error) {
	st := &setup{cfg: cfg, eff: rs.o.effective(cfg)}
	var err error
	if st.pol, err = loadPolicy(st.eff); err != nil {
		return nil, err
	}
	if testRepairFunc == nil {
		st.rep, err = rs.o.build(st.eff, st.pol)
	}
	return st, err
}

// excluded reports whether a file found by walking a directory matches its
// configuration's exclude globs. Files named on the command line are always
// taken, as .gitignore rules do not apply to them either.
func (rs *resolver) excluded(path string) bool {
	st, err := rs.forPath(path)
	if err != nil {
		return false
	}
	abs := mustAbs(path)
	return st.cfg.Excluded(abs) || isListOf(st.eff, abs)
}

// isListOf reports whether path is one of the configuration's own lists or
// dictionaries: data for unspin, not text to repair.
func isListOf(e config.Effective, path string) bool {
	for _, l := range append([]string{e.Allow, e.Deny}, e.Dictionaries...) {
		if mustAbs(l) == path {
			return true
		}
	}
	return false
}

// loadPolicy reads the lists a configuration names (engine.ReadPolicy).
func loadPolicy(e config.Effective) (*policy.Policy, error) {
	return engine.ReadPolicy(e.Allow, e.Deny, e.Dictionaries)
}

// excludeItems keeps the items not excluded by their configuration; the
// paths named in args stay whatever the globs say.
func excludeItems(rs *resolver, items []files.Item, args []string) []files.Item {
	named := map[string]bool{}
	for _, a := range args {
		named[a] = true
	}
	out := items[:0]
	for _, it := range items {
		if it.Err != nil || named[it.Path] || !rs.excluded(it.Path) {
			out = append(out, it)
		}
	}
	return out
}

// firstPath is the input whose configuration is checked before a run starts.
func firstPath(args []string) string {
	if len(args) == 0 || args[0] == "-" {
		return ""
	}
	return args[0]
}
