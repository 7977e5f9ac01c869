//go:build unix

package files

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writers are the two ways a file is rewritten: read whole, and streamed
// through a Replacement.
var writers = map[string]func(path, text string) error{
	"whole": func(path, text string) error {
		f, err := Read(path)
		if err != nil {
			return err
		}
		return f.Write([]byte(text))
	},
	"streamed": func(path, text string) error {
		src, err := Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		io.Copy(io.Discard, src)
		r, err := src.Replace()
		if err != nil {
			return err
		}
		io.WriteString(r, text)
		return r.Commit()
	},
}

func stat(t *testing.T, path string) *syscall.Stat_t {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t)
}

// TestWriteKeepsOwner: the rewritten file keeps its owner and group, as
// far as the user may give them (root: always).
func TestWriteKeepsOwner(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("giving a file to another owner needs root")
	}
	for name, write := range writers {
		_, path := setup(t)
		if err := os.Chown(path, 1234, 5678); err != nil {
			t.Fatal(err)
		}
		if err := write(path, "new\n"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if st := stat(t, path); st.Uid != 1234 || st.Gid != 5678 {
			t.Errorf("%s: owner %d:%d, want 1234:5678", name, st.Uid, st.Gid)
		}
	}
}

// TestWriteKeepsHardLinks: a file with another name is written through its
// inode, so both names see the new text, and no backup is left.
func TestWriteKeepsHardLinks(t *testing.T) {
	for name, write := range writers {
		dir, path := setup(t)
		other := filepath.Join(dir, "other-name.txt")
		if err := os.Link(path, other); err != nil {
			t.Skip(err)
		}
		before := stat(t, path).Ino
		if err := write(path, "new\n"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, _ := os.ReadFile(other); string(got) != "new\n" {
			t.Errorf("%s: the other link holds %q, want the new text", name, got)
		}
		if stat(t, path).Ino != before {
			t.Errorf("%s: the file has a new inode", name)
		}
		assertNoTemp(t, dir, 2)
	}
}

// TestWriteInReadOnlyDirectory: where no temporary file can be created
// (a read-only directory; as root, simulated) a writable file is written
// in place.
func TestWriteInReadOnlyDirectory(t *testing.T) {
	old := createTemp
	createTemp = func(dir, base string, perm fs.FileMode) (tempFile, error) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
	}
	t.Cleanup(func() { createTemp = old })
	for name, write := range writers {
		dir, path := setup(t)
		if err := write(path, "new\n"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, _ := os.ReadFile(path); string(got) != "new\n" {
			t.Errorf("%s: file holds %q", name, got)
		}
		assertNoTemp(t, dir, 1)
	}
}

// TestInPlaceFailureRestores: a write in place that fails part way puts
// the original back from the backup.
func TestInPlaceFailureRestores(t *testing.T) {
	_, path := setup(t)
	err := writeInPlace(path, io.MultiReader(strings.NewReader("half"), failing{}), true)
	if err == nil {
		t.Fatal("no error")
	}
	assertOriginal(t, filepath.Dir(path), path)
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, syscall.EIO }
