package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal is the far side of a pseudo-terminal: what the user sees and
// types.
type terminal struct {
	t      *testing.T
	master *os.File
	mu     sync.Mutex
	seen   bytes.Buffer
}

func (term *terminal) read() {
	buf := make([]byte, 1024)
	for {
		n, err := term.master.Read(buf)
		term.mu.Lock()
		term.seen.Write(buf[:n])
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// expect waits until the screen shows want after what was already matched
// and consumes it.
func (term *terminal) expect(want string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		s := term.seen.String()
		if i := strings.Index(s, want); i >= 0 {
			term.seen.Next(i + len(want))
			term.mu.Unlock()
			return
		}
		term.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("the terminal never showed %q; it shows:\n%s", want, term.seen.String())
}

// press types keys with no newline: a terminal not in raw mode would hold
// them until Enter and the next expect would time out.
func (term *terminal) press(keys string) {
	term.t.Helper()
	if _, err := io.WriteString(term.master, keys); err != nil {
		term.t.Fatal(err)
	}
}

func TestReviewRawKeysOnTerminal(t *testing.T) {
	testRepairFunc = fakeRepair
	t.Cleanup(func() { testRepairFunc = nil })
	t.Setenv("NO_COLOR", "1")
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name, s string) { os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644) }
	write("a.txt", "A infantry bottom.\n")
	write("b.txt", "Infantry and more infantry.\n")
	write("c.txt", "a bottom infantry\n")

	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	term := &terminal{t: t, master: master}
	go term.read()
	done := make(chan int)
	go func() {
		done <- Run([]string{"review", "--suggest", "a.txt", "b.txt", "c.txt"},
			Streams{In: tty, Out: io.Discard, Err: tty, InTTY: true, ErrTTY: true})
	}()

	prompt := "u,q,?]? "
	term.expect("[-infantry-]{+military+} bottom.\r\n") // NO_COLOR: plain marks, raw-mode line ends
	term.expect(prompt)
	term.press("y")
	term.expect("bottom -> base")
	term.expect(prompt)
	term.press("e")
	term.expect(`Replace "bottom" with: `)
	term.press("basx\x7fe\r")
	term.expect("b.txt:1:1 (1/2)")
	term.expect(prompt)
	term.press("n")
	term.expect("(2/2)")
	term.expect(prompt)
	term.press("u")
	term.expect("undone: Infantry -> Military")
	term.expect(prompt)
	term.press("A")
	term.expect("b.txt:1:19: infantry -> military accepted (always)")
	term.expect("c.txt:1:3 (1/2)  bottom -> base")
	term.expect(prompt)
	term.press("q")

	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("review did not end after q")
	}
	tty.Close()
	for name, want := range map[string]string{
		"a.txt":            "A military base.\n",
		"b.txt":            "Military and more military.\n",
		"c.txt":            "a bottom infantry\n",
		".unspin-deny.txt": denyHeader + "infantry -> military\n",
	} {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		if string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
