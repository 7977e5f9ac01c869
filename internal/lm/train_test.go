package lm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/unspin/unspin/internal/testdata"
	"github.com/unspin/unspin/internal/text"
)

// trainTrickyLines exercise the tokenizer's special cases, so that the
// trainer's buffer-reusing path is checked against text.LMWords on them.
var trainTrickyLines = []string{
	"The U.S. Army's base, near the river -- and 50-minute drive -- was built in 1942.",
	"“Don’t,” she said; ‘rock ’n’ roll’ isn’t the countries’ fault.",
	"See https://example.com/a?b=c or mail info@example.com, @handle #tag `code`, `two words`.",
	"CAPITALS and MiXeD case; naïve café; ﬁne ﬂow; co\u00ADoperate; e\u2011mail",
	"   ",
	"...!?",
	"a.m. p.m. e.g. i.e. Mr. Dr. St. Louis",
}

func TestTrainWordsAreLMWords(t *testing.T) {
	lines := slices.Clone(trainTrickyLines)
	if d := testdata.SharedDir(); d != "" {
		lines = append(lines, trainHead(t, filepath.Join(d, "data/corpus/brown.txt.gz"), 3000)...)
	}
	tr, err := NewTrainer(TrainOptions{Order: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range lines {
		before := tr.Sentences()
		if err := tr.addSpan([]byte(line)); err != nil {
			t.Fatal(err)
		}
		var got []string
		if tr.Sentences() > before {
			for _, id := range tr.ids[1 : len(tr.ids)-1] {
				got = append(got, tr.words[id])
			}
		}
		want := slices.DeleteFunc(text.LMWords(line), func(w string) bool {
			return strings.ContainsFunc(w, unicode.IsSpace) // left out: ARPA cannot hold them
		})
		if !slices.Equal(got, want) {
			t.Errorf("line %q:\ntrainer reads %q\nLMWords gives %q", line, got, want)
		}
	}
}

// trainHead returns the first n lines of a gzip file.
func trainHead(t *testing.T, path string, n int) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(zr)
	for len(lines) < n && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func TestTrainReadsGzipAndReportsProgress(t *testing.T) {
	corpus := knSynthetic(2000, 5)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(corpus))
	zw.Close()
	var progress strings.Builder
	m1, err := Train(&gz, TrainOptions{Order: 3, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	m2 := knTrain(t, corpus, 3)
	var a1, a2 bytes.Buffer
	m1.WriteARPA(&a1)
	m2.WriteARPA(&a2)
	if !bytes.Equal(a1.Bytes(), a2.Bytes()) {
		t.Error("the gzip-compressed corpus trained a different model")
	}
	if !strings.Contains(progress.String(), "estimated the order-3 model") {
		t.Errorf("no progress reported: %q", progress.String())
	}
}

// Running text is split into the sentences a corpus with one sentence a line
// would hold, so both train the same model.
func TestTrainRunningText(t *testing.T) {
	running := "The cat sat on the mat. A dog barked at it.\nThen the old bird\nflew away.\n\n  \nIt rained all day.\n"
	lines := "The cat sat on the mat.\nA dog barked at it.\nThen the old bird flew away.\nIt rained all day.\n"
	tr, err := NewTrainer(TrainOptions{Order: 3, RunningText: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.AddText(strings.NewReader(running)); err != nil {
		t.Fatal(err)
	}
	if tr.Sentences() != 4 {
		t.Errorf("running text gave %d sentences, want 4", tr.Sentences())
	}
	m1, err := tr.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	var a1, a2 bytes.Buffer
	m1.WriteARPA(&a1)
	knTrain(t, lines, 3).WriteARPA(&a2)
	if a1.String() != a2.String() {
		t.Errorf("running text and one sentence a line train different models:\n%s\n---\n%s", a1.String(), a2.String())
	}
}
