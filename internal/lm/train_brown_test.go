package lm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/unspin/unspin/internal/testdata"
)

// knBrown returns the Brown corpus with the news section held out (every line
// of brown-news.txt removed once from brown.txt.gz), and the news section.
func knBrown(tb testing.TB) (train, news []byte) {
	tb.Helper()
	corpus := testdata.Shared(tb, "data/corpus/brown.txt.gz")
	news, err := os.ReadFile(testdata.Shared(tb, "data/corpus/brown-news.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	held := map[string]int{}
	for _, line := range strings.Split(string(news), "\n") {
		held[line]++
	}
	f, err := os.Open(corpus)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if line := sc.Text(); held[line] > 0 {
			held[line]--
		} else {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes(), news
}

// TestBrownHeldOutPerplexity trains a trigram model on Brown without its news
// section and measures perplexity on the news section. It takes a few
// seconds, so -short skips it. Run it with
//
//	go test ./internal/lm/ -run BrownHeldOut -v
func TestBrownHeldOutPerplexity(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on the Brown corpus; skipped with -short")
	}
	train, news := knBrown(t)
	start := time.Now()
	m, err := Train(bytes.NewReader(train), TrainOptions{Order: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained on %d words in %v", m.Tokens(), time.Since(start).Round(time.Millisecond))
	var sum strings.Builder
	m.Summary(&sum)
	t.Log("\n" + sum.String())
	p, err := m.Perplexity(bytes.NewReader(news))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out news: %v (OOV rate %.2f%%)", p, 100*float64(p.OOVs)/float64(p.Words))
	// A Kneser-Ney trigram on a million words of Brown scores a few hundred
	// on held-out Brown text; far outside that means the estimate is broken.
	if ppl := p.PPL(); ppl < 100 || ppl > 1000 {
		t.Errorf("perplexity %.1f outside [100, 1000]", ppl)
	}
	if p.OOVs == 0 || p.OOVs > p.Words/5 {
		t.Errorf("%d OOVs in %d words: held-out text was not held out, or tokenisation differs", p.OOVs, p.Words)
	}
}

// BenchmarkTrain trains a trigram model on the Brown corpus (all of it, from
// memory, uncompressed) and reports training words a second, counting and
// estimation together, per second of wall time and of CPU time. Run it with
//
//	go test ./internal/lm/ -run '^$' -bench 'Train' -benchtime 3x
func BenchmarkTrain(b *testing.B) {
	train, news := knBrown(b)
	data := append(train, news...)
	var tokens int64
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := trainCPUTime()
	for b.Loop() {
		m, err := Train(bytes.NewReader(data), TrainOptions{Order: 3})
		if err != nil {
			b.Fatal(err)
		}
		tokens += m.Tokens()
	}
	trainReportRates(b, tokens, cpu)
}

// BenchmarkTrainCount measures counting alone (tokenising, word ids, n-gram
// counts), the part whose cost grows with the corpus rather than the model.
func BenchmarkTrainCount(b *testing.B) {
	train, news := knBrown(b)
	data := append(train, news...)
	var tokens int64
	b.SetBytes(int64(len(data)))
	cpu := trainCPUTime()
	for b.Loop() {
		t, err := NewTrainer(TrainOptions{Order: 3})
		if err != nil {
			b.Fatal(err)
		}
		if err := t.AddText(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
		tokens += t.Tokens()
	}
	trainReportRates(b, tokens, cpu)
}

// trainReportRates reports tokens per second of wall time and, where it can
// be measured, per second of the process's CPU time, which stays meaningful
// when other jobs share the machine.
func trainReportRates(b *testing.B, tokens int64, cpuBefore time.Duration) {
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := trainCPUTime() - cpuBefore; cpuBefore > 0 && cpu > 0 {
		b.ReportMetric(float64(tokens)/cpu.Seconds(), "tokens/cpu-s")
	}
}
