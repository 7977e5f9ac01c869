package repair

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/unspin/unspin/internal/lm"
	"math"
	"slices"
	"sync/atomic"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/text"
)

// The trained decision.
//
// The decoder's posterior of a candidate says how well it fits the
// language model and the channel, but a posterior alone is a poor judge of
// whether to change a word: it knows nothing of how spinners choose their
// words (an original is usually more frequent than the synonym put in its
// place), of which candidate sources are trustworthy, or of what the rest
// of the document says about the same spun word (a spinner is a table: it
// replaces a word the same way all through a text). So the final decision
// is a model over per-candidate features, the posterior among them:
// boosted trees over a logistic model, trained on synthetic spun text from
// several spinners, with and without tables learned from them, in
// documents of an article's length and of a window's (tools/mkdecision),
// and shipped as decision.json. Its output, the probability that the
// candidate is the right original, is the confidence of an edit.

// FeatureNames names the features of a candidate, in the order Features
// returns them and the decision's weights are kept.
var FeatureNames = []string{
	"post",       // ln posterior of the candidate
	"post_keep",  // ln posterior of keeping the spun word
	"post_top",   // the candidate has the highest posterior of all
	"alt_top",    // the candidate has the highest posterior of the alternatives
	"local",      // ln local posterior of the candidate over the spun word's
	"freq_ratio", // log10 P(original) - log10 P(spun)
	"freq_spun",  // log10 P(spun)
	"channel",    // the lexicon's log10 P(spun | original)
	"src_swap",   // source indicators
	"src_thesaurus",
	"src_wordnet",
	"src_synonym",
	"src_morphology",
	"src_spelling",
	"src_phrase",
	"src_learned",
	"src_context",
	"rate_content",  // the document's estimated content-word spin rate
	"rate_function", // and its function-word rate
	"doc_agree",     // mean posterior of the same change at the spun word's other occurrences
	"doc_count",     // ln of how many times the spun word occurs in the document
	"orig_burst",    // ln (1 + the candidate's occurrences in the document) / (1 + those its frequency predicts)
	"spun_burst",    // the same for the spun word
	"title",         // the spun word is capitalised
	"unknown_spun",  // the model does not know the spun word
	"options",       // ln of the number of candidates decoded
	"post_x_swap",   // the posterior of a swap-table candidate: the swap table's function words behave apart
	"alt_margin",    // ln posterior of the candidate over the best other alternative's
	"keep_margin",   // ln posterior of the candidate over the spun word's
	"nb_spun",       // the larger posterior that an adjacent word was spun
}

