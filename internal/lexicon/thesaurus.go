package lexicon

import (
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
)

// thesaurus is the inverted Moby thesaurus, read in place from the embedded
// string without parsing, so loading costs one checksum pass.
//
// Layout (little-endian), written by tools/mklexicon:
//
//	"UNSPLEX1" crc32(body)
//	body: nWords u32, nRoots u32,
//	      wordOff [nWords+1]u32   (word w is blob[wordOff[w]:wordOff[w+1]]; words sorted)
//	      rootWord [nRoots]u32    (word id of each root; roots sorted)
//	      rootSyns [nRoots]u16    (|syn(root)|, the q(s|o) denominator)
//	      postOff [nWords+1]u32   (roots listing word w: post[postOff[w]:postOff[w+1]])
//	      post [..]u16            (root indices, ascending)
//	      blob
type thesaurus struct {
	data                                 string
	nWords, nRoots                       int
	wordOff, rootWord, rootSyns, postOff int // byte offsets of the arrays
	post, blob                           int
}

const thesaurusMagic = "UNSPLEX1"

var errCorrupt = errors.New("lexicon: corrupt or foreign thesaurus data")

// openThesaurus views data in place. verify adds the checksum pass over
// the whole file; the embedded copy skips it to start fast (a test checks it).
func openThesaurus(data string, verify bool) (*thesaurus, error) {
	if len(data) < 20 || data[:8] != thesaurusMagic {
		return nil, errCorrupt
	}
	body := data[12:]
	if verify && crc32.ChecksumIEEE([]byte(body)) != u32(data, 8) {
		return nil, fmt.Errorf("%w: checksum mismatch", errCorrupt)
	}
	t := &thesaurus{data: body, nWords: int(u32(body, 0)), nRoots: int(u32(body, 4))}
	t.wordOff = 8
	t.rootWord = t.wordOff + 4*(t.nWords+1)
	t.rootSyns = t.rootWord + 4*t.nRoots
	t.postOff = t.rootSyns + 2*t.nRoots
	t.post = t.postOff + 4*(t.nWords+1)
	if t.post > len(body) {
		return nil, errCorrupt
	}
	t.blob = t.post + 2*int(u32(body, t.postOff+4*t.nWords))
	if t.blob > len(body) || t.blob+int(u32(body, t.wordOff+4*t.nWords)) != len(body) {
		return nil, errCorrupt
	}
	return t, nil
}

func u32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func u16(s string, i int) uint16 { return uint16(s[i]) | uint16(s[i+1])<<8 }

// findSorted returns the index of w among the n sorted strings at(0..n-1),
// or -1: the binary search both shipped tables use to read in place.
func findSorted(n int, at func(int) string, w string) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c := strings.Compare(at(m), w); c == 0 {
			return m
		} else if c < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return -1
}

// word returns the spelling of word id w.
func (t *thesaurus) word(w int) string {
	a := u32(t.data, t.wordOff+4*w)
	b := u32(t.data, t.wordOff+4*w+4)
	return t.data[t.blob+int(a) : t.blob+int(b)]
}

// find returns the id of w, or -1: a binary search over the sorted words.
func (t *thesaurus) find(w string) int {
	return findSorted(t.nWords, t.word, w)
}

// root is one thesaurus entry: a word and the size of its synonym list.
type root struct {
	word string
	nSyn int
	idx  int // index among the roots
}

func (t *thesaurus) root(r int) root {
	return root{
		word: t.word(t.rootWordID(r)),
		nSyn: int(u16(t.data, t.rootSyns+2*r)),
		idx:  r,
	}
}

// rootWordID is the word id of root r.
func (t *thesaurus) rootWordID(r int) int { return int(u32(t.data, t.rootWord+4*r)) }

// rootsOf calls f for every root whose synonym list contains w.
func (t *thesaurus) rootsOf(w string, f func(root)) {
	if id := t.find(w); id >= 0 {
		t.rootIDsOf(id, func(r int) { f(t.root(r)) })
	}
}

// rootIDsOf calls f with the index of every root whose list holds word id w.
func (t *thesaurus) rootIDsOf(w int, f func(r int)) {
	a := int(u32(t.data, t.postOff+4*w))
	b := int(u32(t.data, t.postOff+4*w+4))
	for i := a; i < b; i++ {
		f(int(u16(t.data, t.post+2*i)))
	}
}

// rootSize is the synonym-list size of w as a root, or 0 if w heads no entry.
func (t *thesaurus) rootSize(w string) int {
	if r := t.rootIndex(w); r >= 0 {
		return int(u16(t.data, t.rootSyns+2*r))
	}
	return 0
}

// rootIndex is the index of w among the roots, or -1 if w heads no entry.
func (t *thesaurus) rootIndex(w string) int {
	id := t.find(w)
	if id < 0 {
		return -1
	}
	lo, hi := 0, t.nRoots
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r := t.rootWordID(m); r == id {
			return m
		} else if r < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return -1
}

// synonymLists reads the index the other way round: the word ids of each
// root's own synonym list. It walks every posting, so only Precompute
// builds it.
func (t *thesaurus) synonymLists() [][]int32 {
	lists := make([][]int32, t.nRoots)
	for w := range t.nWords {
		t.rootIDsOf(w, func(r int) { lists[r] = append(lists[r], int32(w)) })
	}
	return lists
}

// withPrefix calls f for every word that starts with prefix, in order.
func (t *thesaurus) withPrefix(prefix string, f func(string)) {
	lo, hi := 0, t.nWords
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.word(m) < prefix {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for ; lo < t.nWords; lo++ {
		w := t.word(lo)
		if !strings.HasPrefix(w, prefix) {
			return
		}
		f(w)
	}
}
