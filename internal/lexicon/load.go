package lexicon

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/unspin/unspin/dictionaries"
)

// Data is the raw lexicon data, in the formats of the files in
// dictionaries/ (see dictionaries/embed.go).
type Data struct {
	Thesaurus, Verbs, Exceptions, Swaps, Closed string
}

// Options tune candidate generation and the channel model.
type Options struct {
	// K is the most candidates Candidates returns, the kept word included.
	// Default DefaultK.
	K int
	// Unigram is log10 P(word) under the language model, -Inf (or NaN) for
	// a word it does not know. It ranks candidates for pruning, and only
	// known words are proposed. Nil ranks by channel alone and proposes any
	// word of the dictionaries.
	Unigram func(word string) float64
	// ReplaceRate is r(o), the chance the spinner replaces an open-class
	// word its thesaurus lists. Default 0.1: keeping must stay likely.
	ReplaceRate float64
	// SwapRate is r(o) for an original of the swap table. Default 0.9: the
	// spinner of the real sample replaced about 95% of the words it knows.
	SwapRate float64
	// Alpha is the exponent in q(s|o) = 1/|syn(o)|^Alpha. Default 1: 0.5
	// let very common words be proposed everywhere in a prototype.
	Alpha float64
	// SpellRate weighs spelling neighbours: British/American variants and
	// edit-distance neighbours of words the model does not know.
	// Default 0.05.
	SpellRate float64
}

// DefaultK is the default candidate budget per word. Measured on the real
// dev sample (recall_test.go), recall is 69% at K=10, 72% at 20, 76% at 30,
// 78% at 50 and 80% unbounded: 30 keeps most of it while a trigram decoder's
// cost grows with K cubed.
const DefaultK = 30

func (o Options) withDefaults() Options {
	if o.K <= 0 {
		o.K = DefaultK
	}
	if o.ReplaceRate <= 0 {
		o.ReplaceRate = 0.1
	}
	if o.SwapRate <= 0 {
		o.SwapRate = 0.9
	}
	if o.Alpha <= 0 {
		o.Alpha = 1
	}
	if o.SpellRate <= 0 {
		o.SpellRate = 0.05
	}
	return o
}

// Lexicon proposes candidate originals for spun words. It is safe for
// concurrent use; results are cached per word and shared, so callers must
// not modify the slices they get.
type Lexicon struct {
	*tables
	opts  Options
	cache sync.Map // lowercased word -> []Candidate
	// scores caches each root's channel + unigram as float32 bits, 0 until
	// computed: the same roots come back for many words.
	scores []atomic.Uint32
}

// tables is the immutable data every Lexicon view shares.
type tables struct {
	th     *thesaurus
	swaps  *swapTable
	closed map[string]bool
	morph  func() *morphology // parsed on first use
}

// Load opens lexicon data with default options, verifying its checksum.
func Load(d Data) (*Lexicon, error) { return load(d, true) }

func load(d Data, verify bool) (*Lexicon, error) {
	th, err := openThesaurus(d.Thesaurus, verify)
	if err != nil {
		return nil, err
	}
	sw, err := parseSwaps(d.Swaps)
	if err != nil {
		return nil, err
	}
	t := &tables{th: th, swaps: sw, closed: parseWordSet(d.Closed)}
	t.morph = sync.OnceValue(func() *morphology { return parseMorphology(d.Verbs, d.Exceptions) })
	return t.view(Options{}), nil
}

func (t *tables) view(o Options) *Lexicon {
	return &Lexicon{tables: t, opts: o.withDefaults(), scores: make([]atomic.Uint32, t.th.nRoots)}
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return load(Data{
		Thesaurus: dictionaries.Thesaurus, Verbs: dictionaries.Verbs,
		Exceptions: dictionaries.Exceptions, Swaps: dictionaries.Swaps, Closed: dictionaries.Closed,
	}, false)
})

// Default is the lexicon built into the binary, with default options. It
// is loaded once.
func Default() (*Lexicon, error) { return defaultLexicon() }

// With returns a view of the same data with other options and its own cache.
func (l *Lexicon) With(o Options) *Lexicon {
	return l.tables.view(o)
}

// Options returns the options in effect, defaults filled in.
func (l *Lexicon) Options() Options { return l.opts }

// known reports whether the language model knows w (any word without one).
func (l *Lexicon) known(w string) bool {
	if l.opts.Unigram == nil {
		return true
	}
	p := l.opts.Unigram(w)
	return !math.IsInf(p, -1) && !math.IsNaN(p)
}

func (l *Lexicon) unigram(w string) float64 {
	if l.opts.Unigram == nil {
		return 0
	}
	return l.opts.Unigram(w)
}
