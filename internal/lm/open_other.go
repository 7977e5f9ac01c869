//go:build !unix

package lm

import (
	"fmt"
	"os"
)

// Open reads a model file and checks it whole, checksum included. Errors
// name the file. (Where memory maps are not available it reads the file.)
func Open(path string) (*Binary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := loadVerified(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
