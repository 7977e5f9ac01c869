package review

import (
	"fmt"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// undo takes back the last decision asked for in this file, with the
// decisions it implied (the rest of the file after a or d, the later hunks
// an A or N decided), and forgets the pair of an A or N. Files already
// finished are written: undo does not reach them.
func (f *fileReview) undo() {
	last := -1
	for i := len(f.steps) - 1; i >= 0; i-- {
		if !f.steps[i].auto || f.steps[i].remember {
			last = i
			break
		}
	}
	if last < 0 {
		fmt.Fprintln(f.s.ui, "nothing to undo in this file")
		return
	}
	st := f.steps[last]
	f.steps = f.steps[:last]
	f.next, f.mode = st.hunk, ask
	if st.remember {
		f.forget(st)
	}
	fmt.Fprintf(f.s.ui, "undone: %s -> %s\n", text.OneLine(st.edit.From), text.OneLine(st.edit.To))
}

// forget removes the pair of an A or N answer from the session.
func (f *fileReview) forget(st step) {
	p := pairOf(st.edit)
	delete(f.s.always, p)
	delete(f.s.never, p)
	for i := len(f.s.added) - 1; i >= 0; i-- {
		if f.s.added[i].pair == p {
			f.s.added = append(f.s.added[:i], f.s.added[i+1:]...)
			break
		}
	}
}

// accepted are the fixes accepted in this file, in order, marked Applied.
func (f *fileReview) accepted() []repair.Edit {
	var out []repair.Edit
	for _, st := range f.steps {
		if st.accept {
			st.edit.Applied = true
			out = append(out, st.edit)
		}
	}
	f.s.Accepted += len(out)
	return out
}
