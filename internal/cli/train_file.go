package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/unspin/unspin/internal/lm"
)

// Output files of train. A model or ARPA file is written under a temporary
// name beside its final one and renamed into place only once complete, so a
// failed or interrupted run never leaves a truncated model where a good one
// was. A destination that is not a regular file (/dev/null, a named pipe)
// is written directly: renaming over it would replace the device or pipe
// with a file.

// trainFile is an output file being written.
type trainFile struct {
	f      *os.File
	final  string // "" for a scratch file, removed by abort
	direct bool   // f is the destination itself (not a regular file)
	mode   os.FileMode
	done   bool
}

// trainIsRegular reports whether path is a regular file or does not exist
// yet (symbolic links followed).
func trainIsRegular(path string) bool {
	fi, err := os.Stat(path)
	return err != nil || fi.Mode().IsRegular()
}

// trainCreate starts writing final.
func trainCreate(final string) (*trainFile, error) {
	if !trainIsRegular(final) {
		f, err := os.OpenFile(final, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		return &trainFile{f: f, final: final, direct: true}, nil
	}
	if resolved, err := filepath.EvalSymlinks(final); err == nil {
		final = resolved // replace the link's target, not the link
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(final); err == nil {
		mode = fi.Mode().Perm() // a replaced file keeps its permissions
	}
	f, err := os.CreateTemp(filepath.Dir(final), ".unspin-train-*")
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return &trainFile{f: f, final: final, mode: mode}, nil
}

// trainScratch starts a scratch file in dir, removed by abort.
func trainScratch(dir string) (*trainFile, error) {
	f, err := os.CreateTemp(dir, ".unspin-train-*.arpa")
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return &trainFile{f: f}, nil
}

func (t *trainFile) name() string {
	if t.final != "" {
		return t.final
	}
	return t.f.Name()
}

// commit closes the file and renames it into place.
func (t *trainFile) commit() error {
	if t.direct {
		t.done = true
		return t.f.Close()
	}
	if err := t.f.Chmod(t.mode); err != nil {
		return trainOutputError(t.final, err)
	}
	if err := t.f.Close(); err != nil {
		return trainOutputError(t.final, err)
	}
	if err := os.Rename(t.f.Name(), t.final); err != nil {
		return trainOutputError(t.final, err)
	}
	t.done = true
	return nil
}

// abort closes the file and removes it unless it was committed or is the
// destination itself.
func (t *trainFile) abort() {
	if t.done {
		return
	}
	t.f.Close()
	if !t.direct {
		os.Remove(t.f.Name())
	}
}

func trainWriteFile(path string, write func(io.Writer) error) error {
	_, err := trainWriteFileInfo(path, func(w io.Writer) (lm.Info, error) { return lm.Info{}, write(w) })
	return err
}

func trainWriteFileInfo(path string, write func(io.Writer) (lm.Info, error)) (lm.Info, error) {
	t, err := trainCreate(path)
	if err != nil {
		return lm.Info{}, err
	}
	defer t.abort()
	info, err := write(t.f)
	if err != nil {
		return lm.Info{}, trainOutputError(path, err)
	}
	return info, t.commit()
}

func trainOutputError(path string, err error) error {
	return fmt.Errorf("train: writing %s: %w", path, err)
}
