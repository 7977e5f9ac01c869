package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unspin/unspin/internal/stream"
	"github.com/unspin/unspin/internal/testdata"
)

// Fixing a fixed text must change nothing: a second `fix -w` leaves every
// file as the first left it, and `fix --check` after `fix -w` passes. These
// run the built-in model on real and synthetic spun prose.

// spunTexts are the spun texts of the repository: the seed article and the
// evaluation sets.
func spunTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, rel := range []string{"testdata/seed-article.spun.txt", "testdata/eval/brown-news-5k.spun.txt", "testdata/eval/brown-news-5k-fw.spun.txt"} {
		b, err := os.ReadFile(filepath.Join(testdata.RepoDir(), rel))
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(rel)] = string(b)
	}
	return texts
}

// spunTree writes a tree of small files cut from the spun texts: pairs of
// the seed article's paragraphs and runs of a dozen of the evaluation sets'
// sentences (a line each).
func spunTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range spunTexts(t) {
		sep, per := "\n", 12
		if strings.Contains(content, "\n\n") {
			sep, per = "\n\n", 2
		}
		parts := strings.Split(strings.TrimSpace(content), sep)
		for i := 0; i < len(parts); i += per {
			p := filepath.Join(dir, strings.TrimSuffix(name, ".spun.txt"), fmt.Sprintf("%03d.txt", i/per))
			body := strings.Join(parts[i:min(i+per, len(parts))], sep) + "\n"
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fixTwice runs `fix -w` on path twice and checks that the first changed
// something, the second nothing, and that `fix --check` then exits 0.
func fixTwice(t *testing.T, path string) {
	t.Helper()
	before := snapshot(t, path)
	if code, _, errs := runIn([]string{"fix", "-w", path}, ""); code != ExitOK {
		t.Fatalf("fix -w: exit %d: %s", code, errs)
	}
	once := snapshot(t, path)
	if changed := countChanged(before, once); changed == 0 {
		t.Fatalf("the first fix -w changed nothing")
	}
	if code, _, errs := runIn([]string{"fix", "-w", path}, ""); code != ExitOK {
		t.Fatalf("second fix -w: exit %d: %s", code, errs)
	}
	twice := snapshot(t, path)
	if changed := countChanged(once, twice); changed > 0 {
		for p, s := range twice {
			if s != once[p] {
				t.Errorf("the second fix -w changed %s:\n%s", p, wordDiff(once[p], s))
			}
		}
		t.Fatalf("the second fix -w changed %d of %d files", changed, len(once))
	}
	if code, _, errs := runIn([]string{"fix", "--check", path}, ""); code != ExitOK {
		t.Errorf("fix --check after fix -w: exit %d %s", code, errs)
	}
}

func countChanged(a, b map[string]string) int {
	n := 0
	for p, s := range a {
		if b[p] != s {
			n++
		}
	}
	return n
}

// wordDiff lists the words that differ between two texts of as many words.
func wordDiff(a, b string) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return fmt.Sprintf("%d words, then %d", len(wa), len(wb))
	}
	var out strings.Builder
	for i := range wa {
		if wa[i] != wb[i] {
			fmt.Fprintf(&out, "  word %d: %q -> %q\n", i, wa[i], wb[i])
		}
	}
	return out.String()
}

func TestFixTwiceFile(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in model")
	}
	t.Chdir(t.TempDir()) // no .unspin.toml or lists from the repository
	p := filepath.Join(t.TempDir(), "seed-article.txt")
	if err := os.WriteFile(p, []byte(spunTexts(t)["seed-article.spun.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	fixTwice(t, p)
}

func TestFixTwiceTree(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in model")
	}
	t.Chdir(t.TempDir())
	fixTwice(t, spunTree(t))
}

// TestFixTwiceStreamed: a file too large to read whole is repaired in
// windows; the repaired file, whose words have other lengths, must be cut
// into the same windows, or their rates differ and a second fix changes it.
func TestFixTwiceStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in model")
	}
	t.Chdir(t.TempDir())
	oldAbove, oldWin := streamAbove, streamWindows
	streamAbove, streamWindows = 0, stream.Options{Min: 16 << 10, Max: 256 << 10}
	t.Cleanup(func() { streamAbove, streamWindows = oldAbove, oldWin })
	texts := spunTexts(t)
	var b strings.Builder
	for _, name := range []string{"seed-article.spun.txt", "brown-news-5k.spun.txt", "brown-news-5k-fw.spun.txt"} {
		b.WriteString(texts[name])
		b.WriteString("\n")
	}
	p := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	fixTwice(t, p)
}
