// The decoder: recovering the original sentence from its spun copy.
//
// A spinner copied an original sentence o = o_1..o_n and replaced some words
// by "synonyms", giving the spun sentence s = s_1..s_n that we read. The
// noisy-channel view picks the original that best explains what we see:
//
//	o* = argmax_o  P_LM(o) · Π_i P(s_i | o_i)
//
// P_LM is an n-gram language model: it knows that "the military base" is
// English and "a infantry bottom" is not. P(s_i | o_i) is the spinner's
// channel, proposed by the lexicon: every spun word may be kept (most are) or
// may stand for one of a few originals whose synonym lists contain it.
//
// The candidates form a lattice: one column per word, one row per candidate.
// Because an n-gram model only looks n-1 words back, a path through the
// lattice is summarised by its language-model state, and paths that reach
// the same state can be merged: their futures are scored identically. The
// decoder walks the columns left to right keeping, after each word, the set
// of distinct states reached (beam-pruned to the most probable), with the
// forward sum (the summed probability of every path into the state). A
// backward pass over the same graph then gives, for every word and
// candidate, its posterior: the share of the probability of all paths that
// pass through that candidate. A fix is proposed where the candidate with
// the highest posterior is not the spun word itself, and the posterior is its
// confidence. Choosing word by word from posteriors (rather than the single
// best path) minimises the expected number of wrong words, which is what an
// editor reading the fixes cares about.
//
// Around this decoder (repair.go, analyze.go) sit three measured choices.
// The fast match (prefilter.go) drops candidates absurd in their local
// context before decoding, so the lattice stays narrow. The spinner's rate
// of replacement is estimated for each document by expectation-maximisation
// (channel.go), so that clean text keeps its words and spun text is
// repaired. And all log scores are scaled by one half before normalising,
// because an n-gram model is overconfident: the posteriors are then better
// calibrated as confidences.
//
// Scores are natural logarithms inside the decoder; the model and the lexicon
// speak log10, converted once per score.

package repair

import (
	"math"
	"slices"

	"github.com/unspin/unspin/internal/lm"
)

// option is one candidate original at a position of the lattice.
type option struct {
	channel     float64      // weighted ln P(spun | original), set by setRate
	lnq         float64      // ln q(spun | original) for an alternative
	doc         float64      // what the spun word's other occurrences say of it (consistency.go)
	evidence    float64      // the rate-free part of its local posterior (see setEvidence)
	id          lm.WordID    // the original in the model's vocabulary
	cand        int32        // index of the lexicon candidate it stands for
	class       rateClass    // which spin rate applies
	replaceable bool         // for the spun word: the spinner could have replaced it
	phrase      bool         // part of a known phrase matched whole: skips the fast match
	parts       *[]lm.WordID // the spun word, a compound the model lacks: the known words it is scored as (a pointer keeps options small)
}

// scoreOption is log10 P of option o after state st, and the state after
// it. A compound the model lacks but whose parts it knows ("pay-off",
// "small-town") is scored as its words in sequence, so that it neither
// costs the flat unknown-word probability nor empties the context of the
// words after it.
func scoreOption(m lm.Model, st lm.State, o *option) (float32, lm.State) {
	if o.parts != nil {
		return scoreParts(m, st, *o.parts)
	}
	return m.Score(st, o.id)
}

func scoreParts(m lm.Model, st lm.State, parts []lm.WordID) (float32, lm.State) {
	var total float32
	for _, w := range parts {
		var lp float32
		lp, st = m.Score(st, w)
		total += lp
	}
	return total, st
}

// slot is one word position: its candidate originals, the spun word first.
type slot struct {
	opts []option
	// ctx are the word's context candidates, shared: the fast match
	// appends the few that fit best to opts, whose capacity has room.
	ctx []contextOption
}

// contextOption is a context candidate until the fast match keeps it: a
// quarter of an option's size, as a word has a few dozen and the word
// cache holds every distinct form.
type contextOption struct {
	id    lm.WordID
	cand  int32 // index of the lexicon candidate
	lnq   float32
	class rateClass
}

func (c contextOption) option() option {
	return option{id: c.id, cand: c.cand, lnq: float64(c.lnq), class: c.class}
}

