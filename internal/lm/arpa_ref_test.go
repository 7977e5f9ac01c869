package lm

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// refModel is a deliberately plain ARPA reader: maps from space-joined
// n-grams to values and the textbook back-off recursion, to check the binary
// model against.
type refModel struct {
	order int
	prob  map[string]float64
	bo    map[string]float64
	unk   float64
}

// readRef reads an ARPA file, keeping only n-grams whose words all pass keep
// (nil keeps everything), so a test can load the parts of a big model it needs.
func readRef(t testing.TB, path string, keep func(string) bool) *refModel {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatal(err)
		}
	}
	m := &refModel{prob: map[string]float64{}, bo: map[string]float64{}, unk: DefaultUnknownLog10}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, `\`) && strings.HasSuffix(line, "-grams:") {
			n, _ = strconv.Atoi(line[1:strings.IndexByte(line, '-')])
			m.order = max(m.order, n)
			continue
		}
		f := strings.Fields(line)
		if n == 0 || len(f) < n+1 || strings.HasPrefix(line, `\`) {
			continue
		}
		words := f[1 : n+1]
		if keep != nil && !allKept(words, keep) {
			continue
		}
		key := strings.Join(words, " ")
		m.prob[key], _ = strconv.ParseFloat(f[0], 64)
		if len(f) == n+2 {
			m.bo[key], _ = strconv.ParseFloat(f[n+1], 64)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if p, ok := m.prob[unkWord]; ok {
		m.unk = p
	}
	return m
}

func allKept(words []string, keep func(string) bool) bool {
	for _, w := range words {
		if !keep(w) {
			return false
		}
	}
	return true
}

// cond is log10 P(w | ctx), ctx oldest first, by the ARPA definition.
func (m *refModel) cond(ctx []string, w string) float64 {
	key := strings.Join(append(append([]string{}, ctx...), w), " ")
	if p, ok := m.prob[key]; ok {
		return p
	}
	if len(ctx) == 0 {
		return m.unk
	}
	return m.bo[strings.Join(ctx, " ")] + m.cond(ctx[1:], w)
}

// sentence scores <s> words </s>: the total log10 over known words and the
// number of unknown ones, which score nothing and reset the context.
func (m *refModel) sentence(words []string) (float64, int) {
	ctx := []string{bosWord}
	total, oov := 0.0, 0
	for _, w := range append(append([]string{}, words...), eosWord) {
		if _, known := m.prob[w]; !known || w == unkWord {
			oov++
			ctx = ctx[:0]
			continue
		}
		total += m.cond(ctx, w)
		ctx = append(ctx, w)
		if len(ctx) > m.order-1 {
			ctx = ctx[len(ctx)-(m.order-1):]
		}
	}
	return total, oov
}

// scoreSentence is the same with the model under test.
func scoreSentence(m Model, words []string) (float64, int) {
	s := m.BeginSentence()
	total, oov := 0.0, 0
	for _, w := range append(append([]string{}, words...), eosWord) {
		id := m.ID(w)
		var p float32
		p, s = m.Score(s, id)
		if id == Unknown {
			oov++
			continue
		}
		total += float64(p)
	}
	return total, oov
}
