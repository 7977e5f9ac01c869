package cli

import (
	"sync"

	"github.com/spf13/pflag"

	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/learn"
)

// learnedTables are the --table files of a repairing command, read once
// however many repairers the configurations ask for.
type learnedTables struct {
	paths []string
	once  sync.Once
	table *learn.Table
	err   error
}

func (t *learnedTables) addFlag(fs *pflag.FlagSet) {
	fs.StringArrayVar(&t.paths, "table", nil, "learned table (unspin learn) to use over the lexicon; repeatable")
}

// load reads the tables, merged, or returns nil when there are none. A
// malformed table is an error naming the file and line.
func (t *learnedTables) load() (*learn.Table, error) {
	if len(t.paths) == 0 {
		return nil, nil
	}
	t.once.Do(func() { t.table, t.err = engine.ReadTables(t.paths) })
	return t.table, t.err
}
