package files

import "runtime"

// Ordered runs work(i) for i in [0, n) on up to jobs goroutines and calls
// emit(i, result) for each i in increasing order, from the calling goroutine.
// It is gofmt's sequencer: output is what a sequential run would print, while
// at most about 2*jobs results wait in memory, so a huge tree does not pile
// up in the buffers. jobs < 1 means one per CPU.
func Ordered[R any](n, jobs int, work func(i int) R, emit func(i int, r R)) {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if jobs == 1 {
		for i := range n {
			emit(i, work(i))
		}
		return
	}
	// Each slot is a one-result channel, queued in input order; the
	// semaphore bounds the number of unemitted results.
	queue := make(chan chan R, jobs)
	sem := make(chan struct{}, 2*jobs)   // results not yet emitted
	running := make(chan struct{}, jobs) // results being computed
	go func() {
		defer close(queue)
		for i := range n {
			sem <- struct{}{}
			slot := make(chan R, 1)
			queue <- slot
			go func() {
				running <- struct{}{}
				r := work(i)
				<-running
				slot <- r
			}()
		}
	}()
	i := 0
	for slot := range queue {
		emit(i, <-slot)
		<-sem
		i++
	}
}
