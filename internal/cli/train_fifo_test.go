//go:build unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An --arpa destination that is not a regular file (here a named pipe; in
// use, /dev/null or /dev/stdout) is written to, never renamed over.
func TestTrainARPAToPipe(t *testing.T) {
	dir := t.TempDir()
	corpus, fifo, bin := filepath.Join(dir, "c.txt"), filepath.Join(dir, "arpa.fifo"), filepath.Join(dir, "m.unlm")
	if err := os.WriteFile(corpus, []byte(trainCorpus(100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	code, _, stderr := runTrain(t, "--arpa", fifo, "-o", bin, corpus)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if arpa := <-got; !strings.HasPrefix(arpa, "\\data\\\n") || !strings.HasSuffix(arpa, "\\end\\\n") {
		t.Errorf("the pipe did not receive the ARPA text: %.60q", arpa)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v, %v", fi.Mode(), err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Error("no model written:", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("scratch files left behind: %v", entries)
	}
}
