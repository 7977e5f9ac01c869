package files

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Source is a regular file opened to be streamed rather than read whole:
// what is read through it is hashed, so that a Replacement can check, before
// it renames, that the file still holds exactly what was read.
type Source struct {
	Path string
	f    *os.File
	info fs.FileInfo // of the file opened, after following symbolic links
	h    hash.Hash
	n    int64 // bytes read so far
	eof  bool
}

// Open opens the regular file at path for streaming.
func Open(path string) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	return &Source{Path: path, f: f, info: info, h: sha256.New()}, nil
}

// Size is the file's size when it was opened.
func (s *Source) Size() int64 { return s.info.Size() }

func (s *Source) Read(p []byte) (int, error) {
	n, err := s.f.Read(p)
	s.h.Write(p[:n])
	s.n += int64(n)
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		err = fmt.Errorf("%s: %w", s.Path, err)
	}
	return n, err
}

// Close closes the file.
func (s *Source) Close() error { return s.f.Close() }

// Replacement is the temporary file that will take a Source's place: the
// repaired text is written to it as it is produced, and Commit renames it
// over the original only once it is complete, synced, and the original is
// known not to have changed. Until then the original is untouched, and a
// killed process leaves at most a hidden temporary file beside it.
type Replacement struct {
	src    *Source
	tmp    tempFile
	target string // the file renamed over: the source, symbolic links followed
	err    error  // first write error; Commit then fails
	done   bool
	// inPlace writes the text through the target's inode at Commit rather
	// than renaming (see inplace.go): tmp is then in memory when no file
	// could be created, or a file copied from.
	inPlace bool
}

// Writable returns ErrReadOnly, naming the file, when its permissions deny
// writing; Replace would refuse it.
func (s *Source) Writable() error { return writable(s.Path, s.info) }

// Replace creates the temporary file for s in the directory of the file it
// replaces, with the same permissions.
func (s *Source) Replace() (*Replacement, error) {
	if err := writable(s.Path, s.info); err != nil {
		return nil, err
	}
	target, err := filepath.EvalSymlinks(s.Path)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", s.Path, err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, base, s.info.Mode().Perm())
	inPlace := hardLinked(s.info)
	if cannotCreate(err) {
		// Kept in memory and written in place: the one case where a
		// streamed file is held whole.
		tmp, err, inPlace = &memTemp{}, nil, true
	}
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", s.Path, err)
	}
	return &Replacement{src: s, tmp: tmp, target: target, inPlace: inPlace}, nil
}

// Write writes to the temporary file. After an error every later Write fails
// too and Commit reports the first error.
func (r *Replacement) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.tmp.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		r.err = fmt.Errorf("writing %s: %w", r.src.Path, err)
	}
	return n, r.err
}

// Commit makes the temporary file the file: it needs the source read to its
// end, syncs and closes the temporary file, checks the original has not
// changed since it was opened (metadata, then a second hash of its content),
// and renames. On any error the original is left as it was and the temporary
// file removed.
func (r *Replacement) Commit() (err error) {
	if r.done {
		return errors.New("replacement already committed or aborted")
	}
	defer func() {
		if err != nil {
			r.Abort()
		}
	}()
	wrap := func(err error) error { return fmt.Errorf("writing %s: %w", r.src.Path, err) }
	switch {
	case r.err != nil:
		return r.err
	case !r.src.eof:
		return wrap(errors.New("source not read to its end"))
	}
	if err := r.tmp.Sync(); err != nil {
		return wrap(err)
	}
	if err := r.tmp.Close(); err != nil {
		return wrap(err)
	}
	if err := r.src.unchanged(r.target); err != nil {
		return err
	}
	if r.inPlace {
		return r.commitInPlace()
	}
	keepOwner(r.tmp.Name(), r.src.info)
	if err := os.Rename(r.tmp.Name(), r.target); err != nil {
		return wrap(err)
	}
	r.done = true
	syncDir(filepath.Dir(r.target))
	return nil
}

// commitInPlace writes the text through the target's own inode: from
// memory when no temporary file could be created (no backup is possible
// there), else from the temporary file, with a backup of the original.
func (r *Replacement) commitInPlace() error {
	var text io.Reader
	m, inMemory := r.tmp.(*memTemp)
	if inMemory {
		text = &m.Buffer
	} else {
		f, err := os.Open(r.tmp.Name())
		if err != nil {
			return fmt.Errorf("writing %s: %w", r.src.Path, err)
		}
		defer f.Close()
		text = f
	}
	if err := writeInPlace(r.target, text, !inMemory); err != nil {
		return fmt.Errorf("writing %s: %w", r.src.Path, err)
	}
	r.Abort() // removes the temporary file
	return nil
}

// Abort removes the temporary file; the original is untouched. It does
// nothing after Commit or a previous Abort.
func (r *Replacement) Abort() {
	if r.done {
		return
	}
	r.done = true
	r.tmp.Close()
	if r.tmp.Name() != "" {
		os.Remove(r.tmp.Name())
	}
}

// unchanged checks that target still holds what was read through s.
func (s *Source) unchanged(target string) error {
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("writing %s: %w", s.Path, err)
	}
	if info.Size() != s.n || info.Size() != s.info.Size() || !info.ModTime().Equal(s.info.ModTime()) || !os.SameFile(info, s.info) {
		return fmt.Errorf("%s: %w", s.Path, ErrChanged)
	}
	f, err := os.Open(target)
	if err != nil {
		return fmt.Errorf("writing %s: %w", s.Path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("writing %s: %w", s.Path, err)
	}
	if !bytes.Equal(h.Sum(nil), s.h.Sum(nil)) {
		return fmt.Errorf("%s: %w", s.Path, ErrChanged)
	}
	return nil
}
