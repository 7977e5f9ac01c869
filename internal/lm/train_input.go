package lm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/unspin/unspin/internal/text"
)

// trainMaxLine bounds one input line. Lines are sentences or paragraphs; a
// file with no line breaks for 64 MiB is not text we can use.
const trainMaxLine = 64 << 20

// gzipMagic starts every gzip stream (RFC 1952, section 2.3.1).
var gzipMagic = []byte{0x1f, 0x8b}

// AddText counts every line of r as one sentence of the words text.LMWords
// would return for it. A gzip-compressed stream is recognised by its magic
// bytes and decompressed. Lines with no words are skipped.
func (t *Trainer) AddText(r io.Reader) error {
	r, err := trainDecompress(r)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), trainMaxLine)
	line := 0
	for sc.Scan() {
		line++
		if err := t.addLine(sc.Bytes()); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("after line %d: %w", line, err)
	}
	return nil
}

// addLine counts the words of one line. It composes text.LMWords from the
// parts that function is defined by (the normalised form, AppendLM, of every
// token of Tokenize for which IsWord holds) so as to reuse its buffers:
// LMWords allocates a token slice and a string a word, which at a million
// words a second costs more than counting them. TestTrainWordsAreLMWords
// holds the two to the same output.
func (t *Trainer) addLine(line []byte) error {
	t.toks = text.AppendTokens(t.toks[:0], line)
	ids := append(t.ids[:0], BOS)
	for _, tok := range t.toks {
		if !tok.IsWord() {
			continue
		}
		t.norm = text.AppendLM(t.norm[:0], line, tok)
		id, ok := t.vocab[string(t.norm)] // the conversion does not allocate here
		if !ok {
			var err error
			if id, err = t.newWord(string(t.norm)); err != nil {
				return err
			}
		}
		ids = append(ids, id)
	}
	t.ids = ids
	if len(ids) == 1 {
		return nil // no words
	}
	t.ids = append(ids, EOS)
	t.countSentence()
	return nil
}

// trainDecompress returns r itself, or a gzip reader over it when it starts
// with the gzip magic.
func trainDecompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	head, err := br.Peek(len(gzipMagic))
	if err != nil && err != io.EOF {
		return nil, err
	}
	if !bytes.Equal(head, gzipMagic) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return zr, nil
}

// Train reads sentences from r (see AddText) and estimates a model.
func Train(r io.Reader, opts TrainOptions) (*KNModel, error) {
	t, err := NewTrainer(opts)
	if err != nil {
		return nil, err
	}
	if err := t.AddText(r); err != nil {
		return nil, err
	}
	return t.Estimate()
}
