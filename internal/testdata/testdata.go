// Package testdata finds the large shared data (language model sources,
// thesaurus, corpora, the spun sample) that sits beside the repository as
// ../shared, or wherever UNSPIN_SHARED points. Tests that need it skip when it
// is absent, so `go test ./...` passes on a bare clone.
package testdata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedDir returns the shared directory, or "" if it cannot be found.
func SharedDir() string {
	if d := os.Getenv("UNSPIN_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/internal/testdata/testdata.go
	repo := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(repo), "shared")
	if _, err := os.Stat(filepath.Join(d, "data")); err != nil {
		return ""
	}
	return d
}

// RepoDir is the repository root.
func RepoDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(filepath.Dir(file)))
}

// Shared returns the path of rel inside the shared directory, skipping the
// test when it is not there.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	d := SharedDir()
	if d == "" {
		tb.Skip("shared data not found (set UNSPIN_SHARED or place it at ../shared); skipping")
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared file %s not found; skipping", rel)
	}
	return p
}
