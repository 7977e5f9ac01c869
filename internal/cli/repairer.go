package cli

import (
	"math"

	"github.com/spf13/pflag"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/repair"
)

// repairOptions are the flags shared by every command that repairs text
// (fix, diff, eval, and later review).
type repairOptions struct {
	modelPath     string
	minConfidence float64
	k             int
}

func (o *repairOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.modelPath, "model", "", "language model file (default: the built-in model)")
	fs.Float64Var(&o.minConfidence, "min-confidence", repair.DefaultOptions().MinConfidence, "apply a fix only when its confidence reaches this (0-1)")
	fs.IntVar(&o.k, "candidates", lexicon.DefaultK, "candidate originals considered per word, the word itself included")
}

// load builds the repairer the flags describe: the model, the lexicon and the
// decoder options. Errors here are model or dictionary errors (exit code 2).
func (o *repairOptions) load() (*repair.Repairer, error) {
	var model *lm.Binary
	var err error
	if o.modelPath == "" {
		model, err = lm.Default()
	} else {
		model, err = lm.Open(o.modelPath)
	}
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	lo := lex.Options()
	lo.K = o.k
	lo.Unigram = unigramOf(model)
	opts := repair.DefaultOptions()
	opts.MinConfidence = o.minConfidence
	return repair.New(model, lex.With(lo), opts), nil
}

// unigramOf adapts a model to the lexicon's ranking: log10 P(w) with no
// context, -Inf for a word the model does not know.
func unigramOf(m lm.Model) func(string) float64 {
	return func(w string) float64 {
		id := m.ID(w)
		if id == lm.Unknown {
			return math.Inf(-1)
		}
		p, _ := m.Score(m.NullState(), id)
		return float64(p)
	}
}
