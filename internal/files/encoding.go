package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Encoding is how a text file stores its characters. unspin repairs UTF-8:
// a file in another encoding is decoded to be repaired and encoded back,
// byte for byte the same where nothing was fixed, to be written.
type Encoding struct {
	Name string
	enc  encoding.Encoding // nil for UTF-8
}

// UTF8 is the encoding unspin works in; decoding and encoding are no-ops.
var UTF8 = Encoding{Name: "UTF-8"}

// IsUTF8 reports whether e is UTF-8, so that nothing needs converting.
func (e Encoding) IsUTF8() bool { return e.enc == nil }

// ErrLossy reports text that would not come back unchanged once decoded and
// encoded again (an unpaired UTF-16 surrogate, a byte Windows-1252 leaves
// undefined): it is not repaired rather than risk changing what the user
// did not ask to change.
var ErrLossy = errors.New("cannot be decoded without loss")

// Decode returns data as UTF-8, or ErrLossy when encoding the result again
// would not give data back.
func (e Encoding) Decode(data []byte) ([]byte, error) {
	if e.IsUTF8() {
		return data, nil
	}
	text, err := e.enc.NewDecoder().Bytes(data)
	if err == nil {
		var back []byte
		back, encErr := e.enc.NewEncoder().Bytes(text)
		if encErr != nil || !bytes.Equal(back, data) {
			err = ErrLossy
		}
	}
	if err != nil {
		return nil, fmt.Errorf("as %s: %w", e.Name, err)
	}
	return text, nil
}

// Encode returns UTF-8 text in e; a character e cannot hold is an error.
func (e Encoding) Encode(text []byte) ([]byte, error) {
	if e.IsUTF8() {
		return text, nil
	}
	data, err := e.enc.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("writing as %s: %w", e.Name, err)
	}
	return data, nil
}

// Reader decodes r as it is read. It fails with ErrLossy where the decoder
// had to put a replacement character, U+FFFD, which none of these encodings
// yields for valid input but UTF-16, which can hold one; such a file is
// refused to be safe.
func (e Encoding) Reader(r io.Reader) io.Reader {
	if e.IsUTF8() {
		return r
	}
	return &strictReader{r: transform.NewReader(r, e.enc.NewDecoder()), name: e.Name}
}

// Writer encodes what is written to w; Close flushes it, and does not close w.
func (e Encoding) Writer(w io.Writer) io.WriteCloser {
	if e.IsUTF8() {
		return nopCloser{w}
	}
	return &encodeWriter{w: transform.NewWriter(w, e.enc.NewEncoder()), name: e.Name}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

type encodeWriter struct {
	w    io.WriteCloser
	name string
}

func (w *encodeWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && !errors.Is(err, io.ErrShortWrite) {
		err = fmt.Errorf("writing as %s: %w", w.name, err)
	}
	return n, err
}

func (w *encodeWriter) Close() error { return w.w.Close() }

const replacementChar = "\uFFFD"

type strictReader struct {
	r    io.Reader
	name string
	tail []byte // the last bytes read, so that a U+FFFD cut by a read is seen
}

func (s *strictReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	seen := append(s.tail, p[:n]...)
	if bytes.Contains(seen, []byte(replacementChar)) {
		return 0, fmt.Errorf("as %s: %w", s.name, ErrLossy)
	}
	s.tail = append(s.tail[:0], seen[max(0, len(seen)-len(replacementChar)+1):]...)
	return n, err
}
