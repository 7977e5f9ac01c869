package cli

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillDuringWrite kills "unspin fix -w" with SIGKILL at random moments
// and checks that every file is then either its original or its fully
// repaired version, never a mix, and that a second run finishes the job.
// The child is this test binary acting as unspin with the fake repairer
// (TestMain); "slowly" makes each repair take 50 ms, so that kills land
// while files, including streamed ones, are being written.
func TestKillDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	bin, err := exec.LookPath("unspin")
	if err != nil {
		t.Skip("the unspin test command is not on PATH")
	}
	orig := killTree()
	want := map[string][]byte{}
	full := t.TempDir()
	writeTree(t, full, orig)
	start := time.Now()
	if out, err := exec.Command(bin, "fix", "-w", "-j", "2", full).CombinedOutput(); err != nil {
		t.Fatalf("run to completion: %v\n%s", err, out)
	}
	took := time.Since(start)
	for name := range orig {
		want[name], _ = os.ReadFile(filepath.Join(full, name))
		if bytes.Equal(want[name], orig[name]) {
			t.Fatalf("%s: the fake made no change; the test would prove nothing", name)
		}
	}

	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	mixed := 0 // runs killed with some files done and some not
	const runs = 6
	for i := range runs {
		dir := t.TempDir()
		writeTree(t, dir, orig)
		cmd := exec.Command(bin, "fix", "-w", "-j", "2", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(float64(took) * (0.05 + 0.9*rng.Float64()))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		done, left := 0, 0
		for name := range orig {
			got, err := os.ReadFile(filepath.Join(dir, name))
			switch {
			case err != nil:
				t.Errorf("run %d (killed after %v): %s: %v", i, delay, name, err)
			case bytes.Equal(got, want[name]):
				done++
			case bytes.Equal(got, orig[name]):
				left++
			default:
				t.Errorf("run %d (killed after %v): %s is neither original nor repaired (%d bytes)", i, delay, name, len(got))
			}
		}
		if done > 0 && left > 0 {
			mixed++
		}
		// A killed run leaves at most hidden temporary files, which a
		// second run does not take for input; it finishes the job.
		if out, err := exec.Command(bin, "fix", "-w", dir).CombinedOutput(); err != nil {
			t.Fatalf("run %d: second run: %v\n%s", i, err, out)
		}
		for name := range orig {
			if got, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(got, want[name]) {
				t.Errorf("run %d: %s not repaired by the second run", i, name)
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if _, ok := orig[e.Name()]; !ok && !strings.HasPrefix(e.Name(), ".") {
				t.Errorf("run %d: visible stray file %s", i, e.Name())
			}
		}
	}
	t.Logf("full run %v; %d of %d kills landed between the first and the last file", took, mixed, runs)
}

// killTree is a tree of small files, read whole, and a large one, streamed
// with -w through a temporary file written window by window.
func killTree() map[string][]byte {
	files := map[string][]byte{}
	for i := range 16 {
		files[fmt.Sprintf("small%02d.txt", i)] = []byte(fmt.Sprintf("File %d: the infantry moved slowly.\r\nThe bottom.\n", i))
	}
	para := []byte("The infantry moved slowly to the bottom of the hill. Infantry, infantry!\n\n")
	files["large.txt"] = bytes.Repeat(para, int(streamAbove)/len(para)*2)
	return files
}

func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
