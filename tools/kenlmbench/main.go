//go:build unix

// Command kenlmbench is unspin's half of the side-by-side benchmark against
// KenLM that run.sh beside it drives (see there for the whole procedure).
//
//	kenlmbench tokens <text >tokens
//	kenlmbench lookup -model M.unlm [-passes N] tokens
//
// tokens writes each non-empty line of the text as the words unspin's model
// is queried on (text.LMWords: lowercased, punctuation dropped), one space
// between them, so that KenLM's query, its kenlm_benchmark and unspin all
// see the same words.
//
// lookup is the counterpart of `kenlm_benchmark -q -t 1`: it maps the words
// to ids first, untimed, then scores them one by one through Model.Score,
// each line a sentence ended by </s> (counted as a query, as KenLM counts
// it), and prints the CPU nanoseconds per query over the timed passes. One
// untimed pass first faults the model's pages in, since KenLM's benchmark
// reads its whole file into memory before it starts the clock.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kenlmbench tokens <text | kenlmbench lookup -model M.unlm [-passes N] tokens")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "tokens":
		err = tokens(os.Stdin, os.Stdout)
	case "lookup":
		err = lookup(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kenlmbench:", err)
		os.Exit(1)
	}
}

func tokens(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	bw := bufio.NewWriter(w)
	for sc.Scan() {
		if words := text.LMWords(sc.Text()); len(words) > 0 {
			bw.WriteString(strings.Join(words, " "))
			bw.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

func lookup(args []string) error {
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	model := fs.String("model", "", "unspin binary model (.unlm)")
	passes := fs.Int("passes", 10, "timed passes over the text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *model == "" || fs.NArg() != 1 {
		return fmt.Errorf("lookup needs -model and one tokens file")
	}
	m, err := lm.Open(*model)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	var ids []lm.WordID
	for _, line := range strings.Split(string(data), "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			continue
		}
		for _, w := range words {
			ids = append(ids, m.ID(w))
		}
		ids = append(ids, lm.EOS)
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s: no words", fs.Arg(0))
	}
	sum := scoreAll(m, ids) // warm-up: page the model in
	cpu0, wall0 := cpuTime(), time.Now()
	for range *passes {
		sink += scoreAll(m, ids)
	}
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	n := float64(len(ids) * *passes)
	fmt.Fprintf(os.Stderr, "probability sum of one pass: %g\n", sum)
	fmt.Printf("queries=%d cpu_ns_per_query=%.1f wall_ns_per_query=%.1f\n",
		len(ids)**passes, float64(cpu.Nanoseconds())/n, float64(wall.Nanoseconds())/n)
	return nil
}

// sink keeps the timed passes' sums live.
var sink float64

// scoreAll scores ids as KenLM's benchmark does: the state carried from word
// to word, reset to <s> after each </s>.
func scoreAll(m *lm.Binary, ids []lm.WordID) float64 {
	begin := m.BeginSentence()
	s := begin
	var sum float32
	for _, w := range ids {
		var p float32
		p, s = m.Score(s, w)
		sum += p
		if w == lm.EOS {
			s = begin
		}
	}
	return float64(sum)
}

// cpuTime is the process's user plus system time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
