package lm

import (
	"fmt"
	"io"
)

// Names the ARPA format gives the fixed ids.
const (
	unkWord = "<unk>"
	bosWord = "<s>"
	eosWord = "</s>"
)

// readARPA parses a whole ARPA file (plain or gzip).
func readARPA(r io.Reader) (*arpaModel, error) {
	a, err := openARPA(r)
	if err != nil {
		return nil, err
	}
	counts, err := a.readHeader()
	if err != nil {
		return nil, err
	}
	m := &arpaModel{
		words:  []string{unkWord, bosWord, eosWord},
		ids:    map[string]WordID{unkWord: Unknown, bosWord: BOS, eosWord: EOS},
		orders: make([]*ngramSet, len(counts)),
	}
	for n := 1; n < len(counts); n++ {
		// The header's counts only size the first allocation, and are capped
		// so that a lying header cannot exhaust memory before a line is read.
		m.orders[n] = newNgramSet(n, min(counts[n], 1<<22))
	}
	// Fixed ids exist even when the file lacks them; a missing <s> or </s>
	// gets the ARPA convention for <s>, which is never predicted: -99.
	for id := range 3 {
		m.orders[1].ids = append(m.orders[1].ids, WordID(id))
		m.orders[1].prob = append(m.orders[1].prob, -99)
		m.orders[1].bo = append(m.orders[1].bo, 0)
	}
	for n := 1; n < len(counts); n++ {
		if err := m.readSection(a, n, counts[n]); err != nil {
			return nil, err
		}
	}
	if err := a.expectEnd(); err != nil {
		return nil, err
	}
	return m, nil
}

// readSection reads the "\n-grams:" header line, then count n-grams.
func (m *arpaModel) readSection(a *arpaReader, n, count int) error {
	want := fmt.Sprintf(`\%d-grams:`, n)
	for {
		ok, err := a.next()
		if err != nil {
			return err
		}
		if !ok {
			return a.errorf("end of file before %s", want)
		}
		if len(a.text) == 0 {
			continue
		}
		if string(a.text) != want {
			return a.errorf("want %s, got %q", want, a.text)
		}
		break
	}
	var buf [MaxOrder + 2][]byte
	ids := make([]WordID, n)
	for read := 0; ; {
		ok, err := a.next()
		if err != nil {
			return err
		}
		if ok && len(a.text) == 0 {
			continue
		}
		if !ok || a.text[0] == '\\' {
			if read != count {
				// The CMU model's header overstates its bigrams by 6; like
				// SRILM, believe the n-grams and say so.
				m.warnings = append(m.warnings, fmt.Sprintf("line %d: %s has %d n-grams, the header says %d", a.line, want, read, count))
			}
			if ok {
				a.unread()
			}
			return nil
		}
		if err := m.readNgram(a, n, buf[:n+2], ids); err != nil {
			return err
		}
		read++
	}
}

// readNgram parses "log10prob w1 ... wn [backoff]".
func (m *arpaModel) readNgram(a *arpaReader, n int, buf [][]byte, ids []WordID) error {
	f := fields(a.text, buf)
	if f != n+1 && f != n+2 {
		return a.errorf("want a log10 probability, %d words and an optional backoff, got %q", n, a.text)
	}
	p, ok := parseLog10(buf[0])
	if !ok {
		return a.errorf("bad log10 probability %q", buf[0])
	}
	var bo float32
	if f == n+2 {
		if bo, ok = parseBackoff(buf[n+1]); !ok {
			return a.errorf("bad backoff %q", buf[n+1])
		}
	}
	if n == 1 {
		return m.addUnigram(a, string(buf[1]), p, bo)
	}
	for i := range n {
		id, ok := m.ids[string(buf[i+1])]
		if !ok {
			return a.errorf("%q is not among the unigrams", buf[i+1])
		}
		ids[i] = id
	}
	if !m.orders[n].add(ids, p, bo) {
		return a.errorf("duplicate %d-gram %q", n, a.text)
	}
	return nil
}

func (m *arpaModel) addUnigram(a *arpaReader, w string, p, bo float32) error {
	uni := m.orders[1]
	id, known := m.ids[w]
	fixed := known && id <= EOS
	if known && (!fixed || m.seenFixed[id]) {
		return a.errorf("duplicate unigram %q", w)
	}
	if !fixed {
		id = WordID(len(m.words))
		m.words = append(m.words, w)
		m.ids[w] = id
		uni.ids = append(uni.ids, id)
		uni.prob = append(uni.prob, p)
		uni.bo = append(uni.bo, bo)
	} else {
		uni.prob[id], uni.bo[id] = p, bo
		m.seenFixed[id] = true
		if id == Unknown {
			m.hasUnk, m.unk = true, p
		}
	}
	return nil
}

// unread makes the next call to next return the current line again.
func (a *arpaReader) unread() { a.again = true }

// expectEnd accepts \end\ or the end of input.
func (a *arpaReader) expectEnd() error {
	for {
		ok, err := a.next()
		if err != nil || !ok {
			return err
		}
		if len(a.text) == 0 {
			continue
		}
		if string(a.text) == `\end\` {
			return nil
		}
		return a.errorf(`want \end\, got %q`, a.text)
	}
}
