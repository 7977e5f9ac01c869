package lexicon

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// TableDepth is how many alternatives Precompute keeps per spun form, so
// Candidates serves any K up to TableDepth+1 (the kept word included).
const TableDepth = 60

// RankingModel identifies the model whose unigrams rank a candidate table.
type RankingModel struct {
	Name      string // its file name
	VocabSize int
	FileSize  int64
	// Unigram is its log10 P(word), -Inf for a word it does not know.
	Unigram func(word string) float64
}

// Precompute ranks, for every spun form, its originals from the thesaurus
// (read both ways), morphology and spelling rules, and returns the
// candidate table Load reads as Data.Candidates. The spun forms are the single words of the thesaurus
// and their inflections the model knows. d.Candidates is not read.
func Precompute(d Data, m RankingModel) ([]byte, error) {
	l, err := loadTables(d, true, false)
	if err != nil {
		return nil, err
	}
	b := l.With(Options{K: TableDepth + 1, Unigram: m.Unigram})
	b.scores = make([]atomic.Uint32, b.th.nRoots)
	b.fwd = newForward(b.th)
	keys := b.spunForms()
	lists, ctx := make([][]scored, len(keys)), make([][]scored, len(keys))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			rc := newRelativeCounter(b.th)
			for i := int(next.Add(1) - 1); i < len(keys); i = int(next.Add(1) - 1) {
				lists[i] = b.generate(keys[i])
				ctx[i] = b.contextRelatives(rc, keys[i], lists[i])
			}
		})
	}
	wg.Wait()
	o := b.Options()
	meta := fmt.Sprintf("model=%s\nmodel-vocab=%d\nmodel-bytes=%d\ndepth=%d\ncontext-depth=%d\nalpha=%s\nreplace=%s\nspell=%s\nsynonym=%s\nwordnet=%s\n",
		m.Name, m.VocabSize, m.FileSize, TableDepth, ContextDepth, ftoa(o.Alpha), ftoa(o.ReplaceRate), ftoa(o.SpellRate), ftoa(synonymWeight), ftoa(o.WordNetWeight))
	return encodeTable(b, keys, lists, ctx, meta)
}

// spunForms returns, sorted, the words a spinner may have written: every
// single word of the thesaurus, and their inflections the model knows.
func (l *Lexicon) spunForms() []string {
	m := l.morph()
	set := map[string]bool{}
	var words []string
	for _, th := range []*thesaurus{l.th, l.wn} {
		if th == nil {
			continue
		}
		for i := range th.nWords {
			words = append(words, th.word(i))
		}
	}
	for _, w := range words {
		if !Changeable(w) {
			continue
		}
		set[w] = true
		for f := Plural; f <= Superlative; f++ {
			for _, v := range m.inflect(w, f) {
				if Changeable(v) && l.known(v) {
					set[v] = true
				}
			}
		}
	}
	for _, forms := range []map[string][]analysis{m.verbOf, m.irreg} {
		for v, as := range forms {
			for _, a := range as {
				if Changeable(v) && l.known(v) && l.inThesaurus(a.lemma) {
					set[v] = true
				}
			}
		}
	}
	keys := make([]string, 0, len(set))
	for w := range set {
		keys = append(keys, w)
	}
	sort.Strings(keys)
	return keys
}
