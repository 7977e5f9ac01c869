package eval

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints the report for a person: counts, rates with the counts
// they come from, and with details the misses and wrong changes, one a line
// with the line and column to find them by.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "words scored          %d (%d unscored)\n", r.Words, r.Unscored)
	fmt.Fprintf(&b, "need repair           %d\n", r.NeedRepair)
	fmt.Fprintf(&b, "changed               %d\n", r.Changed)
	fmt.Fprintf(&b, "restored              %d\n", r.Restored)
	fmt.Fprintf(&b, "wrong changes         %d\n", r.Wrong)
	if other := r.Correct - r.Restored; other > 0 {
		// Correct counts them, Restored cannot: the spun word was right.
		fmt.Fprintf(&b, "right to right        %d (a gold alternative changed to another; counted correct)\n", other)
	}
	fmt.Fprintf(&b, "precision             %s\n", rate(r.Correct, r.Changed))
	fmt.Fprintf(&b, "recall                %s\n", rate(r.Restored, r.NeedRepair))
	fmt.Fprintf(&b, "F0.5                  %.3f\n", r.F05)
	fmt.Fprintf(&b, "detection precision   %s\n", rate(r.Detected, r.Changed))
	fmt.Fprintf(&b, "detection recall      %s\n", rate(r.Detected, r.NeedRepair))
	if r.Clean != nil {
		fmt.Fprintf(&b, "clean words changed   %s\n", percent(r.Clean.Changed, r.Clean.Words))
	}
	writePositions(&b, "miss", r.Misses)
	writePositions(&b, "wrong", r.WrongChanges)
	if r.Clean != nil {
		writePositions(&b, "clean", r.Clean.Changes)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func rate(a, b int) string {
	if b == 0 {
		return "n/a (0 of 0)"
	}
	return fmt.Sprintf("%.3f (%d of %d)", ratio(a, b), a, b)
}

func percent(a, b int) string {
	if b == 0 {
		return "n/a (0 of 0)"
	}
	return fmt.Sprintf("%.2f%% (%d of %d)", 100*ratio(a, b), a, b)
}

func writePositions(b *strings.Builder, kind string, ps []Position) {
	for _, p := range ps {
		fmt.Fprintf(b, "%s\tline %d word %d\tspun %q", kind, p.Line, p.Column, p.Spun)
		if p.Gold != "" {
			fmt.Fprintf(b, "\tgold %q", p.Gold)
		}
		fmt.Fprintf(b, "\trepaired %q\n", p.Repaired)
	}
}
