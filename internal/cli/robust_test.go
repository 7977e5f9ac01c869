package cli

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/stream"
)

// fakeFixed is what the fake repairer makes of src.
func fakeFixed(src string) string { return string(repair.Apply([]byte(src), fakeRepair([]byte(src)))) }

// withStreaming streams every non-empty file in tiny windows, so that small
// test inputs go through the path a 200 MB file takes.
func withStreaming(t *testing.T) {
	oldAbove, oldWin := streamAbove, streamWindows
	streamAbove, streamWindows = 0, stream.Options{Min: 64, Max: 512}
	t.Cleanup(func() { streamAbove, streamWindows = oldAbove, oldWin })
}

func runIn(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func utf16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// badInputs are the inputs of docs/robustness.md. skip is the reason on
// stderr when the input is left alone; otherwise the fake's repair is
// expected (want, when the content is not UTF-8), every other byte kept.
var badInputs = []struct {
	name, content, skip, want string
}{
	{"empty", "", "", ""},
	{"whitespace", " \t\n\r\n  \n", "", ""},
	{"crlf", "The infantry\r\nbottom\r\n\r\nend\r\n", "", ""},
	{"mixed endings", "infantry\nA infantry\r\nthe infantry\rend", "", ""},
	{"utf8 bom", "\xef\xbb\xbfInfantry first.\n", "", ""},
	{"invalid utf8 late", strings.Repeat("The infantry stood. ", 500) + "caf\xe9 infantry\n", "", ""},
	{"other language", "Le soldat de l'infanterie. 歩兵の基地。 infantry\n", "", ""},
	{"long word", "a " + strings.Repeat("infantry", 5000) + " infantry\n", "", ""},
	{"latin-1", "caf\xe9 au lait infantry\n", "", "caf\xe9 au lait military\n"},
	{"nul", "infantry\x00infantry", "binary file", ""},
	{"utf16 bom", utf16LE("The infantry base.\n", true), "", utf16LE("The military base.\n", true)},
	{"utf16 no bom", utf16LE("The infantry base was here.\n", false), "", utf16LE("The military base was here.\n", false)},
	{"utf32", "\xff\xfe\x00\x00i\x00\x00\x00", "unsupported encoding UTF-32", ""},
}

// TestBadInputs runs each bad input through -w and through stdout, read
// whole and streamed: a repair that keeps every byte outside the edits, or,
// found in a directory, a one-line skip that leaves the file alone (named,
// the file is an error, exit 2).
func TestBadInputs(t *testing.T) {
	withRepair(t, fakeRepair)
	for _, streamed := range []bool{false, true} {
		for _, in := range badInputs {
			name := in.name
			if streamed {
				name += "/streamed"
			}
			t.Run(name, func(t *testing.T) {
				if streamed {
					withStreaming(t)
				}
				want := fakeFixed(in.content)
				if in.want != "" {
					want = in.want
				}
				if in.name == "long word" { // the long run is masked: only the last word changes
					want = strings.TrimSuffix(in.content, "infantry\n") + "military\n"
				}
				if in.skip != "" {
					want = in.content
				}
				dir := t.TempDir()
				p := filepath.Join(dir, "in.txt")
				os.WriteFile(p, []byte(in.content), 0o644)
				if in.skip != "" {
					code, _, errs := runIn([]string{"fix", p}, "")
					if code != ExitError || !strings.Contains(errs, p+": "+in.skip+"; not repaired") {
						t.Errorf("named: exit %d, stderr %q; want 2 and %q", code, errs, in.skip)
					}
					p = dir // walked: skipped
				}
				code, out, errs := runIn([]string{"fix", p}, "")
				if code != ExitOK {
					t.Fatalf("exit %d, stderr %q", code, errs)
				}
				if in.skip != "" {
					f := filepath.Join(dir, "in.txt")
					if errs != "unspin: skipping "+f+": "+in.skip+"\n" && errs != "unspin: skipping binary file "+f+"\n" || !strings.Contains(errs, strings.TrimPrefix(in.skip, "binary file")) {
						t.Errorf("stderr %q, want one line with %q", errs, in.skip)
					}
					if out != "" {
						t.Errorf("stdout %q for a skipped file", out)
					}
				} else if out != want || errs != "" {
					t.Errorf("stdout %q, stderr %q; want %q", out, errs, want)
				}
				if code, _, errs := runIn([]string{"fix", "-w", p}, ""); code != ExitOK {
					t.Fatalf("-w: exit %d, stderr %q", code, errs)
				}
				if got, _ := os.ReadFile(filepath.Join(dir, "in.txt")); string(got) != want {
					t.Errorf("-w left %q, want %q", got, want)
				}
				code, out, _ = runIn([]string{"fix"}, in.content)
				if code != ExitOK || out != want {
					t.Errorf("stdin: exit %d, stdout %q, want %q (a filter passes what it skips)", code, out, want)
				}
			})
		}
	}
}

// TestStreamedMatchesWhole: a file streamed in windows gives the output of
// the same file read whole, in every mode (the fake's edits do not depend on
// context, so the windows cannot change them).
func TestStreamedMatchesWhole(t *testing.T) {
	withRepair(t, fakeRepair)
	var b strings.Builder
	for i := range 300 {
		b.WriteString([]string{"The infantry bottom stood.\n", "A bottom. ", "Infantry, infantry!\r\n", "\n", "Nothing here. "}[i%5])
	}
	content := b.String()
	modes := [][]string{{}, {"-l"}, {"-d"}, {"-d", "--suggest"}, {"--format", "json", "--suggest"}, {"--check"}}
	for _, mode := range modes {
		t.Run(strings.Join(mode, " "), func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f.txt")
			os.WriteFile(p, []byte(content), 0o644)
			args := append(append([]string{"fix"}, mode...), p)
			wCode, whole, wErr := runIn(args, "")
			withStreaming(t)
			sCode, streamed, sErr := runIn(args, "")
			if sCode != wCode || sErr != wErr {
				t.Errorf("streamed exit %d stderr %q, whole exit %d stderr %q", sCode, sErr, wCode, wErr)
			}
			if len(mode) == 0 || mode[0] != "-d" {
				if streamed != whole {
					t.Errorf("streamed output differs from whole:\n%.300s\nwant\n%.300s", streamed, whole)
				}
				return
			}
			if strings.Count(streamed, "\n--- ") != 0 || strings.Count(streamed, "@@ ") < 10 {
				t.Errorf("streamed diff holds repeated file headers or too few hunks")
			}
			// Hunks are not merged across windows: compare what the diffs do.
			edits := fakeRepair([]byte(content))
			for i := range edits {
				edits[i].Applied = edits[i].Applied || len(mode) > 1
			}
			want := string(repair.Apply([]byte(content), edits))
			if got := applyPatch(t, content, whole); got != want {
				t.Errorf("whole diff does not apply")
			}
			if got := applyPatch(t, content, streamed); got != want {
				t.Errorf("streamed diff does not apply to the repaired text")
			}
		})
	}
}

