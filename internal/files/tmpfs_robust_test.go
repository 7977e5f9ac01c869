//go:build linux

package files

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRealFullDisk fills a tiny tmpfs for real, where the system allows
// mounting one (root with CAP_SYS_ADMIN); elsewhere the injected failures of
// TestFullDiskKeepsOriginal stand in.
func TestRealFullDisk(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	path := filepath.Join(dir, "f.txt")
	orig := strings.Repeat("original ", 2000) // 18 KB
	if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Write([]byte(strings.Repeat("repaired ", 20000))) // 180 KB: no room
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("err = %v, want ENOSPC", err)
	}
	if got, _ := os.ReadFile(path); string(got) != orig {
		t.Error("the original was damaged")
	}
	assertNoTemp(t, dir, 1)
}
