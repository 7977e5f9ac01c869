package files

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"
)

func utf16le(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func TestSniff(t *testing.T) {
	be := func(s string) string {
		le := []byte(utf16le(s))
		for i := 0; i+1 < len(le); i += 2 {
			le[i], le[i+1] = le[i+1], le[i]
		}
		return string(le)
	}
	for _, tc := range []struct {
		name, data string
		complete   bool
		want       string
	}{
		{"empty", "", true, ""},
		{"whitespace", " \t\r\n\n", true, ""},
		{"utf8 bom", "\xef\xbb\xbfThe text", true, ""},
		{"other language", "Ce n'est pas grave. 日本語のテキスト。", true, ""},
		{"utf16le bom", "\xff\xfe" + utf16le("The text"), true, ""},
		{"utf16be bom", "\xfe\xff" + be("The text"), true, ""},
		{"utf16le no bom", utf16le("The military base was here."), true, ""},
		{"utf16be no bom", be("The military base was here."), true, ""},
		{"utf32le bom", "\xff\xfe\x00\x00T\x00\x00\x00", true, UTF32},
		{"nul", "text\x00more", true, Binary},
		{"latin-1", "caf\xe9", true, ""},
		{"control characters", "caf\xe9\x01\x02", true, Binary},
		{"cut at end of head", "abc\xe2\x82", false, ""},
		{"cut at end of file", "abc\xe2\x82", true, ""},
	} {
		if got := Sniff([]byte(tc.data), tc.complete); got != tc.want {
			t.Errorf("%s: Sniff = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// failingTemp is a temporary file on a device that fails: writes stop after
// room bytes with ENOSPC, or Sync fails.
type failingTemp struct {
	tempFile
	room     int
	syncFail bool
}

func (f *failingTemp) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.tempFile.Write(p[:f.room])
		f.room = 0
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.room -= len(p)
	return f.tempFile.Write(p)
}

func (f *failingTemp) Sync() error {
	if f.syncFail {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: syscall.EIO}
	}
	return f.tempFile.Sync()
}

// withFailingDisk makes every temporary file fail as given, for one test.
func withFailingDisk(t *testing.T, room int, syncFail bool) {
	old := createTemp
	createTemp = func(dir, base string, perm fs.FileMode) (tempFile, error) {
		f, err := old(dir, base, perm)
		if err != nil {
			return nil, err
		}
		return &failingTemp{tempFile: f, room: room, syncFail: syncFail}, nil
	}
	t.Cleanup(func() { createTemp = old })
}

const original = "the original text, which must survive\n"

func setup(t *testing.T) (dir, path string) {
	dir = t.TempDir()
	path = filepath.Join(dir, "f.txt")
	if err := os.WriteFile(path, []byte(original), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func assertOriginal(t *testing.T, dir, path string) {
	t.Helper()
	if got, _ := os.ReadFile(path); string(got) != original {
		t.Errorf("file = %q, want the original", got)
	}
	assertNoTemp(t, dir, 1)
}

// TestFullDiskKeepsOriginal: a write that runs out of space, or a sync that
// fails, leaves the original and no temporary file, for both the whole-file
// and the streamed write.
func TestFullDiskKeepsOriginal(t *testing.T) {
	for _, tc := range []struct {
		name     string
		room     int
		syncFail bool
		want     error
	}{
		{"disk full at once", 0, false, syscall.ENOSPC},
		{"disk full midway", 10, false, syscall.ENOSPC},
		{"sync fails", 1 << 20, true, syscall.EIO},
	} {
		t.Run(tc.name+"/File.Write", func(t *testing.T) {
			dir, path := setup(t)
			f, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			withFailingDisk(t, tc.room, tc.syncFail)
			err = f.Write([]byte(strings.Repeat("new text ", 100)))
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v, want %v naming the file", err, tc.want)
			}
			assertOriginal(t, dir, path)
		})
		t.Run(tc.name+"/Replacement", func(t *testing.T) {
			dir, path := setup(t)
			src, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			withFailingDisk(t, tc.room, tc.syncFail)
			rep, err := src.Replace()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, src)
			rep.Write([]byte(strings.Repeat("new text ", 100)))
			err = rep.Commit()
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v, want %v naming the file", err, tc.want)
			}
			assertOriginal(t, dir, path)
		})
	}
}

func TestReplacementCommits(t *testing.T) {
	dir, path := setup(t)
	src, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	rep, err := src.Replace()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(src)
	rep.Write([]byte(strings.ToUpper(string(data))))
	if err := rep.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != strings.ToUpper(original) {
		t.Errorf("file = %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", fi.Mode().Perm())
	}
	assertNoTemp(t, dir, 1)
}

// TestReplacementRefuses: a source not read to its end, or changed on disk
// meanwhile (same size, so only the content hash tells), is not replaced.
func TestReplacementRefuses(t *testing.T) {
	t.Run("not read to the end", func(t *testing.T) {
		dir, path := setup(t)
		src, _ := Open(path)
		defer src.Close()
		rep, _ := src.Replace()
		src.Read(make([]byte, 5))
		rep.Write([]byte("short"))
		if err := rep.Commit(); err == nil {
			t.Error("committed a replacement of a partly read file")
		}
		assertOriginal(t, dir, path)
	})
	t.Run("changed meanwhile", func(t *testing.T) {
		dir, path := setup(t)
		src, _ := Open(path)
		defer src.Close()
		rep, _ := src.Replace()
		io.Copy(io.Discard, src)
		theirs := strings.ToUpper(original) // same size
		fi, _ := os.Stat(path)
		os.WriteFile(path, []byte(theirs), 0o600)
		os.Chtimes(path, fi.ModTime(), fi.ModTime()) // same modification time
		rep.Write([]byte("mine"))
		if err := rep.Commit(); !errors.Is(err, ErrChanged) {
			t.Errorf("err = %v, want ErrChanged", err)
		}
		if got, _ := os.ReadFile(path); string(got) != theirs {
			t.Errorf("file = %q, want the other writer's", got)
		}
		assertNoTemp(t, dir, 1)
	})
	t.Run("aborted", func(t *testing.T) {
		dir, path := setup(t)
		src, _ := Open(path)
		defer src.Close()
		rep, _ := src.Replace()
		rep.Write([]byte("partial"))
		rep.Abort()
		assertOriginal(t, dir, path)
	})
}

func TestOpenRefusesNonRegular(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("err = %v", err)
	}
}

// TestSymlinksFollowedOnlyWhenAsked: a walk skips a link to a file outside
// the tree, and takes it with FollowSymlinks; a link to a directory is never
// descended.
func TestSymlinksFollowedOnlyWhenAsked(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "o.txt"), []byte("x"), 0o644)
	tree := t.TempDir()
	os.WriteFile(filepath.Join(tree, "in.txt"), []byte("x"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "o.txt"), filepath.Join(tree, "file-link.txt")); err != nil {
		t.Skip(err)
	}
	os.Symlink(outside, filepath.Join(tree, "dir-link"))
	os.Symlink(tree, filepath.Join(tree, "loop"))
	paths := func(items []Item) string {
		var ps []string
		for _, it := range items {
			ps = append(ps, filepath.Base(it.Path))
		}
		return strings.Join(ps, " ")
	}
	if got := paths(Collect([]string{tree})); got != "in.txt" {
		t.Errorf("default walk: %s, want in.txt only", got)
	}
	if got := paths(CollectWith([]string{tree}, WalkOptions{FollowSymlinks: true})); got != "file-link.txt in.txt" {
		t.Errorf("following links: %s, want file-link.txt in.txt", got)
	}
}

// TestReadOnlyNotRewritten: a file without write permission is left alone
// by both write paths, even for root, for whom the rename would work.
func TestReadOnlyNotRewritten(t *testing.T) {
	dir, path := setup(t)
	os.Chmod(path, 0o444)
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write([]byte("new")); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("File.Write: err = %v, want ErrReadOnly naming the file", err)
	}
	src, _ := Open(path)
	defer src.Close()
	if _, err := src.Replace(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Replace: err = %v, want ErrReadOnly", err)
	}
	assertOriginal(t, dir, path)
}
