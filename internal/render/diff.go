package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/unspin/unspin/internal/repair"
)

// contextLines is the context of diff -u and git diff.
const contextLines = 3

// DiffNames returns the labels of a diff of path: "a/path" and "b/path", with
// forward slashes, which git apply and patch -p1 expect. The path is cleaned,
// and an absolute path loses its leading slash ("a/tmp/x", not "a//tmp/x"),
// so the diff applies with patch -p1 from the root directory.
func DiffNames(path string) (oldName, newName string) {
	p := strings.TrimLeft(filepath.ToSlash(filepath.Clean(path)), "/")
	return "a/" + p, "b/" + p
}

// Diff writes a unified diff that turns src into src with edits made. Every
// given edit is shown, applied or not (see Select). It writes nothing when
// there are no edits. Lines keep their own endings (CRLF survives), and a
// last line without a newline gets the "\ No newline at end of file" marker.
func Diff(w io.Writer, oldName, newName string, src []byte, edits []repair.Edit) error {
	if len(edits) == 0 {
		return nil
	}
	ue := make([]udiff.Edit, 0, len(edits))
	for _, e := range edits {
		ue = append(ue, udiff.Edit{Start: e.Start, End: e.End, New: e.To})
	}
	text, err := udiff.ToUnified(oldName, newName, string(src), ue, contextLines)
	if err != nil {
		return fmt.Errorf("diff of %s: %w", oldName, err)
	}
	_, err = io.WriteString(w, text)
	return err
}
