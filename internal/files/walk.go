// Package files decides which files a batch command touches and rewrites them
// without ever losing data: it expands directories in lexical order, skips
// hidden entries and what .gitignore files ignore, recognises binary files,
// runs work in parallel while keeping results in input order, and replaces a
// file only through a same-directory temporary file and a rename.
//
// It is the part of gofmt, misspell and typos that users notice when it is
// wrong (a rewritten .git directory, a mangled PNG, a half-written file), kept
// apart from the commands so it can be tested on its own.
package files

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	ignore "github.com/sabhiram/go-gitignore"
)

// Item is one file to process, or a path that could not be expanded.
type Item struct {
	Path string // as the user wrote it, or joined below a directory they named
	Err  error  // set when the path could not be examined; Path is still set
	// Named is true for a file named as a root rather than found by a walk:
	// a file the user asked for by name, where a skip would go unnoticed.
	Named bool
}

// Collect expands roots into the files to process, in the order given and,
// below each directory, in lexical order. A root that is a file is taken as
// is, even when hidden or ignored: the user named it. Inside directories,
// hidden files and directories (names starting with ".") are skipped, as is
// whatever a .gitignore file in the walked directories, or in their parents
// up to the top of the enclosing git work tree, ignores. A root that is a
// symbolic link to a directory is walked as that directory. Symbolic links
// (see WalkOptions) and other non-regular files met while walking are
// skipped. Errors become Items with Err set, so that one unreadable
// directory does not stop the rest.
func Collect(roots []string) []Item { return CollectWith(roots, WalkOptions{}) }

// WalkOptions change how Collect walks directories.
type WalkOptions struct {
	// FollowSymlinks takes a symbolic link met while walking that points to
	// a regular file, wherever the file is, as a file to process. Links to
	// directories are never descended (a link cycle would never end).
	// Without it links are skipped, so a walk never reaches out of the tree.
	FollowSymlinks bool

	// OnSkip, when set, is told of each symbolic link met while walking and
	// not followed, with the reason (LinkNotFollowed or LinkToDir), so that
	// a skipped link is never silent.
	OnSkip func(path, reason string)

	// OnTemp, when set, is told of each temporary file of a replacement
	// (see IsTemp) found in a walked directory, or beside a file named as
	// a root, so that what a killed run left is reported or removed.
	OnTemp func(path string)
}

// Why a symbolic link met while walking was skipped.
const (
	LinkNotFollowed = "symbolic link not followed (--follow-symlinks follows links to files)"
	LinkToDir       = "symbolic link to a directory not descended"
)

// CollectWith is Collect with options.
func CollectWith(roots []string, o WalkOptions) []Item {
	var items []Item
	for _, root := range roots {
		items = append(items, collectRoot(root, o)...)
	}
	return items
}

func collectRoot(root string, o WalkOptions) []Item {
	fi, err := os.Stat(root)
	if err != nil {
		return []Item{{Path: root, Err: err}}
	}
	if !fi.IsDir() {
		if o.OnTemp != nil {
			tempsBeside(root, o.OnTemp)
		}
		return []Item{{Path: root, Named: true}}
	}
	walkRoot := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a root link; with a trailing separator
		// the system resolves it, and the paths below still start with root.
		walkRoot = root + string(filepath.Separator)
	}
	var items []Item
	ig := newIgnorer(root)
	err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			items = append(items, Item{Path: path, Err: err})
			if d != nil && d.IsDir() && path != walkRoot {
				return fs.SkipDir
			}
			return nil
		}
		if path == walkRoot {
			ig.enter(path)
			return nil
		}
		if o.OnTemp != nil && !d.IsDir() && IsTemp(d.Name()) {
			o.OnTemp(path)
		}
		skip := strings.HasPrefix(d.Name(), ".") || ig.ignored(path, d.IsDir())
		switch {
		case d.IsDir() && skip:
			return fs.SkipDir
		case d.IsDir():
			ig.enter(path)
		case !skip && d.Type().IsRegular():
			items = append(items, Item{Path: path})
		case !skip && d.Type()&fs.ModeSymlink != 0:
			items = append(items, link(path, o)...)
		}
		return nil
	})
	if err != nil {
		items = append(items, Item{Path: root, Err: err})
	}
	return items
}

// link decides about a symbolic link met while walking: with FollowSymlinks
// a link to a regular file is taken; a link to a directory never is, since a
// link cycle would never end.
func link(path string, o WalkOptions) []Item {
	fi, err := os.Stat(path)
	reason := LinkNotFollowed
	switch {
	case err == nil && fi.IsDir():
		reason = LinkToDir
	case err == nil && fi.Mode().IsRegular() && o.FollowSymlinks:
		return []Item{{Path: path}}
	case o.FollowSymlinks:
		return nil // dangling, or to a device or pipe: nothing to repair
	}
	if o.OnSkip != nil {
		o.OnSkip(path, reason)
	}
	return nil
}

// ignorer holds the .gitignore matchers that apply to the directory being
// walked: those of its ancestors inside the work tree, then one per walked
// directory that has a .gitignore, popped when the walk leaves it.
//
// Limitation: a "!pattern" re-includes only what its own .gitignore
// excluded; a deeper .gitignore holding nothing but "!pattern" cannot
// re-include what a shallower one excluded.
type ignorer struct {
	stack []matcher
}

type matcher struct {
	dir string // absolute directory holding the .gitignore
	gi  *ignore.GitIgnore
}

func newIgnorer(root string) *ignorer {
	ig := &ignorer{}
	abs, err := filepath.Abs(root)
	if err != nil {
		return ig
	}
	// Parents count only inside a git work tree, as for git itself: a stray
	// .gitignore in a home directory must not hide a project's files.
	if isWorkTreeTop(abs) {
		return ig
	}
	var parents []string
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		parents = append(parents, dir)
		if isWorkTreeTop(dir) {
			for i := len(parents) - 1; i >= 0; i-- {
				ig.push(parents[i])
			}
			break
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	return ig
}

func isWorkTreeTop(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// enter is called for every directory the walk descends into.
func (ig *ignorer) enter(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	ig.pop(abs)
	ig.push(abs)
}

func (ig *ignorer) push(absDir string) {
	gi, err := ignore.CompileIgnoreFile(filepath.Join(absDir, ".gitignore"))
	if err == nil {
		ig.stack = append(ig.stack, matcher{dir: absDir, gi: gi})
	}
}

// pop drops the matchers of directories that do not contain abs: the walk is
// depth first, so they are finished.
func (ig *ignorer) pop(abs string) {
	for n := len(ig.stack); n > 0 && !within(abs, ig.stack[n-1].dir); n-- {
		ig.stack = ig.stack[:n-1]
	}
}

func (ig *ignorer) ignored(path string, isDir bool) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	ig.pop(filepath.Dir(abs))
	// The deepest .gitignore with a say decides, as in git.
	for i := len(ig.stack) - 1; i >= 0; i-- {
		m := ig.stack[i]
		rel, err := filepath.Rel(m.dir, abs)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		if isDir {
			rel += "/" // lets "build/" patterns match the directory
		}
		ignored, pattern := m.gi.MatchesPathHow(rel)
		if ignored {
			return true
		}
		if pattern != nil {
			return false // ignored here, then re-included by a "!" line
		}
	}
	return false
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	return strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}
