package files

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// tree writes files (path -> content) under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func paths(t *testing.T, root string, items []Item) []string {
	t.Helper()
	var got []string
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Path, it.Err)
			continue
		}
		rel, err := filepath.Rel(root, it.Path)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(rel))
	}
	return got
}

func TestCollectOrderHiddenIgnored(t *testing.T) {
	root := tree(t, map[string]string{
		"b.txt":              "b",
		"a.txt":              "a",
		"sub/z.txt":          "z",
		"sub/y.log":          "y",
		"sub/.gitignore":     "*.log\n",
		"build/out.txt":      "o",
		"keep/build.txt":     "k",
		".git/config":        "c",
		".hidden/x.txt":      "x",
		".env":               "e",
		".gitignore":         "build/\n/top.txt\n",
		"top.txt":            "t",
		"deeper/top.txt":     "d",
		"sub/neg/a.log":      "n",
		"other/y.log":        "kept: sub/.gitignore does not apply here",
		"sub/neg/plain.txt":  "p",
		"sub/neg/.gitignore": "*.txt\n!keep.txt\n",
		"sub/neg/keep.txt":   "kept: re-included where it was excluded",
	})
	got := paths(t, root, Collect([]string{root}))
	want := []string{"a.txt", "b.txt", "deeper/top.txt", "keep/build.txt", "other/y.log", "sub/neg/keep.txt", "sub/z.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Collect =\n%q\nwant\n%q", got, want)
	}
}

func TestCollectNamedFilesAndErrors(t *testing.T) {
	root := tree(t, map[string]string{".gitignore": "*.txt\n", "x.txt": "x", ".h": "h"})
	items := Collect([]string{filepath.Join(root, "x.txt"), filepath.Join(root, "missing"), filepath.Join(root, ".h")})
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3: %v", len(items), items)
	}
	if items[0].Err != nil || items[2].Err != nil {
		t.Errorf("named files must be taken even when ignored or hidden: %v", items)
	}
	if items[1].Err == nil {
		t.Errorf("missing path: no error")
	}
}

func TestCollectParentGitignoreInsideWorkTree(t *testing.T) {
	root := tree(t, map[string]string{
		".git/HEAD":        "ref",
		".gitignore":       "*.gen\n",
		"docs/a.txt":       "a",
		"docs/b.gen":       "b",
		"docs/nested/c.md": "c",
	})
	got := paths(t, root, Collect([]string{filepath.Join(root, "docs")}))
	want := []string{"docs/a.txt", "docs/nested/c.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Collect(docs) = %q, want %q", got, want)
	}
}

func TestCollectParentGitignoreOutsideWorkTreeIgnored(t *testing.T) {
	root := tree(t, map[string]string{".gitignore": "*.gen\n", "docs/b.gen": "b"})
	got := paths(t, root, Collect([]string{filepath.Join(root, "docs")}))
	if !reflect.DeepEqual(got, []string{"docs/b.gen"}) {
		t.Errorf("a .gitignore above a directory outside any work tree must not apply: got %q", got)
	}
}

// TestCollectRootDirectoryLink: a link to a directory named as a root is
// walked as the directory itself, as "L/" would be.
func TestCollectRootDirectoryLink(t *testing.T) {
	root := tree(t, map[string]string{"real/a.txt": "a", "real/sub/b.txt": "b"})
	link := filepath.Join(root, "L")
	if err := os.Symlink(filepath.Join(root, "real"), link); err != nil {
		t.Skip(err)
	}
	got := paths(t, root, Collect([]string{link}))
	want := []string{"L/a.txt", "L/sub/b.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Collect(L) = %q, want %q", got, want)
	}
}

// TestCollectReportsSkippedLinks: every link met while walking and not
// followed is told to OnSkip, with the reason.
func TestCollectReportsSkippedLinks(t *testing.T) {
	root := tree(t, map[string]string{"a.txt": "a", "d/x.txt": "x"})
	if err := os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "f-link")); err != nil {
		t.Skip(err)
	}
	os.Symlink(filepath.Join(root, "d"), filepath.Join(root, "d-link"))
	var told []string
	o := WalkOptions{OnSkip: func(path, reason string) {
		rel, _ := filepath.Rel(root, path)
		told = append(told, rel+": "+reason)
	}}
	CollectWith([]string{root}, o)
	want := []string{"d-link: " + LinkToDir, "f-link: " + LinkNotFollowed}
	if !reflect.DeepEqual(told, want) {
		t.Errorf("without following: told %q, want %q", told, want)
	}
	told = nil
	o.FollowSymlinks = true
	CollectWith([]string{root}, o)
	if want := []string{"d-link: " + LinkToDir}; !reflect.DeepEqual(told, want) {
		t.Errorf("following: told %q, want %q", told, want)
	}
}

// TestCollectTellsOfTemps: the temporary files a killed run leaves are told
// to OnTemp, in a walk and beside a named file, and are never items.
func TestCollectTellsOfTemps(t *testing.T) {
	root := tree(t, map[string]string{
		"a.txt": "a", ".a.txt.unspin-42": "t", "sub/.b.unspin-7": "t",
		".c.unspin-x": "not a temporary file", ".unspin-1": "no name",
	})
	var told []string
	o := WalkOptions{OnTemp: func(path string) {
		rel, _ := filepath.Rel(root, path)
		told = append(told, filepath.ToSlash(rel))
	}}
	got := paths(t, root, CollectWith([]string{root}, o))
	if want := []string{".a.txt.unspin-42", "sub/.b.unspin-7"}; !reflect.DeepEqual(told, want) {
		t.Errorf("walk: told %q, want %q", told, want)
	}
	if want := []string{"a.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("walk: items %q, want %q", got, want)
	}
	told = nil
	CollectWith([]string{filepath.Join(root, "a.txt")}, o)
	if want := []string{".a.txt.unspin-42"}; !reflect.DeepEqual(told, want) {
		t.Errorf("named file: told %q, want %q", told, want)
	}
}
