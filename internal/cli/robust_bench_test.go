package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkLargeFileMemory repairs a large file of clean prose with the
// built-in model, streamed, and reports the peak Go heap: it must not grow
// with the file. The size is UNSPIN_BENCH_MB megabytes (default 8); the
// 200 MB figure of docs/robustness.md comes from /usr/bin/time -v on the
// built binary.
//
//	UNSPIN_BENCH_MB=50 go test -run '^$' -bench LargeFileMemory -benchtime 1x ./internal/cli
func BenchmarkLargeFileMemory(b *testing.B) {
	old := testRepairFunc
	testRepairFunc = nil // the built-in model
	b.Cleanup(func() { testRepairFunc = old })
	mb := 8
	if s := os.Getenv("UNSPIN_BENCH_MB"); s != "" {
		mb, _ = strconv.Atoi(s)
	}
	prose, err := os.ReadFile(filepath.Join("..", "repair", "testdata", "clean", "essays.txt"))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.txt")
	f, _ := os.Create(path)
	for n := 0; n < mb<<20; n += len(prose) {
		f.Write(prose)
	}
	f.Close()
	b.SetBytes(int64(mb << 20))
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	b.ResetTimer()
	for range b.N {
		var errb bytes.Buffer
		if code := Run([]string{"fix", path}, Streams{In: bytes.NewReader(nil), Out: io.Discard, Err: &errb}); code != ExitOK {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
