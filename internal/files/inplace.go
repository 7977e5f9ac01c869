package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Most files are replaced through a temporary file and a rename, so that a
// killed run leaves every file whole. Two cases are written in place instead,
// through the file's own inode, as gofmt -w always does:
//
//   - a file with more than one hard link, which a rename would split in
//     two: the other names would keep the old text. A backup of the
//     original is written beside it first (hidden, .NAME.unspin-backup-N),
//     removed once the write is synced, so that a run killed meanwhile
//     leaves the original's text on disk, and later runs report it;
//   - a file in a directory where no temporary file can be created (a
//     read-only directory holding a writable file), where nothing but the
//     file can be written: a run killed during the write can leave it
//     half written. This is the one exception to "always whole".

// hardLinked reports whether the file has other names a rename would
// leave behind.
func hardLinked(info fs.FileInfo) bool { return links(info) > 1 }

// cannotCreate reports whether err, from creating the temporary file, is
// one a write in place avoids: the directory denies it, not the disk.
func cannotCreate(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// backupPrefix names backups: ".NAME" + backupPrefix + digits.
const backupPrefix = ".unspin-backup-"

// writeInPlace overwrites target with data through its own inode. With
// backup, a synced copy of the original is kept beside it until the new
// text is synced, and put back if the write fails.
func writeInPlace(target string, data io.Reader, backup bool) error {
	var bak string
	if backup {
		var err error
		if bak, err = backupCopy(target); err != nil {
			return err
		}
	}
	err := overwrite(target, data)
	switch {
	case err == nil && bak != "":
		os.Remove(bak)
	case err != nil && bak != "":
		if rerr := restore(target, bak); rerr != nil {
			return fmt.Errorf("%w; restoring the original also failed (%v): it is in %s", err, rerr, bak)
		}
		os.Remove(bak)
	}
	return err
}

// overwrite writes data over target from its start and cuts it to length.
func overwrite(target string, data io.Reader) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, data)
	if err == nil {
		err = f.Truncate(n)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func restore(target, bak string) error {
	b, err := os.Open(bak)
	if err != nil {
		return err
	}
	defer b.Close()
	return overwrite(target, b)
}

// backupCopy copies target to a new hidden file beside it and syncs it.
func backupCopy(target string) (string, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	src, err := os.Open(target)
	if err != nil {
		return "", err
	}
	defer src.Close()
	bak, err := os.CreateTemp(dir, "."+base+backupPrefix+"*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(bak, src)
	if err == nil {
		err = bak.Sync()
	}
	if cerr := bak.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(bak.Name())
		return "", err
	}
	return bak.Name(), nil
}

// memTemp stands in for a temporary file where none can be created: the
// repaired text is kept in memory and written in place at Commit.
type memTemp struct{ bytes.Buffer }

func (*memTemp) Sync() error  { return nil }
func (*memTemp) Close() error { return nil }
func (*memTemp) Name() string { return "" }
