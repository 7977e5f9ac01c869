package lm

import (
	"bufio"
	"bytes"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// knTestARPA is a deliberately naive ARPA reader with string keys, written
// independently of the model's packed keys, to prove the ARPA text alone
// holds the interpolated distribution.
type knTestARPA struct {
	order  int
	counts map[int]int
	prob   map[string]float64
	bow    map[string]float64
}

func knReadARPA(t *testing.T, text []byte) *knTestARPA {
	t.Helper()
	a := &knTestARPA{counts: map[int]int{}, prob: map[string]float64{}, bow: map[string]float64{}}
	seen := map[int]int{}
	section := 0
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || line == `\data\`:
		case line == `\end\`:
			section = -1
		case strings.HasPrefix(line, "ngram "):
			k, n, _ := strings.Cut(strings.TrimPrefix(line, "ngram "), "=")
			ki, _ := strconv.Atoi(k)
			a.counts[ki], _ = strconv.Atoi(n)
			a.order = max(a.order, ki)
		case strings.HasPrefix(line, `\`) && strings.HasSuffix(line, "-grams:"):
			section, _ = strconv.Atoi(line[1 : len(line)-len("-grams:")])
		default:
			f := strings.Split(line, "\t")
			if len(f) < 2 || len(f) > 3 || len(strings.Fields(f[1])) != section {
				t.Fatalf("bad ARPA line in section %d: %q", section, line)
			}
			p, err := strconv.ParseFloat(f[0], 64)
			if err != nil {
				t.Fatalf("bad log prob in %q", line)
			}
			a.prob[f[1]] = p
			if len(f) == 3 {
				a.bow[f[1]], _ = strconv.ParseFloat(f[2], 64)
			} else if section < a.order {
				t.Errorf("no back-off weight below the highest order: %q", line)
			}
			seen[section]++
		}
	}
	if section != -1 {
		t.Fatal(`ARPA text does not end with \end\`)
	}
	for k, n := range a.counts {
		if seen[k] != n {
			t.Errorf("header says %d %d-grams, file has %d", n, k, seen[k])
		}
	}
	return a
}

// logProb is the textbook back-off query.
func (a *knTestARPA) logProb(context []string, w string) float64 {
	if len(context) > a.order-1 {
		context = context[len(context)-(a.order-1):]
	}
	if p, ok := a.prob[strings.Join(append(append([]string{}, context...), w), " ")]; ok {
		return p
	}
	if len(context) == 0 {
		return a.prob["<unk>"]
	}
	return a.bow[strings.Join(context, " ")] + a.logProb(context[1:], w)
}

// knContexts samples contexts of every length up to order-1: seen ones taken
// from the model's n-grams, unseen ones made of random words and <unk>.
func knContexts(m *KNModel, r *rand.Rand, perOrder int) [][]WordID {
	ctxs := [][]WordID{nil, {BOS}, {Unknown}}
	for k := 2; k <= m.order; k++ {
		keys := m.levels[k-1].keys
		for range perOrder {
			ctxs = append(ctxs, keys[r.IntN(len(keys))].words(k-1, nil))
			unseen := make([]WordID, k-1)
			for i := range unseen {
				unseen[i] = WordID(r.IntN(m.VocabSize()))
				if unseen[i] == EOS {
					unseen[i] = Unknown // </s> ends sentences: never a context
				}
			}
			ctxs = append(ctxs, unseen)
		}
	}
	return ctxs
}

func TestTrainProperDistribution(t *testing.T) {
	for _, order := range []int{1, 2, 3, 5} {
		m := knTrain(t, knSynthetic(3000, uint64(order)), order)
		var arpa bytes.Buffer
		if err := m.WriteARPA(&arpa); err != nil {
			t.Fatal(err)
		}
		a := knReadARPA(t, arpa.Bytes())
		r := rand.New(rand.NewPCG(uint64(order), 2))
		for _, ctx := range knContexts(m, r, 8) {
			words := make([]string, len(ctx))
			for i, id := range ctx {
				words[i] = m.Word(id)
			}
			var sumModel, sumARPA float64
			for id := range WordID(m.VocabSize()) {
				if id == BOS {
					continue
				}
				pm, pa := m.LogProb(ctx, id), a.logProb(words, m.Word(id))
				if math.Abs(pm-pa) > 1e-6 {
					t.Fatalf("order %d, P(%s | %v): model %v, ARPA %v", order, m.Word(id), words, pm, pa)
				}
				sumModel += math.Pow(10, pm)
				sumARPA += math.Pow(10, pa)
			}
			if math.Abs(sumModel-1) > 1e-4 || math.Abs(sumARPA-1) > 1e-4 {
				t.Errorf("order %d, context %q: probabilities sum to %v (model), %v (ARPA)", order, words, sumModel, sumARPA)
			}
		}
	}
}
