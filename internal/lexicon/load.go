package lexicon

import (
	"fmt"
	"math"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/unspin/unspin/dictionaries"
)

// Data is the raw lexicon data, in the formats of the files in
// dictionaries/ (see dictionaries/embed.go).
// Candidates is the table Precompute builds from the others; Load needs
// it, Precompute does not.
type Data struct {
	Thesaurus, Verbs, Exceptions, Swaps, Closed string
	Candidates                                  string
	Phrases                                     string // multi-word swaps; optional
	WordNet                                     string // WordNet synsets in the thesaurus layout; optional
}

// Options tune candidate generation and the channel model.
type Options struct {
	// K is the most candidates Candidates returns, the kept word included.
	// Default DefaultK; at most TableDepth+1 are ever returned.
	K int
	// Unigram is log10 P(word) under the language model, -Inf (or NaN) for
	// a word it does not know: only known words are proposed. It must not
	// keep its argument, which may be a view of a reused buffer. Candidates
	// are ranked by the unigrams of the model the candidate table was built
	// with (the shipped one), which a lookup of its own would cost 40-110 µs
	// a word to redo. Nil proposes every word of the table.
	Unigram func(word string) float64
	// SameModel says Unigram reads the model the table was ranked with
	// (see RankedWith): every original of the table is known to it, so only
	// originals from elsewhere are checked, which halves a lookup.
	SameModel bool
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
	// WordNetWeight scales the channel of a WordNet candidate against a
	// Moby root's of the same list size: q(s|o) = WordNetWeight/|syn(o)|^Alpha
	// with |syn(o)| counted in WordNet, whose lists are a few words where
	// Moby's run to hundreds, so a pair WordNet makes gets the channel a
	// spinner drawing from a small thesaurus deserves. Default
	// DefaultWordNetWeight.
	WordNetWeight float64
}

// DefaultWordNetWeight is the default Options.WordNetWeight, chosen with
// tools/tune -wordnet on the training spinners and the clean-text suites:
// each step up from 0.05 through 0.1, 0.2, 0.3 to 1 restores more of a
// WordNet-like spinner's swaps and changes more clean words (on the
// clean-text suite 0.04%, 0.06% and 0.11% for the first three, against
// 0.03% without WordNet). 0.1 keeps clean text near where it was
// (docs/decision.md).
const DefaultWordNetWeight = 0.1

// DefaultK is the default candidate budget per word. Measured on the real
// dev sample (recall_test.go), recall is 70% at K=10, 74% at 20, 78% at 30,
// 81% at 50 and 82% at the table's depth: 30 keeps most of it while a
// trigram decoder's cost grows with K cubed.
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
	if o.WordNetWeight <= 0 {
		o.WordNetWeight = DefaultWordNetWeight
	}
	return o
}

// Lexicon proposes candidate originals for spun words. It is safe for
// concurrent use; results are cached per word and shared, so callers must
// not modify the slices they get.
type Lexicon struct {
	*tables
	opts     Options
	cache    sync.Map // lowercased word -> []Candidate
	ctxCache sync.Map // lowercased word -> []Candidate, of ContextCandidates
	// scores caches each root's channel + unigram as float32 bits, 0 until
	// computed, for Precompute: the same roots come back for many words.
	scores []atomic.Uint32
	fwd    *forward // each root's own synonym list, built by Precompute
	// knownIdx caches whether Unigram knows each table string (0 not yet
	// asked, 1 known, 2 unknown): the same common originals come back for
	// most words, and asking the model costs more than the rest of a lookup.
	knownIdx []atomic.Uint32
	// logReplace and logSpell are log10 of the rates, for table channels.
	logReplace, logSpell, logWordNet float64
	// tableOrder says the options rank as the table was ranked, so the
	// first K-1 originals of a list are the K-1 best.
	tableOrder bool
}

// tables is the immutable data every Lexicon view shares.
type tables struct {
	th     *thesaurus
	wn     *thesaurus // WordNet's synsets, each word a root listing its synset-mates; nil without
	cand   *table
	swaps  *swapTable
	phrase phraseTable
	closed map[string]bool
	morph  func() *morphology // parsed on first use, by Precompute and tests
}

// Load opens lexicon data with default options, verifying its checksums.
func Load(d Data) (*Lexicon, error) { return loadTables(d, true, true) }

