package unspinbeam

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/unspin/unspin"
	"github.com/unspin/unspin/internal/cli"
	"github.com/unspin/unspin/internal/testdata"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// Every way of repairing a document gives the same text: the command on
// that document alone, the command's JSON Lines mode, the API, and this
// pipeline over JSON Lines and over text files, on Prism.
func TestSameTextEveryWay(t *testing.T) {
	docs := testdata.Documents(t)
	dir := t.TempDir()
	var records bytes.Buffer
	for i, d := range docs {
		rec, _ := json.Marshal(map[string]any{"id": fmt.Sprint(i), "text": d, "metadata": map[string]int{"n": i}})
		records.Write(append(rec, '\n'))
		if i == 10 {
			records.WriteString("not a record\n{\"id\":\"x\",\"text\":7}\n")
		}
	}
	in := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(in, records.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	texts := filepath.Join(dir, "texts")
	os.Mkdir(texts, 0o755)
	for i, d := range docs[:50] {
		os.WriteFile(filepath.Join(texts, fmt.Sprintf("%03d.txt", i)), []byte(d), 0o644)
	}

	counts := run(t, Config{Input: in, Output: filepath.Join(dir, "out", "jsonl"), Shards: 3, Parallel: 3, Repair: withCounts()})
	if counts["documents"] != int64(len(docs)) || counts["bad_records"] != 2 {
		t.Errorf("counters %v: want %d documents and 2 bad records", counts, len(docs))
	}
	byJSONL := readShards(t, filepath.Join(dir, "out", "jsonl"), 3)
	run(t, Config{Input: filepath.Join(texts, "*.txt"), Output: filepath.Join(dir, "out", "text"), Repair: withCounts()})
	byFile := readShards(t, filepath.Join(dir, "out", "text"), 1)

	conf := filepath.Join(dir, "empty.toml")
	os.WriteFile(conf, nil, 0o644)
	cliJSONL := map[string]record{}
	for _, line := range lines(runCLI(t, records.String(), "fix", "--config", conf, "--input-format", "jsonl", "--counts-field", "unspin", "--skip-bad")) {
		r := parse(t, line)
		cliJSONL[r.ID] = r
	}
	r, err := unspin.New()
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		id := fmt.Sprint(i)
		alone := runCLI(t, d, "fix", "--config", conf)
		api, err := r.Repair(d)
		if err != nil {
			t.Fatal(err)
		}
		got := byJSONL[id]
		if got.Text != alone || cliJSONL[id].Text != alone || api.Text != alone {
			t.Errorf("document %d %.60q:\n fix    %q\n jsonl  %q\n API    %q\n Beam   %q", i, d, alone, cliJSONL[id].Text, api.Text, got.Text)
		}
		if got.line != cliJSONL[id].line {
			t.Errorf("document %d: the pipeline's record\n %s\nis not the command's\n %s", i, got.line, cliJSONL[id].line)
		}
		if i < 50 {
			if f := byFile[filepath.Join(texts, fmt.Sprintf("%03d.txt", i))]; f.Text != alone || f.Unspin != got.Unspin {
				t.Errorf("document %d as a text file: %q %+v, want %q %+v", i, f.Text, f.Unspin, alone, got.Unspin)
			}
		}
	}
}

func withCounts() Repair {
	r := DefaultRepair()
	r.CountsField = "unspin"
	return r
}

// run runs the pipeline and returns its counters.
func run(t *testing.T, c Config) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, c); err != nil {
		t.Fatal(err)
	}
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int64{}
	for _, m := range res.Metrics().AllMetrics().Counters() {
		counts[m.Key.Name] = m.Committed
	}
	return counts
}

type record struct {
	ID     string
	Text   string
	Unspin struct{ Words, Fixes, Suggestions int }
	line   string
}

func parse(t *testing.T, line string) record {
	t.Helper()
	var r record
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("record %q: %v", line, err)
	}
	r.line = line
	return r
}

// readShards reads the records of every shard, by id.
func readShards(t *testing.T, prefix string, shards int) map[string]record {
	t.Helper()
	out := map[string]record{}
	for i := range shards {
		data, err := os.ReadFile(ShardName(prefix, i, shards))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines(string(data)) {
			r := parse(t, line)
			out[r.ID] = r
		}
	}
	return out
}

func lines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func runCLI(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := cli.Run(args, cli.Streams{In: strings.NewReader(stdin), Out: &out, Err: &errs}); code != 0 {
		t.Fatalf("unspin %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}