// Decision is a logistic model over the features of a candidate, and
// optionally boosted trees that replace it where it is not sure of a no.
type Decision struct {
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`  // subtracted from each feature
	Scale    []float64 `json:"scale"` // then divided by
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Trees, when present, are gradient-boosted regression trees whose
	// summed values are the log-odds; the linear weights then judge only
	// the candidates under treeGate.
	Trees []Tree `json:"trees,omitempty"`
	// Trained says on what, for whoever reads the file.
	Trained string `json:"trained,omitempty"`
	// Short, when set, judges the candidates of a text of fewer than
	// ShortWords words instead. A lone sentence holds no evidence of a
	// spinner beyond itself: its estimated rates and document features are
	// noise that a decision fitted to articles reads as signal, and one
	// fitted to texts of that size weighs them for what they are.
	Short      *Decision `json:"short,omitempty"`
	ShortWords int       `json:"short_words,omitempty"`
	// Offset is added to the log-odds of every candidate: the prior odds
	// that a text of the kind the decision judges was spun, where the mix of
	// the training sets is not the world's. It is set for the short
	// decision (docs/decision.md says how it was chosen).
	Offset float64 `json:"offset,omitempty"`

	forest *forest // Trees laid out for evaluation
}

//go:embed decision.json
var decisionJSON []byte

// DefaultDecision is the shipped decision.
func DefaultDecision() (*Decision, error) {
	return ParseDecision(decisionJSON)
}

// ParseDecision reads a decision written by tools/mkdecision and checks that
// it speaks of the features this build computes.
func ParseDecision(data []byte) (*Decision, error) {
	var d Decision
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("decision: %w", err)
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	return &d, nil
}

// check checks the decision, and its short one, against this build's
// features and lays out their trees.
func (d *Decision) check() error {
	n := len(FeatureNames)
	if len(d.Features) != n || len(d.Mean) != n || len(d.Scale) != n || len(d.Weights) != n {
		return fmt.Errorf("decision: %d features, want %d", len(d.Features), n)
	}
	for i, f := range d.Features {
		if f != FeatureNames[i] {
			return fmt.Errorf("decision: feature %d is %q, want %q", i, f, FeatureNames[i])
		}
	}
	if err := d.UseTrees(d.Trees); err != nil {
		return err
	}
	if d.Short != nil {
		if d.Short.Short != nil {
			return fmt.Errorf("decision: a short decision has a short decision of its own")
		}
		if err := d.Short.check(); err != nil {
			return fmt.Errorf("short %w", err)
		}
	}
	return nil
}

// For returns the decision that judges a text of the given number of words.
func (d *Decision) For(words int) *Decision {
	if d.Short != nil && words < d.ShortWords {
		return d.Short
	}
	return d
}

// UseTrees sets the decision's trees (none: the linear weights alone) and
// lays them out for evaluation.
func (d *Decision) UseTrees(trees []Tree) error {
	d.Trees, d.forest = trees, nil
	if len(trees) == 0 {
		return nil
	}
	f, err := newForest(trees, len(FeatureNames))
	if err != nil {
		return fmt.Errorf("decision: %w", err)
	}
	d.forest = f
	return nil
}

// Probability is the model's probability that a candidate with features x is
// the right original.
func (d *Decision) Probability(x []float64) float64 {
	z := d.Bias
	for i, v := range x {
		s := d.Scale[i]
		if s == 0 {
			s = 1
		}
		z += d.Weights[i] * (v - d.Mean[i]) / s
	}
	if d.forest != nil && z > treeGate {
		z = d.forest.value(x)
	}
	return 1 / (1 + math.Exp(-(z + d.Offset)))
}

// treeGate is the linear log-odds under which a candidate is left to the
// linear weights even when the decision has trees: a candidate they give
// under 2% (most of them) stays far under the threshold, and walking a few
// hundred trees for each cost a fifth of a repair. Trees and weights are
// fitted to the same examples; on 120,000 words of spun news the gate
// changes 9 lines of 5,000.
var treeGate = math.Log(0.02 / 0.98)

// Tree is one regression tree, its root first.
type Tree struct {
	Nodes []Node `json:"nodes"`
}

// Node is a split (Feature >= 0: go Left when x[Feature] <= Threshold) or a
// leaf (Feature -1) holding a Value.
type Node struct {
	Feature   int     `json:"f"`
	Threshold float64 `json:"t,omitempty"`
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// Value is the tree's value for features x.
func (t *Tree) Value(x []float64) float64 {
	k := 0
	for {
		n := &t.Nodes[k]
		if n.Feature < 0 {
			return n.Value
		}
		if x[n.Feature] <= n.Threshold {
			k = n.Left
		} else {
			k = n.Right
		}
	}
}

// docStats is what a document says about each of its spun words: how often
// it occurs and the summed posterior of each change made of it. A spun
// word's changes are few, so they are a list searched in order rather
// than a map keyed by the pair.
type docStats struct {
	index map[string]int // spun word -> its entry in spun
	spun  []spunStats
}

type spunStats struct {
	count int
	words []string  // the originals proposed for it
	mass  []float64 // and their summed posteriors
}

func statsOf(words []Word, a Analysis) docStats {
	st := docStats{index: make(map[string]int, len(words)), spun: make([]spunStats, 0, len(words))}
	for _, w := range words {
		s := st.of(w.Options[0].Word, true)
		s.count++
		if s.words == nil { // room for the first occurrence's changes, most often all there are
			s.words, s.mass = make([]string, 0, len(w.Options)-1), make([]float64, 0, len(w.Options)-1)
		}
		for _, o := range w.Options[1:] {
			k := slices.Index(s.words, o.Word)
			if k < 0 {
				k = len(s.words)
				s.words, s.mass = append(s.words, o.Word), append(s.mass, 0)
			}
			s.mass[k] += o.Posterior
		}
	}
	return st
}

// of returns the entry of spun, adding it when add is set, else nil when
// the document lacks it.
func (st *docStats) of(spun string, add bool) *spunStats {
	i, ok := st.index[spun]
	if !ok {
		if !add {
			return nil
		}
		i = len(st.spun)
		st.index[spun] = i
		st.spun = append(st.spun, spunStats{})
	}
	return &st.spun[i]
}

// counted is how often the spun word occurs: 0 for a nil entry.
func (s *spunStats) counted() int {
	if s == nil {
		return 0
	}
	return s.count
}

// massOf is the summed posterior of changing the spun word to word.
func (s *spunStats) massOf(word string) float64 {
	if k := slices.Index(s.words, word); k >= 0 {
		return s.mass[k]
	}
	return 0
}

// Features returns the features of every alternative of w (index j-1 for
// option j), in the order of FeatureNames.
func (st docStats) features(w Word, nb float64, a Analysis, unk float64) [][]float64 {
	return st.featuresIn(new(featureRows), w, nb, a, unk)
}

// featureRows is room for one word's feature rows, reused from word to
// word by decide.
type featureRows struct {
	rows [][]float64
	flat []float64
}

// featuresIn is features, its rows in b: valid until b's next use. nb is
// the larger posterior that a word adjacent to w was spun (spunNeighbours).
func (st docStats) featuresIn(b *featureRows, w Word, nb float64, a Analysis, unk float64) [][]float64 {
	f := st.wordFeatures(w, nb, a, unk)
	nf := len(FeatureNames)
	rows := slices.Grow(b.rows[:0], len(w.Options)-1)[:len(w.Options)-1]
	flat := slices.Grow(b.flat[:0], len(rows)*nf)[:len(rows)*nf]
	b.rows, b.flat = rows, flat
	for j := 1; j < len(w.Options); j++ {
		rows[j-1] = f.row(flat[(j-1)*nf:(j-1)*nf:j*nf], j)
	}
	return rows
}

// wordFeatures are the features a word's alternatives share, worked out
// once a word, and what row needs to add each alternative's own.
type wordFeatures struct {
	w                                  Word
	a                                  Analysis
	doc                                *spunStats
	n                                  int // the spun word's occurrences
	top, altTop                        int // the options of highest posterior, of all and of the alternatives
	altNext                            int // the second best alternative, 0 if none
	lnKeep, lnKeepLocal                float64
	lnCount, lnOptions, spunBurst, unk float64
	nb                                 float64 // the larger posterior that an adjacent word was spun
}

func (st docStats) wordFeatures(w Word, nb float64, a Analysis, unk float64) wordFeatures {
	opts := w.Options
	keep := opts[0]
	top, altTop, altNext := 0, 1, 0
	for j, o := range opts {
		if o.Posterior > opts[top].Posterior {
			top = j
		}
		if j > 0 && o.Posterior > opts[altTop].Posterior {
			altTop = j
		}
	}
	for j := 1; j < len(opts); j++ {
		if j != altTop && (altNext == 0 || opts[j].Posterior > opts[altNext].Posterior) {
			altNext = j
		}
	}
	doc := st.of(keep.Word, false)
	n := doc.counted()
	return wordFeatures{
		w: w, a: a, doc: doc, n: n, top: top, altTop: altTop, altNext: altNext, nb: nb,
		lnKeep: lnFloor(keep.Posterior), lnKeepLocal: lnFloor(keep.Local),
		lnCount: math.Log(float64(n)), lnOptions: math.Log(float64(len(opts))),
		spunBurst: a.burst(keep), unk: unk,
	}
}

// row appends to x, which has room for them, the features of option j.
func (f *wordFeatures) row(x []float64, j int) []float64 {
	keep, o, a := f.w.Options[0], f.w.Options[j], &f.a
	x = append(x,
		lnFloor(o.Posterior),
		f.lnKeep,
		indicator(f.top == j),
		indicator(f.altTop == j),
		clamp(lnFloor(o.Local)-f.lnKeepLocal, 20),
		clamp(o.Unigram-keep.Unigram, 8),
		keep.Unigram,
		max(o.Channel, -8))
	src := len(x)
	x = append(x, make([]float64, numSourceFeatures)...)
	x[src+sourceIndex(o.Source)] = 1
	agree := 0.0
	if f.n > 1 {
		agree = (f.doc.massOf(o.Word) - o.Posterior) / float64(f.n-1)
	}
	x = append(x,
		a.ContentRate,
		a.FunctionRate,
		agree,
		f.lnCount,
		a.burst(o),
		f.spunBurst,
		indicator(f.w.Shape != text.Lower),
		indicator(keep.Unigram <= f.unk),
		f.lnOptions,
		x[0]*x[src])
	// The margin over the strongest rival: for the best alternative the
	// runner-up, for any other the best.
	rival := f.altTop
	if j == f.altTop {
		rival = f.altNext
	}
	altMargin := 20.0
	if rival > 0 {
		altMargin = clamp(x[0]-lnFloor(f.w.Options[rival].Posterior), 20)
	}
	return append(x, altMargin, clamp(x[0]-f.lnKeep, 20), f.nb)
}

// spunNeighbours returns, for each word, the larger decoder posterior that
// the word just before or just after it was spun (1 minus its keep
// posterior), 0 when neither has candidates. A spinner at a high rate
// replaces runs of words, and a candidate judged by the language model
// beside a spun neighbour is judged against the wrong context.
func spunNeighbours(words []Word) []float64 {
	nb := make([]float64, len(words))
	for i := 1; i < len(words); i++ {
		if words[i].Start-words[i-1].End > maxNeighbourGap {
			continue
		}
		spunBefore, spunAfter := 1-words[i-1].Options[0].Posterior, 1-words[i].Options[0].Posterior
		nb[i] = max(nb[i], spunBefore)
		nb[i-1] = max(nb[i-1], spunAfter)
	}
	return nb
}

// maxNeighbourGap is the most bytes between two words that count as
// adjacent: a space, or punctuation and a space ("war, and"); a word
// between them would take more.
const maxNeighbourGap = 2

// burst says how much more often the document holds o's word than its
// frequency predicts: a spinner at a moderate rate leaves some occurrences of
// an original in place, and an article repeats the words of its topic. It
// is ln (1 + count) / (1 + expected count), near 0 in a short text, and 0
// when the text was not counted or the model does not know the word.
func (a Analysis) burst(o Option) float64 {
	if a.counts == nil || o.id == lm.Unknown {
		return 0
	}
	var count int32
	if int(o.id) < len(a.counts) {
		count = a.counts[o.id]
	}
	expected := float64(a.Words) * a.powers.of(o.id, o.Unigram)
	return math.Log((1 + float64(count)) / (1 + expected))
}

// unigramPowers caches 10^(log10 P(w)) by word id: burst needs it for
// every candidate of every pass, and math.Pow cost a few percent of a
// repair. It is safe for concurrent use; a word's entry holds the log
// probability it was worked out from, so that it answers only for that
// one, and 0 bits while nothing is known.
type unigramPowers struct {
	log10p, pow []atomic.Uint64 // float64 bits
}

func newUnigramPowers(vocab int) *unigramPowers {
	return &unigramPowers{log10p: make([]atomic.Uint64, vocab), pow: make([]atomic.Uint64, vocab)}
}

// of is 10^log10p, the unigram log probability of word id.
func (u *unigramPowers) of(id lm.WordID, log10p float64) float64 {
	key := math.Float64bits(log10p)
	if u == nil || int(id) >= len(u.pow) || key == 0 {
		return math.Pow(10, log10p)
	}
	if u.log10p[id].Load() == key {
		return math.Float64frombits(u.pow[id].Load())
	}
	v := math.Pow(10, log10p)
	u.pow[id].Store(math.Float64bits(v)) // before the key: a reader who sees the key sees it
	u.log10p[id].Store(key)
	return v
}

// numSourceFeatures is the number of source indicators.
const numSourceFeatures = 9

// sourceIndex places a source among the indicator features; every source
// not listed before it counts as context.
func sourceIndex(s lexicon.Source) int {
	switch s {
	case lexicon.Swap:
		return 0
	case lexicon.Thesaurus:
		return 1
	case lexicon.WordNet:
		return 2
	case lexicon.Synonym:
		return 3
	case lexicon.Morphology:
		return 4
	case lexicon.Spelling:
		return 5
	case lexicon.Phrase:
		return 6
	case lexicon.Learned:
		return 7
	}
	return 8
}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// lnFloor is ln p, floored so that a zero posterior is a large negative
// number rather than -Inf.
func lnFloor(p float64) float64 { return math.Log(max(p, 1e-6)) }

func clamp(x, limit float64) float64 { return min(max(x, -limit), limit) }

// Decides reports whether the decision judges candidates from src. The
// swap table's function words (a for the, during for at) are left to the
// decoder's posterior: whether an "a" was a "the" depends on the words
// around it, which the decoder weighs jointly, and the features of a
// candidate add nothing measured to it.
func Decides(src lexicon.Source) bool { return src != lexicon.Swap }

// decides is Decides for an option of a verdict. A listed phrase is left to
// the posterior too: it is one edit over several words, often of another
// length, which a decision judging each word alone left half made ("people
// die the in road crashes"). An inferred term swaps word for word, and the
// decision keeps clean text's lookalikes ("compiler versions") in place.
func decides(o Option) bool { return Decides(o.Source) && !o.listed }

// Candidate is one alternative of a word with its features, for training a
// decision.
type Candidate struct {
	Start, End int    // the spun word's byte offsets
	Spun, Word string // the spun word and the candidate original, lowercased
	Source     lexicon.Source
	Features   []float64
}

// Features decodes src and returns every alternative of every word with its
// features, in order of position.
func (r *Repairer) Features(src []byte) []Candidate {
	words, a := r.verdicts(src)
	st := statsOf(words, a)
	unk := r.unigram(lm.Unknown)
	nbs := spunNeighbours(words)
	var out []Candidate
	for i, w := range words {
		for j, x := range st.features(w, nbs[i], a, unk) {
			o := w.Options[j+1]
			out = append(out, Candidate{Start: w.Start, End: w.End, Spun: w.Options[0].Word, Word: o.Word, Source: o.Source, Features: x})
		}
	}
	return out
}

// verdicts returns the verdicts of every word of src with an alternative.
func (r *Repairer) verdicts(src []byte) ([]Word, Analysis) {
	var words []Word
	a := r.analyze(src, func(w Word) { words = append(words, w) }, true)
	return words, a
}

// decide sets each option's Posterior to the decision's probability that
// it is the right original, the spun word's to what is left.
func (r *Repairer) decide(words []Word, a Analysis) {
	st := statsOf(words, a)
	unk := r.unigram(lm.Unknown)
	nbs := spunNeighbours(words)
	dec := r.opts.Decision.For(a.Words)
	x := make([]float64, 0, len(FeatureNames))
	var probs []float64
	for i, w := range words {
		// Only the options the decision judges need their features: the
		// swap table's function words keep their posteriors.
		var f wordFeatures
		have := false
		rest := 1.0
		probs = slices.Grow(probs[:0], len(w.Options)-1)[:len(w.Options)-1]
		for j := range probs {
			probs[j] = w.Options[j+1].Posterior
			if decides(w.Options[j+1]) {
				if !have {
					f, have = st.wordFeatures(w, nbs[i], a, unk), true
				}
				probs[j] = dec.Probability(f.row(x[:0], j+1))
			}
		}
		for j, p := range probs {
			w.Options[j+1].Posterior = p
			rest -= p
		}
		w.Options[0].Posterior = max(rest, 0)
	}
}
