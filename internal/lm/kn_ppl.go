package lm

import (
	"bufio"
	"fmt"
	"io"
	"math"

	"github.com/unspin/unspin/internal/text"
)

// Perplexity is the result of scoring held-out text, counted as SRILM's
// `ngram -ppl` counts it: every sentence predicts its words and </s>; an
// out-of-vocabulary word is counted in OOVs and contributes no probability,
// but stays in the context of the words after it as <unk> (which no trained
// n-gram contains, so they back off past it).
type Perplexity struct {
	Sentences int64
	Words     int64   // words in the text, OOVs included, </s> excluded
	OOVs      int64   // words the model does not know
	Log10Prob float64 // total log10 probability of the predicted tokens
}

// Predicted is the number of tokens scored: in-vocabulary words plus one
// </s> a sentence.
func (p Perplexity) Predicted() int64 { return p.Words - p.OOVs + p.Sentences }

// PPL is the perplexity over the predicted tokens, OOVs excluded.
func (p Perplexity) PPL() float64 {
	return math.Pow(10, -p.Log10Prob/float64(p.Predicted()))
}

func (p Perplexity) String() string {
	return fmt.Sprintf("%d sentences, %d words, %d OOVs: logprob %.2f ppl %.2f",
		p.Sentences, p.Words, p.OOVs, p.Log10Prob, p.PPL())
}

// Perplexity scores r, one sentence a line (gzip recognised), tokenised as
// for training.
func (m *KNModel) Perplexity(r io.Reader) (Perplexity, error) {
	var p Perplexity
	r, err := trainDecompress(r)
	if err != nil {
		return p, err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), trainMaxLine)
	var ids []WordID
	for sc.Scan() {
		words := text.LMWords(sc.Text())
		if len(words) == 0 {
			continue
		}
		ids = append(ids[:0], BOS)
		for _, w := range words {
			ids = append(ids, m.ID(w))
		}
		ids = append(ids, EOS)
		p.Sentences++
		p.Words += int64(len(words))
		for i := 1; i < len(ids); i++ {
			if ids[i] == Unknown {
				p.OOVs++
				continue
			}
			p.Log10Prob += m.LogProb(ids[max(0, i-m.order+1):i], ids[i])
		}
	}
	return p, sc.Err()
}
