package cli

import (
	"errors"
	"io/fs"
	"os"

	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/review"
)

// listAppender stores the pairs a review remembered (A and N) in the deny
// and allow lists, once each: undo cannot reach a finished file, so the
// pairs stored after one file are never taken back.
type listAppender struct{ always, never int }

const (
	allowHeader = "# unspin allowlist: never changed. One entry a line: a word, or \"spun -> original\".\n"
	denyHeader  = "# unspin denylist: always changed. One entry a line: a word, or \"spun -> original\".\n"
)

func (l *listAppender) store(sess *review.Session, st *setup) error {
	always, never := sess.Remembered()
	if err := appendPairs(st.eff.Deny, denyHeader, always[l.always:]); err != nil {
		return err
	}
	l.always = len(always)
	if err := appendPairs(st.eff.Allow, allowHeader, never[l.never:]); err != nil {
		return err
	}
	l.never = len(never)
	// Later files of this run see the pairs as the next run will.
	for _, p := range always {
		st.pol.Deny.Pairs[p] = true
	}
	for _, p := range never {
		st.pol.Allow.Pairs[p] = true
	}
	return nil
}

// appendPairs adds pairs to the list file at path, creating it with a header
// that says what it is.
func appendPairs(path, header string, pairs []policy.Pair) error {
	if len(pairs) == 0 {
		return nil
	}
	_, err := os.Stat(path)
	fresh := errors.Is(err, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if fresh {
		f.WriteString(header)
	}
	for _, p := range pairs {
		f.WriteString(policy.FormatEntry(p))
	}
	return f.Close()
}
