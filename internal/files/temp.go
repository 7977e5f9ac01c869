package files

import (
	"io"
	"io/fs"
	"os"
)

// tempFile is the part of *os.File a replacement is written through. It is
// an interface so that tests can make writes, syncs or closes fail the way a
// full disk or a failing device does (tests run as root, where permission
// tricks do not stop a write).
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// createTemp creates the hidden temporary file that will replace base in
// dir, with the permissions of the original. Hidden, so that a walk never
// takes a temporary file left by a killed run for a file to repair.
var createTemp = func(dir, base string, perm fs.FileMode) (tempFile, error) {
	f, err := os.CreateTemp(dir, "."+base+".unspin-*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}
