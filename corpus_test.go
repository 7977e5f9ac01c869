package unspin_test

import (
	"os"
	"strings"
	"testing"
)

// corpus is the documents the tests repair: each line of a synthetic spun
// set, each paragraph of a spun article, and documents at the edges of what
// a corpus holds.
func corpus(t testing.TB) []string {
	t.Helper()
	var docs []string
	for _, f := range []struct{ path, sep string }{
		{"testdata/eval/brown-news-5k.spun.txt", "\n"},
		{"testdata/seed-article.spun.txt", "\n\n"},
	} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range strings.Split(string(data), f.sep) {
			if strings.TrimSpace(d) != "" {
				docs = append(docs, d)
			}
		}
	}
	return append(docs, edgeDocuments...)
}

// edgeDocuments are texts where the ways of reading a document could part.
var edgeDocuments = []string{
	"\uFEFFCounterfeit consciousness opens with a byte-order mark.",
	"A hash " + strings.Repeat("ab12", 100) + " sits in profound learning.",
	"Lines\r\nend in CRLF with counterfeit consciousness\r\n",
	"Unicode: naïve café — “profound learning” … 東京.\n",
	"<p>Markup around <b>counterfeit consciousness</b> &amp; code `x := 1`.</p>",
	"",
	"   \n\t\n",
	"Invalid UTF-8 \xff\xfe in profound learning.",
}
