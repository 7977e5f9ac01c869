package lm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"strconv"
)

// ngramSet holds one order's n-grams while a model is built.
type ngramSet struct {
	n     int
	ids   []WordID // n ids per n-gram, oldest first
	prob  []float32
	bo    []float32
	ext   []bool // the n-gram is the context of some (n+1)-gram
	index map[uint64]int32
}

func newNgramSet(n, capacity int) *ngramSet {
	return &ngramSet{n: n, index: make(map[uint64]int32, capacity),
		ids: make([]WordID, 0, n*capacity), prob: make([]float32, 0, capacity), bo: make([]float32, 0, capacity)}
}

func (s *ngramSet) len() int            { return len(s.prob) }
func (s *ngramSet) gram(i int) []WordID { return s.ids[s.n*i : s.n*i+s.n] }

// lookup is the index of the n-gram whose key is k, or -1.
func (s *ngramSet) lookup(k uint64) int32 {
	if i, ok := s.index[k]; ok {
		return i
	}
	return -1
}

// add appends an n-gram; false if its key is already there.
func (s *ngramSet) add(ids []WordID, prob, bo float32) bool {
	k := ngramKey(ids)
	if _, dup := s.index[k]; dup {
		return false
	}
	s.index[k] = int32(len(s.prob))
	s.ids = append(s.ids, ids...)
	s.prob = append(s.prob, prob)
	s.bo = append(s.bo, bo)
	return true
}

// arpaModel is a parsed ARPA file: the vocabulary and every order's n-grams.
type arpaModel struct {
	words  []string
	ids    map[string]WordID
	orders []*ngramSet // orders[n] for n >= 1; orders[1] is indexed by id
	hasUnk bool
	unk    float32
	// warnings are oddities that did not stop the import.
	warnings []string
	// seenFixed records which of <unk>, <s>, </s> the unigrams listed.
	seenFixed [3]bool
}

// arpaReader reads ARPA text line by line, counting lines for errors.
type arpaReader struct {
	r     *bufio.Reader
	line  int
	text  []byte
	eof   bool
	again bool // return text again (see unread)
}

// openARPA sniffs gzip so callers may pass either form.
func openARPA(r io.Reader) (*arpaReader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		z, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(z, 1<<20)
	}
	return &arpaReader{r: br}, nil
}

// next loads the next line, trimmed, into a.text; false at end of input.
func (a *arpaReader) next() (bool, error) {
	if a.again {
		a.again = false
		return true, nil
	}
	if a.eof {
		return false, nil
	}
	line, err := a.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return false, a.errorf("line longer than %d bytes", a.r.Size())
	}
	if err == io.EOF {
		a.eof = true
		if len(line) == 0 {
			return false, nil
		}
	} else if err != nil {
		return false, err
	}
	a.line++
	a.text = bytes.TrimSpace(line)
	return true, nil
}

func (a *arpaReader) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", a.line, fmt.Sprintf(format, args...))
}

// readHeader skips to \data\ and reads the "ngram N=count" lines.
func (a *arpaReader) readHeader() ([]int, error) {
	for {
		ok, err := a.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf(`no \data\ section in %d lines: not an ARPA file`, a.line)
		}
		if string(a.text) == `\data\` {
			break
		}
	}
	counts := []int{0}
	for {
		ok, err := a.next()
		if err != nil {
			return nil, err
		}
		if !ok || len(a.text) == 0 && len(counts) > 1 {
			break
		}
		if len(a.text) == 0 {
			continue
		}
		var n, c int
		if _, err := fmt.Sscanf(string(a.text), "ngram %d=%d", &n, &c); err != nil || n != len(counts) || c < 0 {
			return nil, a.errorf("want \"ngram %d=<count>\", got %q", len(counts), a.text)
		}
		counts = append(counts, c)
	}
	if len(counts) < 2 || len(counts) > MaxOrder+1 {
		return nil, a.errorf("model order %d outside 1..%d", len(counts)-1, MaxOrder)
	}
	return counts, nil
}

// fields splits a line on blanks into at most len(buf) fields.
func fields(line []byte, buf [][]byte) int {
	n := 0
	for len(line) > 0 {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		line = line[i:]
		if len(line) == 0 {
			break
		}
		j := 0
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		if n == len(buf) {
			return n + 1
		}
		buf[n] = line[:j]
		n++
		line = line[j:]
	}
	return n
}

func parseLog10(b []byte) (float32, bool) {
	v, err := strconv.ParseFloat(string(b), 32)
	return float32(v), err == nil && v <= 0 && !math.IsInf(v, 0)
}

func parseBackoff(b []byte) (float32, bool) {
	v, err := strconv.ParseFloat(string(b), 32)
	return float32(v), err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)
}
