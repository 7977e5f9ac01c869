package unspin_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin"
	"github.com/unspin/unspin/internal/cli"
	"github.com/unspin/unspin/internal/testdata"
)

// Every way of repairing a document gives the same text: the command on
// that document alone, the command's JSON Lines mode over the corpus, the
// API's Repair and its RepairRecord.
func TestSameTextEveryWay(t *testing.T) {
	if testing.Short() {
		t.Skip("repairs the corpus four ways")
	}
	// No .unspin.toml above the test may change the command's settings.
	conf := filepath.Join(t.TempDir(), "empty.toml")
	if err := os.WriteFile(conf, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := testdata.Documents(t)
	r, err := unspin.New()
	if err != nil {
		t.Fatal(err)
	}
	var records bytes.Buffer
	for i, d := range docs {
		rec, _ := json.Marshal(map[string]any{"id": i, "text": d, "metadata": map[string]int{"n": i}})
		records.Write(append(rec, '\n'))
	}
	viaJSONL := fixedTexts(t, runCLI(t, records.String(), "fix", "--config", conf, "--input-format", "jsonl", "-j", "2"))
	if len(viaJSONL) != len(docs) {
		t.Fatalf("the JSON Lines mode wrote %d records for %d", len(viaJSONL), len(docs))
	}
	changed := 0
	for i, d := range docs {
		alone := runCLI(t, d, "fix", "--config", conf)
		res, err := r.Repair(d)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"text": d})
		rec, _, err := r.RepairRecord(line, unspin.RecordOptions{})
		if err != nil {
			t.Fatal(err)
		}
		viaRecord := fixedTexts(t, string(rec)+"\n")[0]
		if res.Text != alone || viaJSONL[i] != alone || viaRecord != alone {
			t.Errorf("document %d %.60q:\n fix        %q\n jsonl      %q\n Repair     %q\n RepairRecord %q",
				i, d, alone, viaJSONL[i], res.Text, viaRecord)
		}
		if alone != d {
			changed++
		}
	}
	if changed < len(docs)/3 {
		t.Errorf("only %d of %d documents changed: the corpus does not exercise the repairer", changed, len(docs))
	}
}

func runCLI(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := cli.Run(args, cli.Streams{In: strings.NewReader(stdin), Out: &out, Err: &errs}); code != 0 {
		t.Fatalf("unspin %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}

// fixedTexts are the texts of the records in a JSON Lines output.
func fixedTexts(t *testing.T, out string) []string {
	t.Helper()
	var texts []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("record %q: %v", sc.Text(), err)
		}
		texts = append(texts, rec.Text)
	}
	return texts
}
