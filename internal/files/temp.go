package files

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
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

// tempName is the name createTemp gives: os.CreateTemp puts digits for "*".
var tempName = regexp.MustCompile(`^\..+\.unspin-[0-9]+$`)

// IsTemp reports whether a file name is that of a replacement's temporary
// file, ".NAME.unspin-DIGITS", or of a backup (see IsBackup).
func IsTemp(name string) bool { return tempName.MatchString(name) || IsBackup(name) }

var backupName = regexp.MustCompile(`^\..+\` + backupPrefix + `[0-9]+$`)

// IsBackup reports whether a file name is that of the backup an in-place
// write keeps of the original, ".NAME.unspin-backup-DIGITS". One left
// behind means a run was killed while writing NAME in place: it is never
// removed by a later run, since it may hold the only whole copy.
func IsBackup(name string) bool { return backupName.MatchString(name) }

// tempsBeside tells fn of the temporary files of path's replacements.
func tempsBeside(path string, fn func(string)) {
	dir, base := filepath.Split(path)
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".unspin-*"))
	for _, m := range matches {
		if IsTemp(filepath.Base(m)) {
			fn(m)
		}
	}
}

var globSpecial = regexp.MustCompile(`[*?\[\\]`)

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string { return globSpecial.ReplaceAllString(s, `\$0`) }

// StaleAfter is how long a temporary file must have gone unmodified to be
// taken for the leftover of a killed run. A live run writes its temporary
// file as it repairs, window after window (a 200 MB file streams in under
// five minutes on one core), so a quarter of an hour without a write means
// no process is writing it. Ages are used rather than process ids because
// the directory may be shared by other machines or containers, where a
// process id means nothing, and ids are reused. If a stopped run is taken
// for dead anyway, nothing is lost: its rename fails and its original stays.
const StaleAfter = 15 * time.Minute

// RemoveStale removes the temporary file at path when it has gone unmodified
// for StaleAfter, and reports whether it did. Backups are never removed.
func RemoveStale(path string, now time.Time) (bool, error) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || IsBackup(fi.Name()) || now.Sub(fi.ModTime()) < StaleAfter {
		return false, err
	}
	return true, os.Remove(path)
}