// node is one language-model state of a column. Its forward and backward
// sums are probabilities scaled so that the column's largest is 1; the
// column's scale is kept apart as a logarithm. Sums of probabilities then
// need no exponential per term, and no sum underflows however long the
// sentence: the forward-backward recursions of hidden Markov models are
// scaled the same way.
type node struct {
	state lm.State
	alpha float64 // summed probability of all paths into the node, scaled
	beta  float64 // summed probability of all its completions, scaled
}

type edge struct {
	from, to int32   // node indices in the previous and this column
	opt      int32   // option index in the slot
	p        float64 // e^(scaled log score): the edge's probability weight
}

// decoder holds the scratch space for one sentence; reuse it across
// sentences to avoid allocation.
type decoder struct {
	model lm.Model
	beam  int     // most states kept per column
	scale float64 // multiplies every log score before normalising posteriors

	nodes [][]node    // nodes[i]: states after i words (nodes[0] is <s>)
	edges [][]edge    // edges[i]: edges from nodes[i] to nodes[i+1]
	post  [][]float64 // post[i][j]: posterior of option j at position i

	// lnAlpha[i] and lnBeta[i] are the logs of the factors that column i's
	// scaled forward and backward sums were divided by.
	lnAlpha, lnBeta []float64

	// prune's scratch space
	order, renum []int32
	kept         []node

	touched uint64 // what extend's touches of the model read, so that they are not dead loads
}

const ln10 = math.Ln10

func newDecoder(m lm.Model, beam int, scale float64) *decoder {
	return &decoder{model: m, beam: beam, scale: scale}
}

// posteriors fills d.post for the sentence and returns it.
func (d *decoder) posteriors(slots []slot) [][]float64 {
	n := len(slots)
	d.reset(n)
	d.nodes[0] = append(d.nodes[0], node{state: d.model.BeginSentence(), alpha: 1})
	d.lnAlpha[0] = 0
	for i := range slots {
		d.extend(i, slots[i])
	}
	logZ := d.finish(n)
	d.backward(n)
	for i := range slots {
		d.collect(i, len(slots[i].opts), logZ)
	}
	return d.post[:n]
}

func (d *decoder) reset(n int) {
	for len(d.nodes) < n+1 {
		d.nodes = append(d.nodes, nil)
		d.edges = append(d.edges, nil)
		d.post = append(d.post, nil)
		d.lnAlpha = append(d.lnAlpha, 0)
		d.lnBeta = append(d.lnBeta, 0)
	}
	for i := 0; i <= n; i++ {
		d.nodes[i] = d.nodes[i][:0]
		d.edges[i] = d.edges[i][:0]
	}
}

// extend scores every option of slot i from every state of column i, merges
// the resulting states into column i+1 and prunes it to the beam.
func (d *decoder) extend(i int, s slot) {
	next := d.nodes[i+1]
	edges := d.edges[i]
	if t, ok := d.model.(lm.Toucher); ok {
		// Each state's queries probe its newest word's bigram block, mostly
		// not in cache: touching them all first overlaps their misses.
		var x uint64
		for u := range d.nodes[i] {
			st := d.nodes[i][u].state
			for j := range s.opts {
				x += t.Touch(st, s.opts[j].id)
			}
		}
		d.touched += x
	}
	for u := range d.nodes[i] {
		from := &d.nodes[i][u]
		for j := range s.opts {
			o := &s.opts[j]
			var lp float32
			var st lm.State
			if o.parts == nil { // nearly always: spelled out, as the call does not inline
				lp, st = d.model.Score(from.state, o.id)
			} else {
				lp, st = scoreParts(d.model, from.state, *o.parts)
			}
			p := math.Exp(d.scale * (float64(lp)*ln10 + o.channel))
			v := find(next, st)
			if v < 0 {
				v = int32(len(next))
				next = append(next, node{state: st})
			}
			next[v].alpha += from.alpha * p
			edges = append(edges, edge{from: int32(u), to: v, opt: int32(j), p: p})
		}
	}
	d.lnAlpha[i+1] = d.lnAlpha[i] + normalise(next, func(n *node) *float64 { return &n.alpha })
	d.nodes[i+1], d.edges[i] = d.prune(next, edges)
}

