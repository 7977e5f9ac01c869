package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParallelMatchesSequential: -j 4 over a tree gives what -j 1 gives, in
// every mode, byte for byte, and -w leaves the same files. Two early files
// contain "slowly" so that workers finish out of order; the longer files are
// streamed. Run under -race, it also checks the workers share nothing
// unguarded (the data is small to keep the race detector quick).
func TestParallelMatchesSequential(t *testing.T) {
	withRepair(t, fakeRepair)
	withStreaming(t)
	streamAbove = 600 // files longer than this are streamed, in 64-512 byte windows
	tree := map[string]string{}
	for i := range 12 {
		var b strings.Builder
		if i == 1 || i == 4 {
			b.WriteString("It came slowly.\n") // finishes after later files
		}
		for j := range 3 + i*5 {
			b.WriteString([]string{"The infantry stood. ", "A bottom!\n", "Infantry moved.\r\n", "\n"}[(i+j)%4])
		}
		tree[fmt.Sprintf("d%d/f%02d.txt", i%3, i)] = b.String()
	}
	tree["d0/bin.dat"] = "\x00\x01infantry"
	tree["d1/utf16.txt"] = utf16LE("infantry", true)
	mk := func() string {
		dir := t.TempDir()
		for name, content := range tree {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(content), 0o644)
		}
		return dir
	}
	dir := mk()
	modes := [][]string{{}, {"-l"}, {"-d", "--suggest"}, {"--format", "json", "--suggest"}, {"--check"}, {"-v"}}
	for _, mode := range modes {
		var outs [2]string
		for k, j := range []string{"1", "4"} {
			args := append(append([]string{"fix", "-j", j}, mode...), dir)
			code, out, errs := runIn(args, "")
			outs[k] = fmt.Sprintf("exit %d\n%s\nstderr:\n%s", code, out, errs)
		}
		if outs[0] != outs[1] {
			t.Errorf("fix %q: -j 4 differs from -j 1:\n%s\n---\n%s", mode, outs[1], outs[0])
		}
	}
	seq, par := mk(), mk()
	runIn([]string{"fix", "-w", "-j", "1", seq}, "")
	runIn([]string{"fix", "-w", "-j", "4", par}, "")
	changed := 0
	for name, content := range tree {
		a, _ := os.ReadFile(filepath.Join(seq, name))
		b, _ := os.ReadFile(filepath.Join(par, name))
		if string(a) != string(b) {
			t.Errorf("-w: %s differs between -j 1 and -j 4", name)
		}
		if string(a) != content {
			changed++
		}
	}
	if changed < 10 {
		t.Errorf("only %d files changed: the test proves little", changed)
	}
}
