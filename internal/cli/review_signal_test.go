//go:build linux

package cli

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// TestReviewCtrlCWritesNothing: Ctrl-C, a byte in raw mode, ends the review
// at once with exit 130, as git add -p: the file under review is not
// written, the one finished before it was.
func TestReviewCtrlCWritesNothing(t *testing.T) {
	testRepairFunc = fakeRepair
	t.Cleanup(func() { testRepairFunc = nil })
	t.Setenv("NO_COLOR", "1")
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("a.txt", []byte("A infantry.\n"), 0o644)
	os.WriteFile("b.txt", []byte("Infantry and more infantry.\n"), 0o644)
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	term := &terminal{t: t, master: master}
	go term.read()
	done := make(chan int)
	go func() {
		done <- Run([]string{"review", "a.txt", "b.txt"},
			Streams{In: tty, Out: io.Discard, Err: tty, InTTY: true, ErrTTY: true})
	}()
	term.expect("u,q,?]? ")
	term.press("y")
	term.expect("b.txt:1:1 (1/2)")
	term.expect("u,q,?]? ")
	term.press("y")
	term.expect("(2/2)")
	term.expect("u,q,?]? ")
	term.press("\x03")
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit code %d, want %d", code, ExitInterrupted)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("review did not end after Ctrl-C")
	}
	tty.Close()
	for name, want := range map[string]string{"a.txt": "A military.\n", "b.txt": "Infantry and more infantry.\n"} {
		if got, _ := os.ReadFile(name); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestReviewSignalRestoresTerminal: a review killed by SIGTERM, SIGHUP or
// SIGINT puts the terminal back as it found it (echo and line editing on),
// writes nothing and exits with 128 plus the signal's number.
func TestReviewSignalRestoresTerminal(t *testing.T) {
	bin, err := exec.LookPath("unspin")
	if err != nil {
		t.Skip("the unspin test command is not on PATH")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.txt")
			os.WriteFile(path, []byte("A infantry.\n"), 0o644)
			master, tty, err := pty.Open()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			defer master.Close()
			defer tty.Close()
			term := &terminal{t: t, master: master}
			go term.read()
			cmd := exec.Command(bin, "review", path)
			cmd.Stdin, cmd.Stderr = tty, tty
			cmd.Env = append(os.Environ(), "NO_COLOR=1")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			term.expect("u,q,?]? ")
			if echoOn(t, tty) {
				t.Fatal("the review is not in raw mode; the test would prove nothing")
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("exit %v, want status %d", err, 128+int(sig))
			}
			if !echoOn(t, tty) {
				t.Error("the terminal was left in raw mode")
			}
			if got, _ := os.ReadFile(path); string(got) != "A infantry.\n" {
				t.Errorf("file = %q, want it unwritten", got)
			}
		})
	}
}

func echoOn(t *testing.T, tty *os.File) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ECHO != 0 && tio.Lflag&unix.ICANON != 0
}
