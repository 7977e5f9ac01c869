//go:build !unix

package lm

import "time"

// trainCPUTime is unknown here; benchmarks then report wall time only.
func trainCPUTime() time.Duration { return 0 }
