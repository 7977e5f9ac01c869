package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// POS is a WordNet part of speech: 'n', 'v', 'a' (adjective, satellites
// included) or 'r' (adverb).
type POS byte

// The four WordNet parts of speech, in the order their files are read.
const (
	Noun POS = 'n'
	Verb POS = 'v'
	Adj  POS = 'a'
	Adv  POS = 'r'
)

var allPOS = []POS{Noun, Verb, Adj, Adv}

// fileName is the WordNet file suffix for a part of speech.
func (p POS) fileName() string {
	switch p {
	case Noun:
		return "noun"
	case Verb:
		return "verb"
	case Adj:
		return "adj"
	default:
		return "adv"
	}
}

// WordNet holds the synsets of a WordNet 3.0 database (the data.* files) and
// its exception lists (the *.exc files, irregular form -> lemma). Only what a
// spinner needs is kept: which words share a synset, and how to get from an
// inflected form to a lemma and back.
type WordNet struct {
	synsets []synset
	index   map[posWord][]int32  // lemma as written -> its synsets
	exc     map[posWord][]string // irregular form -> lemmas
	forms   map[posWord][]string // lemma -> irregular forms
}

type synset struct {
	pos   POS
	words []string // underscores for spaces, as in the files
}

type posWord struct {
	pos  POS
	word string
}

// LoadWordNet reads data.{noun,verb,adj,adv} and, where present,
// {noun,verb,adj,adv}.exc from fsys (a WordNet "dict" directory such as
// Debian's /usr/share/wordnet).
func LoadWordNet(fsys fs.FS) (*WordNet, error) {
	w := &WordNet{index: map[posWord][]int32{}, exc: map[posWord][]string{}, forms: map[posWord][]string{}}
	for _, p := range allPOS {
		if err := w.readFile(fsys, "data."+p.fileName(), p, w.readData); err != nil {
			return nil, err
		}
		err := w.readFile(fsys, p.fileName()+".exc", p, w.readExc)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return w, nil
}

func (w *WordNet) readFile(fsys fs.FS, name string, p POS, read func(io.Reader, POS) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := read(f, p); err != nil {
		return fmt.Errorf("wordnet %s: %w", name, err)
	}
	return nil
}

// readData parses data lines: "offset lex_filenum ss_type w_cnt word lex_id
// [word lex_id]... p_cnt ... | gloss", w_cnt two hex digits. Lines that start
// with a space are the licence header.
func (w *WordNet) readData(r io.Reader, p POS) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || l[0] == ' ' {
			continue
		}
		f := strings.SplitN(l, " ", 5)
		if len(f) < 5 {
			return fmt.Errorf("line %d: too few fields", line)
		}
		n, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil {
			return fmt.Errorf("line %d: word count %q: %v", line, f[3], err)
		}
		rest := strings.Fields(f[4])
		if len(rest) < 2*int(n) {
			return fmt.Errorf("line %d: %d words announced, fewer present", line, n)
		}
		s := synset{pos: p, words: make([]string, n)}
		for i := range s.words {
			word := rest[2*i]
			if k := strings.IndexByte(word, '('); k > 0 { // adjective marker: galore(ip)
				word = word[:k]
			}
			s.words[i] = word
			key := posWord{p, word}
			w.index[key] = append(w.index[key], int32(len(w.synsets)))
		}
		w.synsets = append(w.synsets, s)
	}
	return sc.Err()
}

// readExc parses exception lines: "form lemma [lemma]...".
func (w *WordNet) readExc(r io.Reader, p POS) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		w.exc[posWord{p, f[0]}] = append(w.exc[posWord{p, f[0]}], f[1:]...)
		for _, lemma := range f[1:] {
			w.forms[posWord{p, lemma}] = append(w.forms[posWord{p, lemma}], f[0])
		}
	}
	return sc.Err()
}

// Has reports whether lemma (as written, underscores for spaces) is in
// WordNet as the given part of speech.
func (w *WordNet) Has(lemma string, p POS) bool { return len(w.index[posWord{p, lemma}]) > 0 }

// Synonyms returns the other words of every synset of lemma as p, in file
// order, without duplicates.
func (w *WordNet) Synonyms(lemma string, p POS) []string {
	var out []string
	seen := map[string]bool{lemma: true}
	for _, id := range w.index[posWord{p, lemma}] {
		for _, s := range w.synsets[id].words {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// Synsets is the number of synsets read.
func (w *WordNet) Synsets() int { return len(w.synsets) }

// EachSynset calls f with the part of speech and the words (as written,
// underscores for spaces) of every synset, in file order.
func (w *WordNet) EachSynset(f func(p POS, words []string)) {
	for _, s := range w.synsets {
		f(s.pos, s.words)
	}
}
