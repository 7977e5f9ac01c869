package lm

import (
	"bufio"
	"io"
	"math"
	"strconv"
)

// knARPADigits is the number of decimals written for log10 values: 1e-7 in
// log10 is a relative error of 2e-7 in a probability, far below what
// changes a decision, and matches what SRILM and KenLM print.
const knARPADigits = 7

// knARPANever is the log10 probability ARPA files give <s>, which is a
// context only (SRILM and KenLM both write -99).
const knARPANever = -99

// WriteARPA writes the model in the ARPA back-off format: a \data\ header
// with the number of n-grams of each order, then one section per order of
// lines "log10 P(w | h) <TAB> words [<TAB> log10 back-off]", back-off
// weights on every order but the highest, and \end\. N-grams are in the
// order of their word ids, so the output is deterministic.
func (m *KNModel) WriteARPA(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	buf := []byte("\\data\\\n")
	for k := 1; k <= m.order; k++ {
		buf = append(buf, "ngram "...)
		buf = strconv.AppendInt(buf, int64(k), 10)
		buf = append(buf, '=')
		buf = strconv.AppendInt(buf, int64(len(m.levels[k].keys)), 10)
		buf = append(buf, '\n')
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	for k := 1; k <= m.order; k++ {
		if err := m.writeARPALevel(bw, k); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString("\n\\end\\\n"); err != nil {
		return err
	}
	return bw.Flush()
}

func (m *KNModel) writeARPALevel(bw *bufio.Writer, k int) error {
	l := &m.levels[k]
	buf := []byte("\n\\")
	buf = strconv.AppendInt(buf, int64(k), 10)
	buf = append(buf, "-grams:\n"...)
	ids := make([]WordID, 0, k)
	for i, key := range l.keys {
		buf = knAppendLog(buf, l.prob[i])
		for j, id := range key.words(k, ids) {
			if j == 0 {
				buf = append(buf, '\t')
			} else {
				buf = append(buf, ' ')
			}
			buf = append(buf, m.words[id]...)
		}
		if k < m.order {
			buf = append(buf, '\t')
			buf = knAppendLog(buf, l.bow[i])
		}
		buf = append(buf, '\n')
		if len(buf) > 64<<10 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err := bw.Write(buf)
	return err
}

// knAppendLog appends log10 p, or -99 for p = 0.
func knAppendLog(buf []byte, p float64) []byte {
	if p <= 0 {
		return strconv.AppendInt(buf, knARPANever, 10)
	}
	v := math.Log10(p)
	if v == 0 {
		return append(buf, '0')
	}
	return strconv.AppendFloat(buf, v, 'f', knARPADigits, 64)
}
