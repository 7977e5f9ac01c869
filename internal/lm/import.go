package lm

import (
	"fmt"
	"io"
)

// ImportOptions tune ImportARPA. The zero value gives the defaults.
type ImportOptions struct {
	// UnknownLog10 is log10 P(w) for a word the model lacks, used when the
	// ARPA file has no <unk> unigram; 0 means DefaultUnknownLog10. A file's
	// own <unk> probability wins.
	UnknownLog10 float32
	// Source is recorded in the file: where the model came from and its
	// licence. `unspin lm info` prints it.
	Source string
	// LoadFactor is the share of hash-table slots filled, in (0, 1); 0 means
	// DefaultLoadFactor. Lower is faster on misses and larger. Trigram
	// models, written as version 3, have no such tables and ignore it.
	LoadFactor float64
	// hashed writes version 2 whatever the order, so that tests can hold
	// the two layouts of one model side by side.
	hashed bool
}

// Info describes a model.
type Info struct {
	Order        int
	Counts       []uint64 // Counts[n-1] is the number of n-grams; unigrams count the vocabulary
	VocabSize    int
	Source       string
	UnknownLog10 float32
	FileSize     int64
	// Set by ImportARPA only:
	Added         int      // n-grams added to close the model under suffixes and prefixes
	Collisions    int      // n-grams whose fingerprint another on their probe path shares (answered wrongly)
	MaxQuantError float32  // the largest difference between a stored and a given log10 value
	Warnings      []string // oddities in the input that did not stop the import
}

// NGrams is the total number of n-grams of every order.
func (i Info) NGrams() uint64 {
	var t uint64
	for _, c := range i.Counts {
		t += c
	}
	return t
}

// ImportARPA reads an ARPA language model (plain text or gzip, as SRILM,
// KenLM's lmplz and the CMU tools write it) and writes it to w in the binary
// format. It keeps the whole model in memory while it works, about 70 bytes
// an n-gram (270 MB for the 3.8 million n-grams of the CMU model), and takes
// about 7 s for that model. Syntax errors name the line.
func ImportARPA(r io.Reader, w io.Writer, opts ImportOptions) (Info, error) {
	if opts.UnknownLog10 == 0 {
		opts.UnknownLog10 = DefaultUnknownLog10
	}
	if opts.LoadFactor == 0 {
		opts.LoadFactor = DefaultLoadFactor
	}
	if opts.LoadFactor <= 0 || opts.LoadFactor >= 1 {
		return Info{}, fmt.Errorf("load factor %g outside (0, 1)", opts.LoadFactor)
	}
	m, err := readARPA(r)
	if err != nil {
		return Info{}, err
	}
	if len(m.words) > 1<<31 {
		return Info{}, fmt.Errorf("%d words: too many", len(m.words))
	}
	added := m.closeModel()
	data, info := m.encode(opts)
	info.Added = added
	info.Warnings = m.warnings
	if _, err := w.Write(data); err != nil {
		return Info{}, err
	}
	return info, nil
}

// Info describes a loaded model. Import-time figures are zero.
func (m *Binary) Info() Info {
	i := Info{Order: m.order, VocabSize: m.vocab, Source: m.source,
		UnknownLog10: m.unk, FileSize: int64(len(m.data))}
	i.Counts = make([]uint64, m.order)
	copy(i.Counts, m.counts[:m.order])
	return i
}
