package review

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/repair"
)

// fixes proposes infantry->military (alternative troops) and
// bottom->base wherever the words occur.
func fixes(src string) []repair.Edit {
	var edits []repair.Edit
	for _, m := range regexp.MustCompile(`infantry|bottom`).FindAllStringIndex(src, -1) {
		from := src[m[0]:m[1]]
		to := map[string]string{"infantry": "military", "bottom": "base"}[from]
		edits = append(edits, repair.Edit{Start: m[0], End: m[1], From: from, To: to, Confidence: 0.9,
			Alternatives: []repair.Alternative{{Word: "troops", Confidence: 0.05}}, Source: "thesaurus", Applied: true})
	}
	return edits
}

// run reviews the texts in order with the scripted keys (one a line) and
// returns the texts with the accepted fixes made, the session and its UI.
func run(t *testing.T, keys string, texts ...string) ([]string, *Session, string) {
	t.Helper()
	var ui bytes.Buffer
	s := New(Options{UI: &ui, Keys: LineKeys(strings.NewReader(keys))})
	var out []string
	for i, src := range texts {
		acc, err := s.File("f"+string(rune('1'+i)), []byte(src), fixes(src))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(repair.Apply([]byte(src), acc)))
	}
	return out, s, ui.String()
}

func TestKeys(t *testing.T) {
	const src = "a infantry bottom; infantry bottom.\n"
	for _, c := range []struct{ name, keys, want string }{
		{"y and n", "y\nn\nn\ny\n", "a military bottom; infantry base.\n"},
		{"a accepts the rest", "n\na\n", "a infantry base; military base.\n"},
		{"d rejects the rest", "y\nd\n", "a military bottom; infantry bottom.\n"},
		{"alternative", "1\nn\nn\nn\n", "a troops bottom; infantry bottom.\n"},
		{"typed", "e\nsoldiers\nd\n", "a soldiers bottom; infantry bottom.\n"},
		{"empty typed asks again", "e\n\nn\nd\n", src},
		{"blank lines and unknown keys", "\n\nx\ny\nd\n", "a military bottom; infantry bottom.\n"},
		{"undo", "y\nu\nn\ny\nd\n", "a infantry base; infantry bottom.\n"},
		{"undo twice", "y\ny\nu\nu\nn\ny\nd\n", "a infantry base; infantry bottom.\n"},
		{"quit keeps what was accepted", "y\nq\n", "a military bottom; infantry bottom.\n"},
		{"end of keys quits", "y\n", "a military bottom; infantry bottom.\n"},
	} {
		out, _, ui := run(t, c.keys, src)
		if out[0] != c.want {
			t.Errorf("%s: got %q, want %q\n%s", c.name, out[0], c.want, ui)
		}
	}
}

func TestQuitSkipsLaterFiles(t *testing.T) {
	out, s, _ := run(t, "y\nq\n", "infantry bottom\n", "infantry\n")
	if out[0] != "military bottom\n" || out[1] != "infantry\n" || !s.Quit() {
		t.Errorf("got %q, quit %v", out, s.Quit())
	}
}

func TestAcceptEverywhere(t *testing.T) {
	out, s, ui := run(t, "A\nn\nn\nd\n", "infantry bottom infantry\n", "bottom infantry\n")
	want := []string{"military bottom military\n", "bottom military\n"}
	if strings.Join(out, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q\n%s", out, want, ui)
	}
	always, never := s.Remembered()
	if len(always) != 1 || always[0] != (policy.Pair{Spun: "infantry", Original: "military"}) || len(never) != 0 {
		t.Errorf("remembered %v %v", always, never)
	}
	if !strings.Contains(ui, "f2:1:8: infantry -> military accepted (always)") {
		t.Errorf("the automatic acceptance is not shown:\n%s", ui)
	}
	if s.Shown != 3 || s.Accepted != 3 {
		t.Errorf("shown %d accepted %d, want 3 and 3", s.Shown, s.Accepted)
	}
}

func TestNeverAndUndoForgets(t *testing.T) {
	out, s, _ := run(t, "N\ny\n", "infantry bottom infantry\n")
	if out[0] != "infantry base infantry\n" {
		t.Errorf("N: got %q", out[0])
	}
	if _, never := s.Remembered(); len(never) != 1 || never[0].Spun != "infantry" {
		t.Errorf("never = %v", never)
	}
	// Undo after A takes back the later automatic acceptance and the pair.
	out, s, _ = run(t, "A\nu\ny\nn\nn\n", "infantry bottom infantry\n")
	if out[0] != "military bottom infantry\n" {
		t.Errorf("undo A: got %q", out[0])
	}
	if always, _ := s.Remembered(); len(always) != 0 {
		t.Errorf("undone A still remembered: %v", always)
	}
}

func TestUndoAtStartOfFile(t *testing.T) {
	out, _, ui := run(t, "u\ny\nd\n", "infantry bottom\n")
	if out[0] != "military bottom\n" || !strings.Contains(ui, "nothing to undo in this file") {
		t.Errorf("got %q\n%s", out[0], ui)
	}
}

func TestShow(t *testing.T) {
	_, _, ui := run(t, "?\nq\n", "The day was long.\nThey stood at\nthe bottom of a hill.\n")
	for _, want := range []string{
		"f1:3:5 (1/1)  bottom -> base\n",
		"  They stood at the [-bottom-]{+base+} of a hill.\n",
		"  confidence 0.90, source thesaurus\n",
		"  alternatives: 1 troops (0.05)\n",
		"Accept [y,n,a,d,1,e,A,N,u,q,?]? ?\n",
		"u - undo the last decision in this file\n",
	} {
		if !strings.Contains(ui, want) {
			t.Errorf("missing %q in\n%s", want, ui)
		}
	}
	if strings.Contains(ui, "\x1b") {
		t.Error("colour without Color")
	}
	var b bytes.Buffer
	s := New(Options{UI: &b, Keys: LineKeys(strings.NewReader("y\n")), Color: true})
	s.File("c", []byte("a bottom\n"), fixes("a bottom\n"))
	if !strings.Contains(b.String(), "a "+red+"bottom"+reset+green+"base"+reset) {
		t.Errorf("colour marking missing: %q", b.String())
	}
}

func TestRawKeysLine(t *testing.T) {
	var echo bytes.Buffer
	k := RawKeys(strings.NewReader("\r ysoldx\x7fiers\r\x03"), &echo)
	if r, err := k.Key(); r != 'y' || err != nil {
		t.Errorf("Key = %q, %v", r, err)
	}
	if l, err := k.Line(); l != "soldiers" || err != nil {
		t.Errorf("Line = %q, %v", l, err)
	}
	if echo.String() != "soldx\b \biers\r\n" {
		t.Errorf("echo = %q", echo.String())
	}
	if _, err := k.Key(); err != ErrInterrupted {
		t.Errorf("Ctrl-C: %v, want ErrInterrupted", err)
	}
	if _, err := RawKeys(strings.NewReader("\x04"), &echo).Key(); err != io.EOF {
		t.Errorf("Ctrl-D: %v, want io.EOF (a quit)", err)
	}
}
