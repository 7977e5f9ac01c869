package engine

import (
	"errors"
	"io/fs"
	"os"

	"github.com/unspin/unspin/internal/learn"
	"github.com/unspin/unspin/internal/policy"
)

// ReadPolicy reads the lists a configuration names. A missing allow or deny
// list is an empty one (review creates them); a missing dictionary is an
// error, since it was asked for. "" names no list.
func ReadPolicy(allow, deny string, dictionaries []string) (*policy.Policy, error) {
	p := &policy.Policy{Extra: policy.NewList()}
	var err error
	if p.Allow, err = readList(allow, true); err != nil {
		return nil, err
	}
	if p.Deny, err = readList(deny, true); err != nil {
		return nil, err
	}
	for _, d := range dictionaries {
		l, err := readList(d, false)
		if err != nil {
			return nil, err
		}
		p.Extra.Merge(l)
	}
	return p, nil
}

func readList(path string, optional bool) (*policy.List, error) {
	if path == "" && optional {
		return policy.NewList(), nil
	}
	f, err := os.Open(path)
	if optional && errors.Is(err, fs.ErrNotExist) {
		return policy.NewList(), nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return policy.ParseList(path, f)
}

// ReadTables merges the learned tables in the files at paths, in order: a
// later file's pair wins. A malformed table is an error naming the file and
// line.
func ReadTables(paths []string) (*learn.Table, error) {
	all := learn.NewTable(nil)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		t, err := learn.Read(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		all.Merge(t)
	}
	return all, nil
}
