package stream

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/unspin/unspin/internal/testdata"
)

// BenchmarkSplit cuts about 2 MB of spun news, one sentence a line and no
// blank line (the hard case: every sentence start is a candidate cut), into
// Run's windows, reading it as Run does.
func BenchmarkSplit(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(testdata.RepoDir(), "testdata", "eval", "brown-news-5k.spun.txt"))
	if err != nil {
		b.Fatal(err)
	}
	src = bytes.Repeat(src, 2<<20/len(src)+1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(make([]byte, 0, 2*DefaultMin), DefaultMax)
		sc.Split(Split(DefaultMin, DefaultMax))
		n := 0
		for sc.Scan() {
			n += len(sc.Bytes())
		}
		if sc.Err() != nil || n != len(src) {
			b.Fatal(sc.Err(), n)
		}
	}
}
