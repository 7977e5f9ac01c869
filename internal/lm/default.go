package lm

import (
	"fmt"
	"sync"

	"github.com/unspin/unspin/models"
)

var defaultModel = sync.OnceValues(func() (*Binary, error) {
	m, err := Load(models.Default())
	if err != nil {
		return nil, fmt.Errorf("built-in model: %w", err)
	}
	return m, nil
})

// Default is the model built into the program, loaded on first use. It skips
// the checksum pass to start fast; a test verifies the embedded file.
func Default() (*Binary, error) { return defaultModel() }