// loadTables opens d; withTable says whether the candidate table is needed.
func loadTables(d Data, verify, withTable bool) (*Lexicon, error) {
	th, err := openThesaurus(d.Thesaurus, verify)
	if err != nil {
		return nil, err
	}
	sw, err := parseSwaps(d.Swaps)
	if err != nil {
		return nil, err
	}
	ph, err := parsePhrases(d.Phrases)
	if err != nil {
		return nil, err
	}
	t := &tables{th: th, swaps: sw, phrase: ph, closed: parseWordSet(d.Closed)}
	if d.WordNet != "" {
		if t.wn, err = openThesaurus(d.WordNet, verify); err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
	}
	if withTable {
		if t.cand, err = openTable(d.Candidates, verify); err != nil {
			return nil, err
		}
	}
	t.morph = sync.OnceValue(func() *morphology { return parseMorphology(d.Verbs, d.Exceptions) })
	return t.view(Options{}), nil
}

func (t *tables) view(o Options) *Lexicon {
	l := &Lexicon{tables: t, opts: o.withDefaults()}
	l.logReplace, l.logSpell = math.Log10(l.opts.ReplaceRate), math.Log10(l.opts.SpellRate)
	l.logWordNet = math.Log10(l.opts.WordNetWeight)
	if t.cand != nil && o.Unigram != nil && !o.SameModel {
		l.knownIdx = make([]atomic.Uint32, t.cand.nStrings)
	}
	if t.cand != nil {
		l.tableOrder = t.cand.metaValue("alpha") == ftoa(l.opts.Alpha) &&
			t.cand.metaValue("replace") == ftoa(l.opts.ReplaceRate) &&
			t.cand.metaValue("spell") == ftoa(l.opts.SpellRate) &&
			t.cand.metaValue("synonym") == ftoa(synonymWeight) &&
			t.cand.metaValue("wordnet") == ftoa(l.opts.WordNetWeight)
	}
	return l
}

// ftoa formats an option as the table's meta records it.
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// shipped is the data embedded in the binary.
func shipped() Data {
	return Data{
		Thesaurus: dictionaries.Thesaurus, Verbs: dictionaries.Verbs,
		Exceptions: dictionaries.Exceptions, Swaps: dictionaries.Swaps, Closed: dictionaries.Closed,
		Candidates: dictionaries.Candidates, Phrases: dictionaries.Phrases + dictionaries.SpinnerPhrases,
		WordNet: dictionaries.WordNet,
	}
}

// defaultLexicon skips the checksum passes (a test runs them) to start fast.
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return loadTables(shipped(), false, true)
})

// Default is the lexicon built into the binary, with default options. It
// is loaded once.
func Default() (*Lexicon, error) { return defaultLexicon() }

// With returns a view of the same data with other options and its own cache.
func (l *Lexicon) With(o Options) *Lexicon {
	return l.tables.view(o)
}

// RankedBy names the language model whose unigrams ranked the candidate
// table, as the table records it.
func (l *Lexicon) RankedBy() string { return l.cand.metaValue("model") }

// RankedWith reports whether a model of this vocabulary size and file size
// ranked the table: the check a caller makes before setting SameModel.
func (l *Lexicon) RankedWith(vocab int, fileSize int64) bool {
	return l.cand.metaValue("model-vocab") == strconv.Itoa(vocab) &&
		l.cand.metaValue("model-bytes") == strconv.FormatInt(fileSize, 10)
}

// Options returns the options in effect, defaults filled in.
func (l *Lexicon) Options() Options { return l.opts }

// Closed reports whether a lowercased word is closed-class (a pronoun,
// article, auxiliary, conjunction or common preposition: dictionaries/closed.txt),
// whose originals come from the swap table alone.
func (l *Lexicon) Closed(w string) bool { return l.closed[w] }

// known reports whether the language model knows w (any word without one).
func (l *Lexicon) known(w string) bool {
	if l.opts.Unigram == nil {
		return true
	}
	p := l.opts.Unigram(w)
	return !math.IsInf(p, -1) && !math.IsNaN(p)
}

// knownBytes is known for a word held in a buffer the caller reuses: the
// hundreds of spelling variants of an unknown word are asked without a
// string allocated for each (Unigram keeps nothing).
func (l *Lexicon) knownBytes(v []byte) bool {
	if len(v) == 0 {
		return l.known("")
	}
	return l.known(unsafe.String(&v[0], len(v)))
}

// knownAt is known for table string i, asking the model once per view.
func (l *Lexicon) knownAt(i int) bool {
	if l.knownIdx == nil {
		return true
	}
	switch l.knownIdx[i].Load() {
	case 1:
		return true
	case 2:
		return false
	}
	if l.known(l.cand.str(i)) {
		l.knownIdx[i].Store(1)
		return true
	}
	l.knownIdx[i].Store(2)
	return false
}

func (l *Lexicon) unigram(w string) float64 {
	if l.opts.Unigram == nil {
		return 0
	}
	return l.opts.Unigram(w)
}
