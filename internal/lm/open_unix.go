//go:build unix

package lm

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// Open memory-maps a model file and checks it whole, checksum included.
// Errors name the file. Close unmaps it.
func Open(path string) (*Binary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size < headerLen || size != int64(int(size)) {
		return nil, fmt.Errorf("%s: %w: %d bytes is shorter than the %d-byte header", path, ErrFormat, size, headerLen)
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("%s: mmap: %w", path, err)
	}
	m, err := loadVerified(data)
	if err != nil {
		unix.Munmap(data)
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m.closeFn = func() error { return unix.Munmap(data) }
	return m, nil
}
