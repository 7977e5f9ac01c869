//go:build !unix

package lexicon

import "time"

// cpuTime is unavailable here; the cpu-ns/word metric reads 0.
func cpuTime() time.Duration { return 0 }