// applyPatch applies a diff made of a file named by an absolute path.
func applyPatch(t *testing.T, src, diff string) string {
	t.Helper()
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "f.txt")
	os.WriteFile(f, []byte(src), 0o644)
	cmd := exec.Command("patch", "--quiet", "--no-backup-if-mismatch", f)
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(f)
	return string(got)
}

// TestBadModelIsOneLine: a truncated, corrupted or wrong-version model given
// with --model fails the run with exit 2 and one line naming the file,
// before any file is touched.
func TestBadModelIsOneLine(t *testing.T) {
	withRepair(t, nil) // the real loading path
	dir := t.TempDir()
	good := filepath.Join(dir, "good.unlm")
	if code, _, errs := runIn([]string{"lm", "import", filepath.Join("..", "lm", "testdata", "small.arpa"), "-o", good}, ""); code != ExitOK {
		t.Fatalf("lm import: exit %d, %s", code, errs)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := bytes.Clone(data)
	corrupt[len(corrupt)/2] ^= 0xff
	version := bytes.Clone(data)
	binary.LittleEndian.PutUint32(version[8:], 99)
	text := filepath.Join(dir, "t.txt")
	os.WriteFile(text, []byte("the infantry\n"), 0o644)
	for name, content := range map[string][]byte{
		"truncated":     data[:len(data)/2],
		"tiny":          data[:10],
		"empty":         nil,
		"corrupted":     corrupt,
		"wrong version": version,
		"not a model":   []byte("\\data\\\nngram 1=1\n"),
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".unlm")
		os.WriteFile(p, content, 0o644)
		for _, args := range [][]string{{"fix", "--model", p, "-w", text}, {"fix", "--model", p}} {
			code, out, errs := runIn(args, "the infantry\n")
			if code != ExitError || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, p) {
				t.Errorf("%s %q: exit %d, stdout %q, stderr %q; want exit 2, one line naming the file", name, args[3:], code, out, errs)
			}
		}
	}
	if got, _ := os.ReadFile(text); string(got) != "the infantry\n" {
		t.Errorf("a file was rewritten with a bad model: %q", got)
	}
}

