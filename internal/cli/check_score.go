package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/unspin/unspin/internal/repair"
)

// defaultThreshold is the score above which check calls a document spun,
// chosen by measurement (docs/learning.md).
const defaultThreshold = 0.5

// checkVerdict is check's report on one document.
type checkVerdict struct {
	Type         string         `json:"type"`
	Path         string         `json:"path"`
	Score        float64        `json:"score"`
	Spun         bool           `json:"spun"`
	Words        int            `json:"words"`
	ContentRate  float64        `json:"content_rate"`
	FunctionRate float64        `json:"function_rate"`
	Changed      float64        `json:"changed"` // share of words whose likely original differs
	Examples     []checkExample `json:"examples"`
}

type checkExample struct {
	Spun       string  `json:"spun"`
	Original   string  `json:"original"`
	Confidence float64 `json:"confidence"`
}

func verdictOf(path string, a repair.Assessment, threshold float64) checkVerdict {
	v := checkVerdict{
		Type: "document", Path: path, Words: a.Words,
		ContentRate: round3(a.ContentRate), FunctionRate: round3(a.FunctionRate),
		Changed: round3(a.Changed / float64(max(a.Words, 1))), Examples: []checkExample{},
	}
	v.Score = round3(spunScore(a))
	v.Spun = v.Score > threshold
	for _, e := range a.Examples {
		v.Examples = append(v.Examples, checkExample{e.Spun, e.Original, round3(e.Posterior)})
	}
	return v
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// spunScore maps a document's evidence to [0, 1]: a logistic of the mean
// of its estimated content spin rate over 10% and its share of likely
// changed words over 3%. Those are the midpoints of the gaps measured on
// 40-sentence Brown news documents (docs/learning.md): spun ones showed
// rates of 16-39% and 4-15% changed, clean news and modern prose 0.3-6%
// and 0-1.6%. The slope puts both populations' extremes beyond 0.85 and
// 0.15.
func spunScore(a repair.Assessment) float64 {
	changed := a.Changed / float64(max(a.Words, 1))
	z := 0.5*a.ContentRate/0.10 + 0.5*changed/0.03
	return 1 / (1 + math.Exp(-6*(z-1)))
}

// writeRecord writes v as one JSON Lines record.
func writeRecord(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func (v checkVerdict) flagged() bool { return v.Spun }

func (v checkVerdict) write(w io.Writer, format string) error {
	if format == "json" {
		return writeRecord(w, v)
	}
	label := "clean"
	if v.Spun {
		label = "spun"
	}
	var ex []string
	for _, e := range v.Examples {
		ex = append(ex, e.Spun+"→"+e.Original)
	}
	_, err := fmt.Fprintf(w, "%s: %s %.2f (spin rate %.0f%%, %.1f%% of %d words likely changed%s)\n",
		v.Path, label, v.Score, 100*v.ContentRate, 100*v.Changed, v.Words, examplesText(ex))
	return err
}

// checkSummary counts a run's verdicts.
type checkSummary struct {
	Type      string `json:"type"`
	Documents int    `json:"documents"`
	Spun      int    `json:"spun"`
	Errors    int    `json:"errors"` // documents that could not be read
}

func (c *checkSummary) unreadable(n int) { c.Errors += n }

func (c *checkSummary) add(v checkVerdict) {
	c.Documents++
	if v.Spun {
		c.Spun++
	}
}

// write prints the summary as the last JSON record, or in text format as a
// line on a terminal's stderr, where it cannot mix with the verdicts a
// script reads.
func (c checkSummary) write(s Streams, format string) error {
	if format == "json" {
		c.Type = "summary"
		return writeRecord(s.Out, c)
	}
	if s.ErrTTY && c.Documents+c.Errors > 1 {
		fmt.Fprintf(s.Err, "unspin: %d of %d documents spun", c.Spun, c.Documents)
		if c.Errors > 0 {
			fmt.Fprintf(s.Err, ", %d unreadable", c.Errors)
		}
		fmt.Fprintln(s.Err)
	}
	return nil
}

func examplesText(ex []string) string {
	if len(ex) == 0 {
		return ""
	}
	return ": " + strings.Join(ex, ", ")
}
