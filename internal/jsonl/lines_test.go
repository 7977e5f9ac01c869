package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestMapKeepsOrder(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, "line %d\n", i)
	}
	in.WriteString(strings.Repeat("x", 1<<20)) // a long last line, no line break
	slow := func(b []byte) ([]byte, error) {
		time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
		return bytes.ToUpper(b), nil
	}
	var got []string
	err := Map(strings.NewReader(in.String()), 4, slow, func(l Line[[]byte]) error {
		if l.N != len(got)+1 {
			return fmt.Errorf("line %d after %d lines", l.N, len(got))
		}
		got = append(got, string(l.Out))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 201 || got[7] != "LINE 7" || len(got[200]) != 1<<20 || got[200][0] != 'X' {
		t.Errorf("got %d lines, line 8 %q", len(got), got[7])
	}
}

func TestMapStopsAtEachError(t *testing.T) {
	stop := errors.New("stop")
	in := strings.Repeat("a\n", 1000)
	seen := 0
	err := Map(strings.NewReader(in), 2, func(b []byte) ([]byte, error) { return b, nil }, func(l Line[[]byte]) error {
		seen++
		if l.N == 10 {
			return stop
		}
		return nil
	})
	if err != stop || seen != 10 {
		t.Errorf("error %v after %d lines; want stop after 10", err, seen)
	}
}

func TestMapPassesErrorsInOrder(t *testing.T) {
	bad := errors.New("bad")
	fn := func(b []byte) ([]byte, error) {
		if string(b) == "x" {
			return nil, bad
		}
		return b, nil
	}
	var lines []int
	err := Map(strings.NewReader("a\nx\nb\nx\n"), 3, fn, func(l Line[[]byte]) error {
		if l.Err != nil {
			lines = append(lines, l.N)
		}
		return nil
	})
	if err != nil || fmt.Sprint(lines) != "[2 4]" {
		t.Errorf("errors on lines %v (%v), want [2 4]", lines, err)
	}
}
