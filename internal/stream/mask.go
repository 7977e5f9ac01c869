package stream

import (
	"github.com/unspin/unspin/internal/repair"
)

// MaxRun is the longest run of non-space bytes MaskLongRuns passes to the
// repairer as it is. No English word comes near it; a run this long is a
// hash, base64 or a minified line, and the lexicon's spelling fallback costs
// the square of a word's length (a 3 KB word took half a gigabyte).
const MaxRun = 256

// runPlaceholder stands in for a masked run: a number, which the repairer
// leaves alone and which keeps the sentence around it a sentence.
const runPlaceholder = "0"

// MaskLongRuns wraps a repair function so that runs of more than max
// non-space bytes are replaced by a short placeholder before fn sees the
// text, and the edits are mapped back to the original offsets. Edits that
// touch a placeholder are dropped: nothing inside a masked run is changed.
func MaskLongRuns(fn func([]byte) ([]repair.Edit, error), max int) func([]byte) ([]repair.Edit, error) {
	return func(src []byte) ([]repair.Edit, error) {
		runs := longRuns(src, max)
		if len(runs) == 0 {
			return fn(src)
		}
		masked := make([]byte, 0, len(src))
		type span struct{ mStart, mEnd, shift int } // placeholder in masked, and orig-masked offset after it
		spans := make([]span, 0, len(runs))
		last := 0
		for _, r := range runs {
			masked = append(masked, src[last:r[0]]...)
			start := len(masked)
			masked = append(masked, runPlaceholder...)
			spans = append(spans, span{start, len(masked), r[1] - len(masked)})
			last = r[1]
		}
		masked = append(masked, src[last:]...)
		edits, err := fn(masked)
		if err != nil {
			return nil, err
		}
		out := edits[:0]
		k, shift := 0, 0 // spans passed, and the offset shift they add
		for _, e := range edits {
			for k < len(spans) && spans[k].mEnd <= e.Start {
				shift = spans[k].shift
				k++
			}
			if k < len(spans) && e.End > spans[k].mStart {
				continue // touches the placeholder
			}
			e.Start += shift
			e.End += shift
			out = append(out, e)
		}
		return out, nil
	}
}

// longRuns returns the [start, end) of each run of more than max bytes that
// are not ASCII white space.
func longRuns(src []byte, max int) [][2]int {
	var runs [][2]int
	start := -1
	for i := 0; i <= len(src); i++ {
		space := i == len(src) || src[i] == ' ' || src[i] == '\n' || src[i] == '\t' || src[i] == '\r' || src[i] == '\f' || src[i] == '\v'
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			if i-start > max {
				runs = append(runs, [2]int{start, i})
			}
			start = -1
		}
	}
	return runs
}
