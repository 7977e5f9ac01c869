package files

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDetectNamesEncodings(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"ascii", "The military base.", "UTF-8"},
		{"utf8 bom", "\xef\xbb\xbfThe text", "UTF-8"},
		{"latin-1 letters", "Un caf\xe9 na\xefve.", "Windows-1252"},
		{"windows-1252 quotes", "\x93Quoted\x94 \x96 dash", "Windows-1252"},
		{"byte windows-1252 leaves undefined", "caf\xe9 \x81", "ISO-8859-1"},
		{"utf16le bom", "\xff\xfe" + utf16le("The text"), "UTF-16LE"},
		{"utf16le no bom", utf16le("The military base was here."), "UTF-16LE (no byte-order mark)"},
	} {
		enc, reason := Detect([]byte(tc.data), true)
		if reason != "" || enc.Name != tc.want {
			t.Errorf("%s: Detect = %q, %q; want %q", tc.name, enc.Name, reason, tc.want)
		}
	}
}

// TestEncodingsRoundTrip: what is decoded and encoded again is the file
// byte for byte, so that -w changes only the words it fixed.
func TestEncodingsRoundTrip(t *testing.T) {
	all := make([]byte, 0, 256)
	for b := 1; b < 256; b++ {
		all = append(all, byte(b))
	}
	for _, tc := range []struct {
		enc  Encoding
		data string
		text string
	}{
		{Latin1, string(all), ""},
		{Windows1252, "\x93caf\xe9\x94 \x80", "“café” €"},
		{UTF16LE, "\xff\xfe" + utf16le("naïve “text”"), "naïve “text”"},
		{UTF16LENoBOM, utf16le("plain"), "plain"},
	} {
		text, err := tc.enc.Decode([]byte(tc.data))
		if err != nil {
			t.Errorf("%s: %v", tc.enc.Name, err)
			continue
		}
		if tc.text != "" && string(text) != tc.text {
			t.Errorf("%s: decoded %q, want %q", tc.enc.Name, text, tc.text)
		}
		back, err := tc.enc.Encode(text)
		if err != nil || !bytes.Equal(back, []byte(tc.data)) {
			t.Errorf("%s: encoded back %q, %v; want the original", tc.enc.Name, back, err)
		}
		var w bytes.Buffer
		sw := tc.enc.Writer(&w)
		streamed, err := io.ReadAll(tc.enc.Reader(strings.NewReader(tc.data)))
		sw.Write(streamed)
		sw.Close()
		if err != nil || w.String() != tc.data {
			t.Errorf("%s: streamed round trip %q, %v; want the original", tc.enc.Name, w.String(), err)
		}
	}
}

// TestLossyRefused: text that would not survive decoding is refused, whole
// or streamed, instead of being rewritten with replacement characters.
func TestLossyRefused(t *testing.T) {
	lone := "\xff\xfe" + utf16le("ab") + "\x00\xd8" + utf16le("cd") // unpaired surrogate
	if _, err := UTF16LE.Decode([]byte(lone)); !errors.Is(err, ErrLossy) {
		t.Errorf("Decode: err = %v, want ErrLossy", err)
	}
	if _, err := io.ReadAll(UTF16LE.Reader(strings.NewReader(lone))); !errors.Is(err, ErrLossy) {
		t.Errorf("Reader: err = %v, want ErrLossy", err)
	}
	if _, err := Windows1252.Decode([]byte("a\x81b")); !errors.Is(err, ErrLossy) {
		t.Errorf("Windows-1252 undefined byte: err = %v, want ErrLossy", err)
	}
	if _, err := Latin1.Encode([]byte("a € b")); err == nil {
		t.Errorf("Latin-1 cannot hold €: no error")
	}
}
