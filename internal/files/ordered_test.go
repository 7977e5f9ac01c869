package files

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestOrderedKeepsInputOrder(t *testing.T) {
	for _, jobs := range []int{1, 3, 8} {
		const n = 50
		var running, peak atomic.Int32
		var got []int
		Ordered(n, jobs, func(i int) int {
			if r := running.Add(1); r > peak.Load() {
				peak.Store(r)
			}
			// Later items finish first, so a naive collector would reorder.
			time.Sleep(time.Duration((n-i)%7) * 100 * time.Microsecond)
			running.Add(-1)
			return i * i
		}, func(i, r int) {
			if r != i*i {
				t.Errorf("jobs=%d: emit(%d, %d): result of another item", jobs, i, r)
			}
			got = append(got, i)
		})
		if len(got) != n {
			t.Fatalf("jobs=%d: %d results, want %d", jobs, len(got), n)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("jobs=%d: emitted %v, not in input order", jobs, got)
			}
		}
		if int(peak.Load()) > jobs {
			t.Errorf("jobs=%d: %d workers ran at once", jobs, peak.Load())
		}
	}
}
