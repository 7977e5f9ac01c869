package cli

import (
	"bytes"
	"strings"
	"testing"
)

// A record far longer than any scanner buffer is read and written whole.
func TestJSONLLongRecord(t *testing.T) {
	testRepairFunc = fakeRepair
	defer func() { testRepairFunc = nil }()
	long := strings.Repeat("the infantry walked on. ", 200_000) // 4.8 MB
	in := `{"id":1,"text":"` + long + `","tail":true}` + "\n" + `{"text":"bottom"}` + "\n"
	var out, errs bytes.Buffer
	code := Run([]string{"fix", "--input-format", "jsonl", "-j", "2"}, Streams{In: strings.NewReader(in), Out: &out, Err: &errs})
	want := strings.ReplaceAll(in, "infantry", "military")
	if code != 0 || out.String() != want {
		t.Errorf("exit %d, stderr %q; output of %d bytes equal to the wanted %d: %v",
			code, errs.String(), out.Len(), len(want), out.String() == want)
	}
}