// TestSymlinksNotFollowedOutOfTree: a link inside a walked directory that
// points outside it is not followed, with or without -w, unless asked.
func TestSymlinksNotFollowedOutOfTree(t *testing.T) {
	withRepair(t, fakeRepair)
	outside := filepath.Join(t.TempDir(), "outside.txt")
	os.WriteFile(outside, []byte("the infantry\n"), 0o644)
	tree := t.TempDir()
	os.WriteFile(filepath.Join(tree, "in.txt"), []byte("the infantry\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(tree, "link.txt")); err != nil {
		t.Skip(err)
	}
	code, out, errs := runIn([]string{"fix", "-w", "-l", tree}, "")
	if code != ExitOK || strings.Contains(out, "link.txt") || !strings.Contains(errs, "skipping "+filepath.Join(tree, "link.txt")+": symbolic link not followed") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(outside); string(got) != "the infantry\n" {
		t.Errorf("the file outside the tree was rewritten: %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(tree, "in.txt")); string(got) != "the military\n" {
		t.Errorf("in.txt = %q, not fixed", got)
	}
	// Asked to, it follows the link and rewrites the target, keeping the link.
	code, out, errs = runIn([]string{"fix", "-w", "-l", "--follow-symlinks", tree}, "")
	if code != ExitOK || !strings.Contains(out, "link.txt") {
		t.Errorf("--follow-symlinks: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(outside); string(got) != "the military\n" {
		t.Errorf("--follow-symlinks: target = %q, not fixed", got)
	}
	if fi, err := os.Lstat(filepath.Join(tree, "link.txt")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
}

// TestMalformedDictionaryLine: a bad line in a user's list is an error
// naming the file and the line, exit 2, and no file is rewritten.
func TestMalformedDictionaryLine(t *testing.T) {
	withRepair(t, fakeRepair)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".unspin.toml"), []byte("deny = \"deny.txt\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "deny.txt"), []byte("# pairs\nbottom -> base\ntwo words here\n"), 0o644)
	text := filepath.Join(dir, "t.txt")
	os.WriteFile(text, []byte("the infantry\n"), 0o644)
	code, out, errs := runIn([]string{"fix", "-w", text}, "")
	if code != ExitError || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "deny.txt:3:") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line naming deny.txt:3", code, out, errs)
	}
	if got, _ := os.ReadFile(text); string(got) != "the infantry\n" {
		t.Errorf("t.txt rewritten despite the bad list: %q", got)
	}
}

// TestReadOnlyFileLeftAlone: -w reports a read-only file, read whole or
// streamed, and still fixes the others.
func TestReadOnlyFileLeftAlone(t *testing.T) {
	withRepair(t, fakeRepair)
	for _, streamed := range []bool{false, true} {
		if streamed {
			withStreaming(t)
		}
		dir := writeFiles(t, 2, "the infantry\n")
		ro := filepath.Join(dir, "f000.txt")
		os.Chmod(ro, 0o444)
		clean := filepath.Join(dir, "clean.txt") // read-only, nothing to fix: no error
		os.WriteFile(clean, []byte("nothing here\n"), 0o444)
		code, _, errs := runIn([]string{"fix", "-w", dir}, "")
		if code != ExitError || errs != "unspin: "+ro+": read-only file; not rewritten\nunspin: 1 file could not be processed\n" {
			t.Errorf("streamed=%v: exit %d, stderr %q", streamed, code, errs)
		}
		if got, _ := os.ReadFile(ro); string(got) != "the infantry\n" {
			t.Errorf("streamed=%v: read-only file rewritten: %q", streamed, got)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "f001.txt")); string(got) != "the military\n" {
			t.Errorf("streamed=%v: the other file was not fixed: %q", streamed, got)
		}
	}
}
