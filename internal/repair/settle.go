package repair

// Repairing to a fixed point.
//
// One pass of the decoder is not the last word on a text: it estimates the
// document's spin rates from the text it is given and decodes each word in
// the context of its spun neighbours. Run again on its own output, it sees
// lower rates and repaired neighbours, and proposes new edits (or takes
// back old ones). A fix that a second run would change is not a fix, so the
// repairer repairs its output again until a pass applies nothing, and
// reports what the whole chain did as edits of the original text.

// maxPasses bounds the passes over one text. Measured on spun news, the
// seed article and the evaluation sets, nearly every text settles by the
// third; the bound only stops a word that flips back and forth.
const maxPasses = 5

// Settle repairs src with once, then the result with once again, until a
// pass applies no edit (or, at maxPasses, its edits are kept as
// suggestions), and returns the edits that
// turn src into the last text: each changed span of src with the edit that
// last wrote it (its confidence, source and alternatives), and the last
// pass's suggestions on the words no pass changed. once must return sorted,
// non-overlapping edits of the text it is given; edits that do not fit
// the first text are returned as they are, for the caller to reject.
func Settle(src []byte, once func([]byte) []Edit) []Edit {
	var patches []patch
	cur := src
	var edits []Edit
	for pass := 1; ; pass++ {
		edits = once(cur)
		if !fits(cur, edits) {
			if pass == 1 {
				return edits // the caller's own check reports the bug
			}
			return report(src, patches, nil) // keep what the sound passes made
		}
		if !anyApplied(edits) || pass == maxPasses {
			break
		}
		patches = compose(src, patches, edits)
		cur = Apply(src, patchEdits(patches))
	}
	return report(src, patches, edits)
}

// Repair returns every edit proposed for src, repaired to a fixed point (see
// Settle), in order of position, with Applied set on those that change it.
func (r *Repairer) Repair(src []byte) []Edit { return r.RepairWith(src, nil) }

// RepairWith is Repair with filter (the user's lists) applied to the edits
// of every pass, so that each pass decides in the context the last one left.
// The passes share a memo (memo.go): after the first, they decode again only
// what changed. Words hyphenated at a line end are read whole (hyphen.go).
func (r *Repairer) RepairWith(src []byte, filter func(src []byte, edits []Edit) []Edit) []Edit {
	if j := r.dehyphenate(src); j != nil {
		return unjoinEdits(src, j, r.settle(j.Text, filter))
	}
	return r.settle(src, filter)
}

// settle is RepairWith on a text whose hyphenations are as they will be read.
func (r *Repairer) settle(src []byte, filter func(src []byte, edits []Edit) []Edit) []Edit {
	m := r.newMemo()
	defer m.release()
	return Settle(src, func(src []byte) []Edit {
		var edits []Edit
		if r.memoizable() {
			edits = m.repairOnce(src)
		} else {
			edits = r.RepairOnce(src)
		}
		if filter != nil {
			edits = filter(src, edits)
		}
		return edits
	})
}

// memoizable reports whether a pass's verdicts depend only on each
// sentence and the document's rates, which is what the memo keeps. The
// decision also reads the other sentences, but through the verdicts alone,
// and decides again every pass; document consistency changes the lattices
// themselves, so with it every pass is repaired afresh.
func (r *Repairer) memoizable() bool {
	return r.opts.Consistency == 0
}

// fits reports whether edits are sorted, do not overlap, lie inside src and
// read what they claim to replace: composing any other would garble the text.
func fits(src []byte, edits []Edit) bool {
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) || string(src[e.Start:e.End]) != e.From {
			return false
		}
		last = e.End
	}
	return true
}

func anyApplied(edits []Edit) bool {
	for _, e := range edits {
		if e.Applied {
			return true
		}
	}
	return false
}

// patch is a span of the original text, src[edit.Start:edit.End], that the
// passes so far replaced by edit.To.
type patch struct{ edit Edit }

func (p patch) growth() int { return len(p.edit.To) - (p.edit.End - p.edit.Start) }

// compose folds the applied edits of the current text (src with patches
// made) into patches. An edit that reaches into a patch takes the whole
// patch in, so that every patch stays a span of src; a patch that comes
// back to its original text is dropped.
func compose(src []byte, patches []patch, edits []Edit) []patch {
	out := make([]patch, 0, len(patches)+len(edits))
	delta := 0 // current offset minus src offset, past the patches consumed
	i := 0
	for _, e := range edits {
		if !e.Applied {
			continue
		}
		// Patches wholly before the edit stay as they are.
		for i < len(patches) && patches[i].edit.Start+delta+len(patches[i].edit.To) <= e.Start {
			delta += patches[i].growth()
			out = append(out, patches[i])
			i++
		}
		start, prefix := e.Start-delta, ""
		end, suffix := -1, ""
		for i < len(patches) && patches[i].edit.Start+delta < e.End {
			p := patches[i].edit
			at := p.Start + delta // where the patch starts in the current text
			if at < e.Start {
				start, prefix = p.Start, p.To[:e.Start-at]
			}
			if at+len(p.To) > e.End {
				end, suffix = p.End, p.To[e.End-at:]
			}
			delta += patches[i].growth()
			i++
		}
		if end < 0 {
			end = e.End - delta
		}
		n := e
		n.Start, n.End = start, end
		n.From, n.To = string(src[start:end]), prefix+e.To+suffix
		if n.To != n.From {
			out = append(out, patch{n})
		}
	}
	return append(out, patches[i:]...)
}

// patchEdits returns the patches as applied edits of src.
func patchEdits(patches []patch) []Edit {
	edits := make([]Edit, len(patches))
	for i, p := range patches {
		edits[i] = p.edit
	}
	return edits
}

// report merges the patches, as applied edits of src, with the suggestions
// of the last pass (edits of the last text) that fall on words no patch
// changed, moved to their offsets in src.
func report(src []byte, patches []patch, last []Edit) []Edit {
	out := make([]Edit, 0, len(patches)+len(last))
	delta, i := 0, 0
	for _, e := range last {
		e.Applied = false // only at maxPasses: the text was left as the pass before made it
		for i < len(patches) && patches[i].edit.Start+delta+len(patches[i].edit.To) <= e.Start {
			out = append(out, patches[i].edit)
			delta += patches[i].growth()
			i++
		}
		if i < len(patches) && patches[i].edit.Start+delta < e.End {
			continue // on a changed word: the edit that changed it stands
		}
		e.Start, e.End = e.Start-delta, e.End-delta
		out = append(out, e)
	}
	for ; i < len(patches); i++ {
		out = append(out, patches[i].edit)
	}
	return out
}
