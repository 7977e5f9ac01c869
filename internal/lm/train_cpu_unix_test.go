//go:build unix

package lm

import (
	"syscall"
	"time"
)

// trainCPUTime is the CPU time the process has used, user and system, on all
// its threads (GC workers included): a measure of work that, unlike wall
// time, does not grow when other processes share the cores.
func trainCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
