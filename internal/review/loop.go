package review

import (
	"fmt"
	"strings"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// step is one decision, kept so that u can take it back.
type step struct {
	hunk     int
	edit     repair.Edit // as accepted: To may be an alternative or typed
	accept   bool
	auto     bool // made without asking (a, d, A, N): undo passes over it
	remember bool // this step answered A or N
}

// rest is what happens to the hunks after an a or d.
type rest uint8

const (
	ask rest = iota
	acceptRest
	rejectRest
)

type fileReview struct {
	s     *Session
	doc   *doc
	edits []repair.Edit
	steps []step
	next  int // the hunk to decide
	mode  rest
}

func (f *fileReview) run() error {
	for f.next < len(f.edits) && !f.s.quit {
		if f.decideAuto() {
			continue
		}
		e := f.edits[f.next]
		f.s.Shown++
		f.s.show(f.doc, e, f.next+1, len(f.edits))
		if err := f.ask(e); err != nil {
			return err
		}
	}
	return nil
}

// decideAuto decides the next hunk without asking when an earlier answer
// (a, d, A, N) already did; it says whether it did.
func (f *fileReview) decideAuto() bool {
	e := f.edits[f.next]
	p := pairOf(e)
	switch {
	case f.mode == acceptRest || f.s.always[p]:
		if f.mode == ask {
			fmt.Fprintf(f.s.ui, "%s: %s -> %s accepted (always)\n", f.where(e), text.OneLine(e.From), text.OneLine(e.To))
		}
		f.push(step{edit: e, accept: true, auto: true})
	case f.mode == rejectRest || f.s.never[p]:
		f.push(step{edit: e, auto: true})
	default:
		return false
	}
	return true
}

func (f *fileReview) where(e repair.Edit) string {
	line, col := f.doc.lines.Position(e.Start)
	return fmt.Sprintf("%s:%d:%d", f.doc.name, line, col)
}

// push records a decision on the next hunk and moves on.
func (f *fileReview) push(st step) {
	st.hunk = f.next
	f.steps = append(f.steps, st)
	f.next++
}

// ask reads keys until one decides the hunk (or undoes, or quits).
func (f *fileReview) ask(e repair.Edit) error {
	for {
		f.s.prompt(e)
		k, err := f.s.keys.Key()
		if err != nil {
			return err
		}
		fmt.Fprintf(f.s.ui, "%c\n", k)
		if done, err := f.key(k, e); done || err != nil {
			return err
		}
	}
}

// key acts on one key; done is false when the hunk is still undecided.
func (f *fileReview) key(k rune, e repair.Edit) (done bool, err error) {
	switch {
	case k == 'y':
		f.push(step{edit: e, accept: true})
	case k == 'n':
		f.push(step{edit: e})
	case k == 'a' || k == 'd':
		f.push(step{edit: e, accept: k == 'a'})
		f.mode = map[rune]rest{'a': acceptRest, 'd': rejectRest}[k]
	case k >= '1' && k <= '9' && int(k-'0') <= len(e.Alternatives):
		// The decoder lists keeping the word among the alternatives:
		// choosing it is a rejection, not a fix that changes nothing.
		e.To = e.Alternatives[k-'1'].Word
		f.push(step{edit: e, accept: !strings.EqualFold(e.To, e.From)})
	case k == 'e':
		return f.typed(e)
	case k == 'A' || k == 'N':
		f.remember(e, k == 'A')
	case k == 'u':
		f.undo()
	case k == 'q':
		f.s.quit = true
	case k == '?':
		fmt.Fprint(f.s.ui, help)
		return false, nil
	default:
		fmt.Fprintf(f.s.ui, "unknown key %q; ? for help\n", k)
		return false, nil
	}
	return true, nil
}

// typed accepts the replacement the user types; an empty line asks again.
func (f *fileReview) typed(e repair.Edit) (bool, error) {
	fmt.Fprintf(f.s.ui, "Replace %q with: ", e.From)
	line, err := f.s.keys.Line()
	if err != nil {
		return false, err
	}
	if _, echoed := f.s.keys.(*rawKeys); !echoed {
		fmt.Fprintln(f.s.ui, line) // a transcript of a piped review shows the answer
	}
	to := strings.TrimSpace(line)
	if to == "" {
		return false, nil
	}
	e.To, e.Source = to, "edited"
	f.push(step{edit: e, accept: true})
	return true, nil
}

func (f *fileReview) remember(e repair.Edit, always bool) {
	p := pairOf(e)
	if always {
		f.s.always[p] = true
	} else {
		f.s.never[p] = true
	}
	f.s.added = append(f.s.added, remembered{pair: p, always: always})
	f.push(step{edit: e, accept: always, remember: true})
}
