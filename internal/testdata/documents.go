package testdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Documents are the documents the acceptance tests repair every way there
// is: each line of a synthetic spun set, each paragraph of a spun article,
// and documents at the edges of what a corpus holds, where the ways of
// reading a document could part. All are valid UTF-8, as a JSON record
// carries them.
func Documents(tb testing.TB) []string {
	tb.Helper()
	var docs []string
	for _, f := range []struct{ path, sep string }{
		{"testdata/eval/brown-news-5k.spun.txt", "\n"},
		{"testdata/seed-article.spun.txt", "\n\n"},
	} {
		data, err := os.ReadFile(filepath.Join(RepoDir(), f.path))
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range strings.Split(string(data), f.sep) {
			if strings.TrimSpace(d) != "" {
				docs = append(docs, d)
			}
		}
	}
	return append(docs,
		"\uFEFFCounterfeit consciousness opens with a byte-order mark.",
		"A hash "+strings.Repeat("ab12", 100)+" sits in profound learning.",
		"Lines\r\nend in CRLF with counterfeit consciousness\r\n",
		"Unicode: naïve café — “profound learning” … 東京.\n",
		"<p>Markup around <b>counterfeit consciousness</b> &amp; code `x := 1`.</p>",
		"",
		"   \n\t\n",
	)
}
