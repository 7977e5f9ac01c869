package lm

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallModel is testdata/small.arpa in the binary format.
func smallModel(t testing.TB) []byte {
	t.Helper()
	return smallModelWith(t, ImportOptions{Source: "test"})
}

// hashedSmallModel is testdata/small.arpa in version 2.
func hashedSmallModel(t testing.TB) []byte {
	t.Helper()
	return smallModelWith(t, ImportOptions{Source: "test", hashed: true})
}

func smallModelWith(t testing.TB, opts ImportOptions) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "small.arpa"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := ImportARPA(f, &buf, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// check loads data as Open does (structure, then checksum).
func check(data []byte) error {
	_, err := loadVerified(data)
	return err
}

func TestLoadRejectsDamage(t *testing.T) {
	good := smallModel(t)
	if err := check(good); err != nil {
		t.Fatal(err)
	}
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "shorter than"},
		{"header only, cut", good[:headerLen-1], "shorter than"},
		{"truncated after header", good[:headerLen], "outside"},
		{"truncated by one byte", good[:len(good)-1], "outside"},
		{"foreign: ARPA text", []byte("\\data\\\nngram 1=1\n" + strings.Repeat(" ", headerLen)), "magic"},
		{"foreign: gzip", append([]byte{0x1f, 0x8b, 8, 0}, make([]byte, headerLen)...), "magic"},
		{"newer version", edit(func(b []byte) []byte { le.PutUint32(b[offVersion:], formatVersion+1); return b }), "version"},
		{"version 0", edit(func(b []byte) []byte { le.PutUint32(b[offVersion:], 0); return b }), "version"},
		{"version 3 layout too wide", edit(func(b []byte) []byte {
			off := le.Uint64(b[offSections+24*secLayout:])
			le.PutUint32(b[off:], 30)
			return b
		}), "layout"},
		{"version 3 of another order", edit(func(b []byte) []byte { le.PutUint32(b[offOrder:], 2); return b }), "order"},
		{"order 9", edit(func(b []byte) []byte { le.PutUint32(b[offOrder:], 9); return b }), "order"},
		{"section past the end", edit(func(b []byte) []byte { le.PutUint64(b[offSections+24*secUnigrams:], 1<<40); return b }), "outside"},
		{"flipped payload bit", edit(func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b }), "checksum"},
		{"flipped source byte", edit(func(b []byte) []byte {
			off := le.Uint64(b[offSections+24*secSource:])
			b[off] ^= 1
			return b
		}), "checksum"},
	} {
		err := check(c.data)
		if err == nil {
			t.Errorf("%s: loaded without error", c.name)
			continue
		}
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want ErrFormat mentioning %q", c.name, err, c.want)
		}
	}
}

func TestOpenNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.unlm")
	bad := filepath.Join(dir, "bad.unlm")
	data := smallModel(t)
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	data[len(data)-10] ^= 0xff
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := m.Score(m.BeginSentence(), m.ID("the")); p > -0.39 || p < -0.41 {
		t.Errorf("opened model gives log10 P(the | <s>) = %g, want -0.4", p)
	}
	if err := m.Close(); err != nil {
		t.Error(err)
	}
	if _, err := Open(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("Open of a corrupted file: error %v, want one naming %s", err, bad)
	}
	if _, err := Open(filepath.Join(dir, "missing.unlm")); err == nil {
		t.Error("Open of a missing file succeeded")
	}
}

// FuzzLoad feeds Load arbitrary bytes: it must return an error or a model
// whose every query answers without panicking or looping.
func FuzzLoad(f *testing.F) {
	good := smallModel(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(hashedSmallModel(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(data)
		if err != nil {
			return
		}
		_ = m.Verify()
		_ = m.Info()
		s := m.BeginSentence()
		for id := range WordID(min(m.VocabSize(), 50) + 2) {
			w := m.Word(id)
			_ = m.ID(w)
			_, s = m.Score(s, id)
		}
		_ = m.ID("no such word")
	})
}
