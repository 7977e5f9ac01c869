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

// trainMaxParagraph bounds the running text gathered before it is split
// into sentences: a paragraph is cut at a line end past this size (a
// sentence longer than 1 MiB is not prose).
const trainMaxParagraph = 1 << 20

// AddText counts the sentences of r. By default every line is one sentence;
// with TrainOptions.RunningText, lines up to a blank line form a paragraph
// that text.Sentences splits. Sentences are the words text.LMWords would
// return for them. A gzip-compressed stream is recognised by its magic bytes
// and decompressed. Sentences with no words are skipped.
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
	if len(t.para) > 0 { // running text that does not end with a blank line
		err := t.addSpan(t.para)
		t.para = t.para[:0]
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return nil
}

// addLine counts a line as a sentence, or adds it to the paragraph being
// gathered, counting the paragraph at a blank line.
func (t *Trainer) addLine(line []byte) error {
	if !t.running {
		return t.addSpan(line)
	}
	if len(bytes.TrimSpace(line)) > 0 {
		t.para = append(append(t.para, line...), '\n')
		if len(t.para) < trainMaxParagraph {
			return nil
		}
	}
	err := t.addSpan(t.para)
	t.para = t.para[:0]
	return err
}

// addSpan counts src as one sentence, or as the sentences text.Sentences
// finds in it for running text.
func (t *Trainer) addSpan(src []byte) error {
	t.toks = text.AppendTokens(t.toks[:0], src)
	if !t.running {
		return t.addWords(src, t.toks)
	}
	t.sents = text.AppendSentences(t.sents[:0], src, t.toks)
	for _, s := range t.sents {
		if err := t.addWords(src, t.toks[s.Start:s.End]); err != nil {
			return err
		}
	}
	return nil
}

// addWords counts the words of toks as a sentence. It composes text.LMWords
// from the parts that function is defined by (the normalised form,
// AppendLM, of every token of Tokenize for which IsWord holds) so as to
// reuse its buffers: LMWords allocates a token slice and a string a word,
// which at a million words a second costs more than counting them.
// TestTrainWordsAreLMWords holds the two to the same output.
func (t *Trainer) addWords(src []byte, toks []text.Token) error {
	ids := append(t.ids[:0], BOS)
	for _, tok := range toks {
		if !tok.IsWord() {
			continue
		}
		t.norm = text.AppendLM(t.norm[:0], src, tok)
		id, ok := t.vocab[string(t.norm)] // the conversion does not allocate here
		if !ok {
			var err error
			if id, err = t.newWord(string(t.norm)); err != nil {
				return err
			}
		}
		if id <= EOS {
			// A word ARPA cannot hold (see newWord), or one spelled like a
			// marker, which the tokenizer should never yield: counting it
			// as the marker would corrupt the counts, so it is left out.
			continue
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
