package files

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// sniffLen is how much of a file IsBinary looks at: the 8 KB git and grep
// use for the same decision.
const sniffLen = 8 << 10

// IsBinary reports whether data looks like something other than text: a NUL
// byte or invalid UTF-8 in its first 8 KB. A multi-byte character cut by the
// 8 KB limit does not count as invalid.
func IsBinary(data []byte) bool {
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 {
			cut := len(data) > sniffLen && len(head) < utf8.UTFMax && !utf8.FullRune(head)
			return !cut
		}
		head = head[size:]
	}
	return false
}

// File is a file's content together with what is needed to write it back
// safely.
type File struct {
	Path string
	Data []byte
	info fs.FileInfo // of the file read, after following symbolic links
}

// Read reads the file at path.
func Read(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	data, err := readAll(f, info.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{Path: path, Data: data, info: info}, nil
}

func readAll(f *os.File, size int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, size+1))
	_, err := buf.ReadFrom(f)
	return buf.Bytes(), err
}

// ErrReadOnly reports a file whose permissions deny writing: it is not
// replaced, although the rename used to replace files could do it (and
// root can write anything), because the user marked it as not to be changed.
var ErrReadOnly = errors.New("read-only file; not rewritten")

func writable(path string, info fs.FileInfo) error {
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: %w", path, ErrReadOnly)
	}
	return nil
}

// ErrChanged reports that a file was modified by someone else between Read
// and Write; the write was abandoned and the file left as it was.
var ErrChanged = errors.New("file changed on disk since it was read; not rewritten")

// Write replaces the file's content by data. It writes a temporary file in the
// same directory (so the rename cannot cross file systems) with the original
// permissions, owner and group (as far as the user may set them), syncs it,
// checks that the original has not changed since Read (size, modification
// time, then content), and renames it over the original. A symbolic link is
// followed: its target is rewritten, the link kept. On any error the
// original is untouched and the temporary file removed. A file with other
// hard links, or in a directory where no temporary file can be created, is
// written in place instead (see inplace.go).
func (f *File) Write(data []byte) error {
	err := f.write(data)
	if err != nil && !errors.Is(err, ErrChanged) && !errors.Is(err, ErrReadOnly) {
		err = fmt.Errorf("writing %s: %w", f.Path, err)
	}
	return err
}

func (f *File) write(data []byte) (err error) {
	if err := writable(f.Path, f.info); err != nil {
		return err
	}
	target, err := filepath.EvalSymlinks(f.Path)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	if hardLinked(f.info) {
		if err := f.unchanged(target); err != nil {
			return err
		}
		return writeInPlace(target, bytes.NewReader(data), true)
	}
	tmp, err := createTemp(dir, base, f.info.Mode().Perm())
	if cannotCreate(err) {
		if err := f.unchanged(target); err != nil {
			return err
		}
		return writeInPlace(target, bytes.NewReader(data), false)
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	keepOwner(tmp.Name(), f.info)
	if err = f.unchanged(target); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// unchanged checks that target still holds what Read saw. Modification times
// can be too coarse to see a quick second write, so equal metadata is
// confirmed by comparing the content.
func (f *File) unchanged(target string) error {
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	if info.Size() != f.info.Size() || !info.ModTime().Equal(f.info.ModTime()) || !os.SameFile(info, f.info) {
		return fmt.Errorf("%s: %w", f.Path, ErrChanged)
	}
	now, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, f.Data) {
		return fmt.Errorf("%s: %w", f.Path, ErrChanged)
	}
	return nil
}

// syncDir makes the rename durable where the platform allows it; failure only
// weakens durability after a crash, so it is not reported.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
