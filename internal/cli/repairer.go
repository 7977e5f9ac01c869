package cli

import (
	"github.com/spf13/pflag"

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
	d := repair.DefaultOptions()
	fs.StringVar(&o.modelPath, "model", "", "language model file (default: the built-in model)")
	fs.Float64Var(&o.minConfidence, "min-confidence", d.MinConfidence, "apply a fix only when its confidence reaches this (0-1)")
	fs.IntVar(&o.k, "candidates", d.K, "candidate originals considered per word")
}

// load builds the repairer the flags describe: the model, the lexicon and the
// decoder options. Errors here are model or dictionary errors (exit code 2).
func (o *repairOptions) load() (*repair.Repairer, error) {
	return repair.New(repair.Options{MinConfidence: o.minConfidence, K: o.k}), nil
}
