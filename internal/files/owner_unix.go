//go:build unix

package files

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the file at path the owner and group of info, as far as
// the user may: root keeps both; another user, who can only give a file to
// a group of theirs, keeps the group when they belong to it. Failures are
// not errors, as with sed -i: the text is what was asked for.
func keepOwner(path string, info fs.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	uid, gid := int(st.Uid), int(st.Gid)
	if os.Lchown(path, uid, gid) != nil {
		os.Lchown(path, -1, gid)
	}
}

func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
