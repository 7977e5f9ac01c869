package files

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIsBinary(t *testing.T) {
	long := strings.Repeat("a", sniffLen-1) + "é" // "é" cut by the sniff window
	for _, tc := range []struct {
		name string
		data string
		want bool
	}{
		{"empty", "", false},
		{"ascii", "the military base\n", false},
		{"utf8", "naïve café — “quoted”\r\n", false},
		{"nul", "text\x00more", true},
		{"latin1", "caf\xe9 au lait", true},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", true},
		{"cut rune at window", long + strings.Repeat("b", 10), false},
		{"nul after window", strings.Repeat("a", sniffLen) + "\x00", false},
		{"truncated rune at end of file", "abc\xe2\x82", true},
	} {
		if got := IsBinary([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: IsBinary = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWriteKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, 0o640) // whatever the umask
	f, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write([]byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "new\n" {
		t.Errorf("content = %q", got)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", fi.Mode().Perm())
	}
	assertNoTemp(t, dir, 1)
}

func TestWriteFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	link := filepath.Join(dir, "link.txt")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink("target.txt", link); err != nil {
		t.Skip("no symlinks:", err)
	}
	f, err := Read(link)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a regular file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target content = %q", got)
	}
}

func TestWriteDetectsConcurrentChange(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(p string)
	}{
		{"size", func(p string) { os.WriteFile(p, []byte("someone else wrote this\n"), 0o644) }},
		{"same size and mtime", func(p string) {
			fi, _ := os.Stat(p)
			os.WriteFile(p, []byte("OLD\n"), 0o644)
			os.Chtimes(p, fi.ModTime(), fi.ModTime())
		}},
		{"replaced", func(p string) {
			// Same content and time, but another file renamed over it
			// (an editor's save): its permissions may differ, so keep off.
			fi, _ := os.Stat(p)
			other := p + ".new"
			os.WriteFile(other, []byte("old\n"), 0o600)
			os.Chtimes(other, fi.ModTime(), fi.ModTime())
			os.Rename(other, p)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "f.txt")
			os.WriteFile(p, []byte("old\n"), 0o644)
			os.Chtimes(p, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
			f, err := Read(p)
			if err != nil {
				t.Fatal(err)
			}
			tc.change(p)
			before, _ := os.ReadFile(p)
			err = f.Write([]byte("new\n"))
			if !errors.Is(err, ErrChanged) {
				t.Fatalf("Write after a concurrent change: err = %v, want ErrChanged", err)
			}
			if after, _ := os.ReadFile(p); !bytes.Equal(after, before) {
				t.Errorf("file changed by a refused write: %q -> %q", before, after)
			}
			assertNoTemp(t, dir, 1)
		})
	}
}

func TestReadRejectsDirectory(t *testing.T) {
	if _, err := Read(t.TempDir()); err == nil {
		t.Error("Read(directory): no error")
	}
}

func assertNoTemp(t *testing.T, dir string, want int) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != want {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want %d file(s): a temporary file was left", names, want)
	}
}