// normalise divides the sums field picks out of col by their largest and
// returns the log of that divisor (0 for an empty or all-zero column).
func normalise(col []node, field func(*node) *float64) float64 {
	top := 0.0
	for k := range col {
		top = max(top, *field(&col[k]))
	}
	if top == 0 {
		return 0
	}
	for k := range col {
		*field(&col[k]) /= top
	}
	return math.Log(top)
}

// find returns the index of the node with state st, or -1. Columns hold a
// few states (the beam times the candidates of one word), so a scan beats
// hashing the state.
func find(col []node, st lm.State) int32 {
	for k := range col {
		if col[k].state.Len == st.Len && col[k].state.Words == st.Words {
			return int32(k)
		}
	}
	return -1
}

// pruneMargin is how far (natural log, after scaling) a state's forward
// score may trail the column's best and still be kept: e^-12 of the
// probability mass cannot move a posterior by a visible amount.
const pruneMargin = 12

// pruneFloor is pruneMargin as a share of the column's best forward sum,
// which normalise has made 1.
var pruneFloor = math.Exp(-pruneMargin)

// prune keeps the states of a column whose forward score is within
// pruneMargin of the best, at most beam of them, and the edges into them,
// renumbering both.
func (d *decoder) prune(col []node, edges []edge) ([]node, []edge) {
	order := d.order[:0]
	for k := range col {
		if col[k].alpha >= pruneFloor {
			order = append(order, int32(k))
		}
	}
	d.order = order
	if len(order) == len(col) && len(col) <= d.beam {
		return col, edges
	}
	if len(order) > d.beam {
		slices.SortFunc(order, func(a, b int32) int {
			switch {
			case col[a].alpha > col[b].alpha:
				return -1
			case col[a].alpha < col[b].alpha:
				return 1
			}
			return int(a - b)
		})
		order = order[:d.beam]
	}
	renum := slices.Grow(d.renum[:0], len(col))[:len(col)]
	for k := range renum {
		renum[k] = -1
	}
	kept := d.kept[:0]
	for _, k := range order {
		renum[k] = int32(len(kept))
		kept = append(kept, col[k])
	}
	out := edges[:0]
	for _, e := range edges {
		if r := renum[e.to]; r >= 0 {
			e.to = r
			out = append(out, e)
		}
	}
	d.renum, d.kept = renum, kept
	return append(col[:0], kept...), out
}

// finish adds the sentence end and returns ln Z, the log of the summed
// probability of every path kept. The end-of-sentence probability is the
// backward sum of the last column, where the backward pass starts.
func (d *decoder) finish(n int) float64 {
	col := d.nodes[n]
	for k := range col {
		lp, _ := d.model.Score(col[k].state, lm.EOS)
		col[k].beta = math.Exp(d.scale * float64(lp) * ln10)
	}
	d.lnBeta[n] = normalise(col, func(n *node) *float64 { return &n.beta })
	var z float64
	for k := range col {
		z += col[k].alpha * col[k].beta
	}
	return d.lnAlpha[n] + d.lnBeta[n] + math.Log(z)
}

func (d *decoder) backward(n int) {
	for i := n - 1; i >= 0; i-- {
		col, next := d.nodes[i], d.nodes[i+1]
		for k := range col {
			col[k].beta = 0
		}
		for _, e := range d.edges[i] {
			col[e.from].beta += e.p * next[e.to].beta
		}
		d.lnBeta[i] = d.lnBeta[i+1] + normalise(col, func(n *node) *float64 { return &n.beta })
	}
}

// collect turns the edge weights of position i into option posteriors: an
// edge's share of Z is alpha · p · beta, times the column scales.
func (d *decoder) collect(i, nopts int, logZ float64) {
	p := d.post[i][:0]
	for range nopts {
		p = append(p, 0)
	}
	if math.IsInf(logZ, -1) { // no path at all: nothing to say
		d.post[i] = p
		return
	}
	from, to := d.nodes[i], d.nodes[i+1]
	c := math.Exp(d.lnAlpha[i] + d.lnBeta[i+1] - logZ)
	for _, e := range d.edges[i] {
		p[e.opt] += c * from[e.from].alpha * e.p * to[e.to].beta
	}
	d.post[i] = p
}
