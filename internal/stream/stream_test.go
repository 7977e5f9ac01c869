package stream

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/unspin/unspin/internal/render"
	"github.com/unspin/unspin/internal/repair"
)

// small makes windows tiny so that short test inputs cross many cuts.
var small = Options{Jobs: 3, Min: 200, Max: 1000}

// fake proposes infantry -> military (applied) and bottom -> base (a
// suggestion) wherever they occur, as the CLI tests' fake does.
var fakeWord = regexp.MustCompile(`\b(infantry|bottom)\b`)

func fake(src []byte) ([]repair.Edit, error) {
	var edits []repair.Edit
	for _, m := range fakeWord.FindAllIndex(src, -1) {
		from := string(src[m[0]:m[1]])
		e := repair.Edit{Start: m[0], End: m[1], From: from, To: "military", Confidence: 0.9, Applied: true}
		if from == "bottom" {
			e.To, e.Confidence, e.Applied = "base", 0.3, false
		}
		edits = append(edits, e)
	}
	return edits, nil
}

func prose(n int) []byte {
	rng := rand.New(rand.NewSource(1))
	words := []string{"the", "infantry", "bottom", "stood", "near", "a", "river", "Mr.", "Smith", "said"}
	var b bytes.Buffer
	for b.Len() < n {
		for range 5 + rng.Intn(12) {
			b.WriteString(words[rng.Intn(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString([]string{". ", ".\n", ".\r\n", "!\n\n", "? "}[rng.Intn(5)])
	}
	return b.Bytes()
}

func collect(t *testing.T, src []byte, o Options) []Window {
	t.Helper()
	var ws []Window
	err := Run(bytes.NewReader(src), fake, o, func(w Window) error {
		ws = append(ws, w)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestWindowsAreTheInput checks the contract the CLI relies on: windows come
// in order, join to the input exactly, stay within Max, and their repaired
// text joins to what the edits make of the whole.
func TestWindowsAreTheInput(t *testing.T) {
	for name, src := range map[string][]byte{
		"prose":           prose(20000),
		"one long word":   bytes.Repeat([]byte("x"), 5000),
		"one long line":   bytes.ReplaceAll(prose(8000), []byte("\n"), []byte(" ")),
		"invalid utf8":    append(append(prose(3000), 0xff, 0xfe, 'a'), prose(3000)...),
		"multibyte cut":   bytes.Repeat([]byte("é"), 3000),
		"empty":           nil,
		"whitespace only": bytes.Repeat([]byte(" \t\r\n"), 700),
	} {
		t.Run(name, func(t *testing.T) {
			ws := collect(t, src, small)
			if len(src) > 4*small.Max && len(ws) < 4 {
				t.Errorf("%d windows for %d bytes: the input was not streamed", len(ws), len(src))
			}
			var joined, fixed bytes.Buffer
			var off int64
			for _, w := range ws {
				if w.Offset != off {
					t.Fatalf("window at %d, want %d", w.Offset, off)
				}
				if len(w.Src) > small.Max {
					t.Errorf("window of %d bytes, over Max %d", len(w.Src), small.Max)
				}
				off += int64(len(w.Src))
				joined.Write(w.Src)
				fixed.Write(w.Fixed())
			}
			if !bytes.Equal(joined.Bytes(), src) {
				t.Fatalf("windows do not join to the input")
			}
			edits, _ := fake(src)
			if want := repair.Apply(src, edits); !bytes.Equal(fixed.Bytes(), want) {
				t.Errorf("repaired windows differ from the repaired whole")
			}
			if name == "multibyte cut" {
				for _, w := range ws {
					if !bytes.HasPrefix(w.Src, []byte("é")) {
						t.Errorf("window at %d cuts a character", w.Offset)
					}
				}
			}
		})
	}
}

// TestOrderUnderParallelRepair makes later windows finish first.
func TestOrderUnderParallelRepair(t *testing.T) {
	src := prose(20000)
	slow := func(b []byte) ([]repair.Edit, error) {
		time.Sleep(time.Duration(len(b)%7) * time.Millisecond)
		return fake(b)
	}
	var out bytes.Buffer
	err := Run(bytes.NewReader(src), slow, Options{Jobs: 4, Min: 300, Max: 2000}, func(w Window) error {
		out.Write(w.Src)
		return nil
	})
	if err != nil || !bytes.Equal(out.Bytes(), src) {
		t.Fatalf("err %v; output in order: %v", err, bytes.Equal(out.Bytes(), src))
	}
}

func TestRunStops(t *testing.T) {
	src := prose(20000)
	stop := errors.New("stop")
	n := 0
	err := Run(bytes.NewReader(src), fake, small, func(Window) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err %v after %d windows; want stop after 3", err, n)
	}
	bad := func(b []byte) ([]repair.Edit, error) {
		return []repair.Edit{{Start: 0, End: len(b) + 1, From: "x", Applied: true}}, nil
	}
	if err := Run(bytes.NewReader(src), bad, small, func(Window) error { return nil }); err == nil || !strings.Contains(err.Error(), "invalid edit") {
		t.Errorf("edits outside the window: err %v", err)
	}
	failing := iotestErrReader{data: src[:5000], err: errors.New("disk gone")}
	if err := Run(&failing, fake, small, func(Window) error { return nil }); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("read error: err %v", err)
	}
}

type iotestErrReader struct {
	data []byte
	err  error
}

func (r *iotestErrReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestJSONPositionsAreGlobal: records written window by window carry the
// offsets, lines and columns of the whole input.
func TestJSONPositionsAreGlobal(t *testing.T) {
	src := prose(6000)
	var got bytes.Buffer
	var pos Pos
	for _, w := range collect(t, src, small) {
		if err := JSON(&got, "f", w, pos, w.Edits); err != nil {
			t.Fatal(err)
		}
		pos.Advance(w.Src)
	}
	var want bytes.Buffer
	edits, _ := fake(src)
	render.NewJSON(&want).Fixes("f", src, edits)
	if got.String() != want.String() {
		t.Errorf("windowed JSON differs from whole-file JSON")
	}
}

// TestDiffOfWindowsApplies: the stitched diff is one file's diff that patch
// turns into the repaired text; with one window it is render.Diff's output.
func TestDiffOfWindowsApplies(t *testing.T) {
	src := append(prose(6000), "last infantry line without newline"...)
	var stitched bytes.Buffer
	d := &Diff{W: &stitched, OldName: "a/f.txt", NewName: "b/f.txt"}
	for _, w := range collect(t, src, small) {
		if err := d.Add(w.Src, w.Edits); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stitched.String(), "\n--- a/f.txt\n") + strings.Count(stitched.String()[:6], "--- a/"); n != 1 {
		t.Errorf("%d file headers, want 1", n)
	}
	edits, _ := fake(src)
	all := make([]repair.Edit, len(edits))
	for i, e := range edits {
		e.Applied = true // a diff makes every edit it shows
		all[i] = e
	}
	want := repair.Apply(src, all)
	patchCheck(t, src, stitched.Bytes(), want)

	var one, whole bytes.Buffer
	d = &Diff{W: &one, OldName: "a/f.txt", NewName: "b/f.txt"}
	d.Add(src, edits)
	d.Close()
	render.Diff(&whole, "a/f.txt", "b/f.txt", src, edits)
	if one.String() != whole.String() {
		t.Errorf("single-window diff differs from render.Diff")
	}
}

func patchCheck(t *testing.T, src, diff, want []byte) {
	t.Helper()
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "f.txt")
	os.WriteFile(f, src, 0o644)
	cmd := exec.Command("patch", "-p1", "--quiet", "--no-backup-if-mismatch")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(f); !bytes.Equal(got, want) {
		t.Errorf("patched file differs from the repaired text")
	}
}

func TestDiffRefusesHugeLine(t *testing.T) {
	d := &Diff{W: &bytes.Buffer{}, OldName: "a/f", NewName: "b/f", MaxLine: 100}
	d.Add(bytes.Repeat([]byte("x"), 150), nil)
	if err := d.Add([]byte("more"), nil); err == nil || !strings.Contains(err.Error(), "line 1 is longer") {
		t.Errorf("err %v, want a line-too-long error", err)
	}
}

func TestMaskLongRuns(t *testing.T) {
	long := strings.Repeat("y", 40)
	src := []byte("the infantry " + long + " bottom infantry" + long + " infantry")
	var seen []byte
	fn := MaskLongRuns(func(b []byte) ([]repair.Edit, error) {
		seen = b
		return fake(b)
	}, 30)
	edits, err := fn(src)
	if err != nil || Check(src, edits) != nil {
		t.Fatalf("err %v, check %v", err, Check(src, edits))
	}
	if bytes.Contains(seen, []byte(long)) {
		t.Errorf("the repairer saw a long run: %q", seen)
	}
	var froms []string
	for _, e := range edits {
		froms = append(froms, e.From)
	}
	// "infantry"+long is one run: masked, so its word is not offered.
	if got := strings.Join(froms, ","); got != "infantry,bottom,infantry" {
		t.Errorf("edits on %s, want infantry,bottom,infantry", got)
	}
}

// windows returns the pieces Run cuts src into, read through r.
func windows(t *testing.T, r io.Reader, o Options) []string {
	t.Helper()
	var ws []string
	none := func([]byte) ([]repair.Edit, error) { return nil, nil }
	if err := Run(r, none, o, func(w Window) error { ws = append(ws, string(w.Src)); return nil }); err != nil {
		t.Fatal(err)
	}
	return ws
}

// smallReads reads at most 999 bytes at a time, as a slow pipe delivers.
type smallReads struct{ r io.Reader }

func (s smallReads) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), 999)]) }

// TestWindowsDependOnTheTextOnly: where windows end depends neither on how
// the input arrives nor on the length of its words, so that fixing the
// repaired text reads the same windows as fixing the spun text did.
func TestWindowsDependOnTheTextOnly(t *testing.T) {
	src := prose(200_000)
	o := Options{Jobs: 2, Min: 20_000, Max: 100_000}
	whole := windows(t, bytes.NewReader(src), o)
	if len(whole) < 5 {
		t.Fatalf("only %d windows", len(whole))
	}
	if small := windows(t, smallReads{bytes.NewReader(src)}, o); !slices.Equal(small, whole) {
		t.Errorf("read in small pieces, the input is cut into %d windows, read whole into %d", len(small), len(whole))
	}
	longer := func(s string) string { return strings.ReplaceAll(s, "infantry", "foot-soldiers") }
	repaired := windows(t, strings.NewReader(longer(string(src))), o)
	if len(repaired) != len(whole) {
		t.Fatalf("with longer words, %d windows instead of %d", len(repaired), len(whole))
	}
	for i := range whole {
		if repaired[i] != longer(whole[i]) {
			t.Errorf("window %d ends elsewhere once words are longer", i)
		}
	}
}

// TestWindowsRunConcurrently: with Jobs 2 two windows of one input are
// repaired at the same time, so that one large file uses two cores. Each
// call waits for the other; run one at a time they would time out.
func TestWindowsRunConcurrently(t *testing.T) {
	src := prose(4000)
	var arrived sync.WaitGroup
	arrived.Add(2)
	var calls atomic.Int32
	meet := func(b []byte) ([]repair.Edit, error) {
		if calls.Add(1) <= 2 {
			arrived.Done()
			done := make(chan struct{})
			go func() { arrived.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				return nil, errors.New("the other window never started: windows run one at a time")
			}
		}
		return fake(b)
	}
	err := Run(bytes.NewReader(src), meet, Options{Jobs: 2, Min: 300, Max: 2000}, func(Window) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() < 3 {
		t.Fatalf("%d windows; the test needs more than 2", calls.Load())
	}
}
