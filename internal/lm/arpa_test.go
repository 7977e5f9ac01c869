package lm

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportErrorsNameTheLine(t *testing.T) {
	head := "\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1 <s>\n-1 a -0.5\n\n\\2-grams:\n"
	for _, c := range []struct {
		name, arpa, want string
	}{
		{"not ARPA", "hello\nworld\n", "not an ARPA file"},
		{"bad count line", "\\data\\\nngram one=2\n", "line 2"},
		{"unknown word in bigram", head + "-0.5 <s> b\n\\end\\\n", "line 10: \"b\" is not among the unigrams"},
		{"bad probability", head + "x <s> a\n\\end\\\n", "line 10: bad log10 probability"},
		{"positive probability", head + "0.5 <s> a\n\\end\\\n", "line 10: bad log10 probability"},
		{"bad backoff", head + "-0.5 <s> a zz\n\\end\\\n", "line 10: bad backoff"},
		{"too many fields", head + "-0.5 <s> a -0.1 -0.2\n\\end\\\n", "line 10: want a log10"},
		{"duplicate", head + "-0.5 <s> a\n-0.4 <s> a\n\\end\\\n", "line 11: duplicate"},
		{"missing section", "\\data\\\nngram 1=1\nngram 2=1\n\n\\1-grams:\n-1 a\n\n\\end\\\n", "line 8: want \\2-grams:"},
		{"order 6", "\\data\\\nngram 1=1\nngram 2=1\nngram 3=1\nngram 4=1\nngram 5=1\nngram 6=1\n", "order 6"},
	} {
		_, err := ImportARPA(strings.NewReader(c.arpa), io.Discard, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestImportSniffsGzip(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("testdata", "small.arpa"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	var a, b bytes.Buffer
	if _, err := ImportARPA(bytes.NewReader(plain), &a, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportARPA(&gz, &b, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("gzipped input gave a different model")
	}
}

func TestImportOwnUnknown(t *testing.T) {
	arpa := "\\data\\\nngram 1=3\n\n\\1-grams:\n-2.5 <unk>\n-1 <s> -0.3\n-0.5 the\n\\end\\\n"
	var buf bytes.Buffer
	info, err := ImportARPA(strings.NewReader(arpa), &buf, ImportOptions{UnknownLog10: -9})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if info.UnknownLog10 != -2.5 || m.Unigram(Unknown) != -2.5 {
		t.Errorf("a file's own <unk> should win: info %g, model %g", info.UnknownLog10, m.Unigram(Unknown))
	}
	if p, s := m.Score(m.BeginSentence(), m.ID("zebra")); p != -2.5 || s != m.NullState() {
		t.Errorf("unknown word: %g %+v", p, s)
	}
	if len(info.Warnings) != 0 {
		t.Errorf("warnings: %q", info.Warnings)
	}
}

// FuzzImportARPA: any input is a model or an error, never a panic.
func FuzzImportARPA(f *testing.F) {
	plain, err := os.ReadFile(filepath.Join("testdata", "small.arpa"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(plain)
	f.Add([]byte("\\data\\\nngram 1=99999999999\n\n\\1-grams:\n-1 a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var buf bytes.Buffer
		if _, err := ImportARPA(bytes.NewReader(data), &buf, ImportOptions{}); err != nil {
			return
		}
		if _, err := loadVerified(buf.Bytes()); err != nil {
			t.Fatalf("imported model does not load: %v", err)
		}
	})
}
