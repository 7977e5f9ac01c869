package tortured

import (
	"sync"

	"github.com/unspin/unspin/dictionaries"
)

// Default is the inferrer built from the shipped word swaps and terms,
// read once.
var Default = sync.OnceValues(func() (*Inferrer, error) {
	return ReadInferrer(dictionaries.TorturedSwaps, dictionaries.TermHashes)
})
