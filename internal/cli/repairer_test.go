package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestRepairFlagsOutOfRange: a confidence outside [0,1] or fewer than one
// candidate is a usage error naming the flag, not a silent run that fixes
// nothing.
func TestRepairFlagsOutOfRange(t *testing.T) {
	for _, args := range [][]string{
		{"fix", "--min-confidence", "2"},
		{"fix", "--min-confidence", "-0.1"},
		{"fix", "--candidates", "0"},
	} {
		var out, errb bytes.Buffer
		code := Run(args, Streams{In: strings.NewReader("a infantry bottom\n"), Out: &out, Err: &errb})
		if code != ExitError || !strings.Contains(errb.String(), args[1]) || out.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming %s and no output", args, code, out.String(), errb.String(), args[1])
		}
	}
}
