package repair

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/unspin/unspin/internal/lm"
)

// bigramModel is a tiny exact bigram model: P(w | prev) from a dense table.
type bigramModel struct {
	words []string
	logp  [][]float32 // logp[prev][w], log10
}

func newBigramModel(rng *rand.Rand, words []string) *bigramModel {
	m := &bigramModel{words: words}
	n := len(words)
	for range n {
		row := make([]float32, n)
		var sum float64
		raw := make([]float64, n)
		for w := range n {
			if w == int(lm.BOS) || w == int(lm.Unknown) {
				continue
			}
			raw[w] = rng.Float64() + 0.01
			sum += raw[w]
		}
		for w := range n {
			row[w] = float32(math.Log10(raw[w] / sum))
		}
		m.logp = append(m.logp, row)
	}
	return m
}

func (m *bigramModel) Order() int               { return 2 }
func (m *bigramModel) VocabSize() int           { return len(m.words) }
func (m *bigramModel) Word(id lm.WordID) string { return m.words[id] }
func (m *bigramModel) ID(w string) lm.WordID {
	for i, x := range m.words {
		if x == w {
			return lm.WordID(i)
		}
	}
	return lm.Unknown
}
func (m *bigramModel) BeginSentence() lm.State { return m.state(lm.BOS) }
func (m *bigramModel) NullState() lm.State     { return lm.State{} }
func (m *bigramModel) state(w lm.WordID) lm.State {
	return lm.State{Words: [lm.MaxOrder - 1]lm.WordID{w}, Len: 1}
}
func (m *bigramModel) Score(s lm.State, w lm.WordID) (float32, lm.State) {
	return m.logp[s.Words[0]][w], m.state(w)
}

// bruteForce enumerates every path and returns the exact option posteriors.
func bruteForce(m lm.Model, slots []slot) [][]float64 {
	post := make([][]float64, len(slots))
	for i := range slots {
		post[i] = make([]float64, len(slots[i].opts))
	}
	choice := make([]int, len(slots))
	var z float64
	var walk func(i int, st lm.State, lp float64)
	walk = func(i int, st lm.State, lp float64) {
		if i == len(slots) {
			end, _ := m.Score(st, lm.EOS)
			p := math.Exp(lp + float64(end)*ln10)
			z += p
			for k, c := range choice {
				post[k][c] += p
			}
			return
		}
		for j, o := range slots[i].opts {
			choice[i] = j
			s, next := m.Score(st, o.id)
			walk(i+1, next, lp+float64(s)*ln10+o.channel)
		}
	}
	walk(0, m.BeginSentence(), 0)
	for i := range post {
		for j := range post[i] {
			post[i][j] /= z
		}
	}
	return post
}

func TestPosteriorsMatchBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"<unk>", "<s>", "</s>", "a", "the", "military", "infantry", "base", "bottom", "said"}
	m := newBigramModel(rng, words)
	for trial := range 50 {
		n := 1 + rng.IntN(5)
		slots := make([]slot, n)
		for i := range slots {
			k := 1 + rng.IntN(3)
			for range k {
				id := lm.WordID(3 + rng.IntN(len(words)-3))
				slots[i].opts = append(slots[i].opts, option{id: id, channel: -rng.Float64() * 3})
			}
		}
		want := bruteForce(m, slots)
		d := newDecoder(m, 1000, 1)
		got := d.posteriors(slots)
		for i := range want {
			var sum float64
			for j := range want[i] {
				sum += got[i][j]
				if math.Abs(got[i][j]-want[i][j]) > 1e-9 {
					t.Fatalf("trial %d: posterior[%d][%d] = %v, want %v", trial, i, j, got[i][j], want[i][j])
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Fatalf("trial %d: posteriors at %d sum to %v", trial, i, sum)
			}
		}
	}
}

func TestBeamPruningKeepsDistribution(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"<unk>", "<s>", "</s>", "a", "b", "c", "d", "e", "f", "g", "h"}
	m := newBigramModel(rng, words)
	slots := make([]slot, 6)
	for i := range slots {
		for id := 3; id < len(words); id++ {
			slots[i].opts = append(slots[i].opts, option{id: lm.WordID(id)})
		}
	}
	d := newDecoder(m, 2, 1)
	for i, p := range d.posteriors(slots) {
		var sum float64
		for _, x := range p {
			sum += x
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("with a beam of 2, posteriors at %d sum to %v", i, sum)
		}
		if len(d.nodes[i+1]) > 2 {
			t.Fatalf("column %d kept %d states, beam is 2", i+1, len(d.nodes[i+1]))
		}
	}
}

// pairModel is a bigramModel whose states remember two words, as a trigram
// model's do, and whose scores depend a little on the older one. Its states
// branch, so a narrow beam leaves states with no kept successor.
type pairModel struct{ *bigramModel }

func (m pairModel) Order() int { return 3 }
func (m pairModel) Score(s lm.State, w lm.WordID) (float32, lm.State) {
	lp := m.logp[s.Words[0]][w] + 0.5*m.logp[s.Words[1]][w]
	return lp, lm.State{Words: [lm.MaxOrder - 1]lm.WordID{w, s.Words[0]}, Len: 2}
}

// TestDeadEndStates: a state all of whose successors were pruned has no
// completions. Its posterior share is zero; it must not turn the sentence's
// posteriors into NaN (summed in logarithms, an empty sum is -Inf, and
// -Inf - -Inf is NaN).
func TestDeadEndStates(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"<unk>", "<s>", "</s>", "a", "b", "c", "d", "e", "f", "g", "h"}
	m := pairModel{newBigramModel(rng, words)}
	slots := make([]slot, 8)
	for i := range slots {
		for id := 3; id < len(words); id++ {
			slots[i].opts = append(slots[i].opts, option{id: lm.WordID(id), channel: -rng.Float64() * 3})
		}
	}
	d := newDecoder(m, 2, 1)
	post := d.posteriors(slots)
	deadEnds := 0
	for i := 1; i < len(slots); i++ {
		for k := range d.nodes[i] {
			out := false
			for _, e := range d.edges[i] {
				out = out || int(e.from) == k
			}
			if !out {
				deadEnds++
			}
		}
	}
	if deadEnds == 0 {
		t.Fatal("no state lost all its successors; the test needs another seed")
	}
	for i, p := range post {
		var sum float64
		for _, x := range p {
			sum += x
		}
		if math.IsNaN(sum) || math.Abs(sum-1) > 1e-9 {
			t.Fatalf("with %d dead-end states, posteriors at %d sum to %v: %v", deadEnds, i, sum, p)
		}
	}
	// With a beam wide enough for every state, the decoder is exact.
	want := bruteForce(m, slots[:4])
	got := newDecoder(m, 1000, 1).posteriors(slots[:4])
	for i := range want {
		for j := range want[i] {
			if math.Abs(got[i][j]-want[i][j]) > 1e-9 {
				t.Fatalf("posterior[%d][%d] = %v, want %v", i, j, got[i][j], want[i][j])
			}
		}
	}
}
