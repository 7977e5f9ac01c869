package learn

import (
	"bytes"
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Duplicates.
//
// The learner's thresholds (an expected count of MinEvidence in MinDocs
// documents) assume the documents are independent. A crawl is not: the
// same article is mirrored, syndicated and saved twice, and three copies of
// one article meet both thresholds with that article's noise alone. So each
// distinct paragraph counts once: a paragraph whose normalised text was
// already seen, in this document or an earlier one, is dropped before
// anything is counted.

// DedupStats says what Dedup dropped.
type DedupStats struct {
	Paragraphs, Dropped int // paragraphs read, and dropped as copies
	Words, DroppedWords int // the same in words
	Documents, Emptied  int // documents read, and dropped whole
}

// Dedup returns docs with every paragraph that repeats an earlier one
// removed, and documents left empty left out. Paragraphs are compared by
// their words alone, lowercased, so a copy that was re-wrapped, re-cased or
// re-punctuated (straight for curly quotes) is still a copy.
func Dedup(docs [][]byte) ([][]byte, DedupStats) {
	seen := map[uint64]bool{}
	st := DedupStats{Documents: len(docs)}
	var out [][]byte
	for _, doc := range docs {
		var kept []byte
		ps, sep := paragraphs(doc)
		for _, p := range ps {
			key, words := fingerprint(p)
			if words == 0 {
				continue
			}
			st.Paragraphs++
			st.Words += words
			if seen[key] {
				st.Dropped++
				st.DroppedWords += words
				continue
			}
			seen[key] = true
			kept = append(kept, bytes.TrimRight(p, "\r\n")...)
			kept = append(kept, sep...)
		}
		if len(kept) == 0 {
			st.Emptied++
			continue
		}
		out = append(out, kept)
	}
	return out, st
}

// paragraphs splits doc at blank lines; a document with no blank line at
// all, such as a corpus of one sentence a line, is split at every line end.
// sep is what to put back between the paragraphs kept: a blank line, so
// that a headline with no full stop does not run into the next sentence,
// or a line end.
func paragraphs(doc []byte) (ps [][]byte, sep []byte) {
	lines := bytes.SplitAfter(doc, []byte("\n"))
	blank := func(l []byte) bool { return len(bytes.TrimSpace(l)) == 0 }
	hasBlank := false
	for _, l := range lines[:len(lines)-1] { // the last piece ends no line
		if blank(l) {
			hasBlank = true
			break
		}
	}
	sep = []byte("\n")
	if hasBlank {
		sep = []byte("\n\n")
	}
	start := -1 // offset of the current paragraph, or -1 between paragraphs
	off := 0
	for _, l := range lines {
		switch {
		case blank(l):
			if start >= 0 {
				ps = append(ps, doc[start:off])
				start = -1
			}
		case !hasBlank:
			ps = append(ps, doc[off:off+len(l)])
		case start < 0:
			start = off
		}
		off += len(l)
	}
	if start >= 0 {
		ps = append(ps, doc[start:])
	}
	return ps, sep
}

// fingerprint hashes the words of p (whitespace-separated, lowercased,
// letters and digits only, so "Kerry’s" and "kerry's" are one word) and
// counts them.
func fingerprint(p []byte) (uint64, int) {
	h := fnv.New64a()
	var buf []byte
	words := 0
	for _, f := range bytes.Fields(p) {
		n := len(buf)
		for _, r := range string(f) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
		}
		if len(buf) > n {
			buf = append(buf, ' ')
			words++
		}
	}
	h.Write(buf)
	return h.Sum64(), words
}
