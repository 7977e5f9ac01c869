package cli

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/unspin/unspin/internal/config"
	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/policy"
	"github.com/unspin/unspin/internal/repair"
)

// repairOptions are the flags shared by every command that repairs text
// (fix, diff, eval, review, explain). Each setting comes from its flag when
// the flag is given, else from the .unspin.toml that applies, else from the
// built-in default.
type repairOptions struct {
	modelPath     string
	minConfidence float64
	k             int
	context       int            // --context: Options.Context
	decision      bool           // --decision: the trained decision
	infer         bool           // --infer: tortured forms of unlisted terms
	configPath    string         // --config: this file for every input, no search
	tables        learnedTables  // --table: learned tables over the lexicon (learn_table.go)
	flags         *pflag.FlagSet // to tell the flags given from the defaults
}

func (o *repairOptions) addFlags(fs *pflag.FlagSet) {
	o.flags = fs
	fs.StringVar(&o.modelPath, "model", "", "language model file (default: the built-in model)")
	fs.Float64Var(&o.minConfidence, "min-confidence", repair.DefaultOptions().MinConfidence, "apply a fix only when its confidence reaches this (0-1)")
	fs.IntVar(&o.k, "candidates", repair.DefaultOptions().Candidates, "candidate originals considered per word, the word itself included")
	fs.BoolVar(&o.decision, "decision", engine.Defaults().Decision, "decide each fix with the trained model over candidate features (docs/decision.md); --decision=false: by the decoder's posterior alone, about a third faster and a little more precise on the real sample, restoring less elsewhere")
	fs.IntVar(&o.context, "context", repair.DefaultOptions().Context, "context candidates (Moby relatives and originals past --candidates that read better than the spun word) a word may gain, at most 8; 0: none. Slower")
	fs.BoolVar(&o.infer, "infer", true, "restore tortured forms of terms the tortured-phrase list lacks, through the word swaps learned from it; --infer=false: listed phrases only")
	fs.StringVar(&o.configPath, "config", "", "configuration file (default: the nearest "+config.FileName+" above each file)")
	o.tables.addFlag(fs)
}

func (o *repairOptions) changed(name string) bool {
	return o.flags != nil && o.flags.Changed(name)
}

// effective is cfg with the defaults filled in and the flags given on top.
func (o *repairOptions) effective(cfg *config.Config) config.Effective {
	e := config.Effective{
		MinConfidence: o.minConfidence, Model: o.modelPath, Candidates: o.k, Decision: o.decision,
		Dictionaries: cfg.Dictionaries, Allow: cfg.Allow, Deny: cfg.Deny, Exclude: cfg.Exclude,
	}
	if cfg.MinConfidence != nil && !o.changed("min-confidence") {
		e.MinConfidence = *cfg.MinConfidence
	}
	if cfg.Model != "" && !o.changed("model") {
		e.Model = cfg.Model
	}
	if cfg.Candidates != nil && !o.changed("candidates") {
		e.Candidates = *cfg.Candidates
	}
	if cfg.Decision != nil && !o.changed("decision") {
		e.Decision = *cfg.Decision
	}
	return e
}

// load builds the repairer for the working directory's configuration and
// the flags: the model, the lexicon seen through the allow and deny lists,
// and the decoder options. Errors here are model, dictionary or
// configuration errors (exit code 2).
func (o *repairOptions) load() (*repair.Repairer, error) {
	st, err := newResolver(o).forPath("")
	if err != nil {
		return nil, err
	}
	if st.rep == nil {
		return o.build(st.eff, st.pol)
	}
	return st.rep, nil
}

// build makes the repairer an effective configuration describes, through
// the construction path the public package uses too (internal/engine).
func (o *repairOptions) build(e config.Effective, pol *policy.Policy) (*repair.Repairer, error) {
	eng, err := o.engine(e, pol)
	if err != nil {
		return nil, err
	}
	return eng.Repairer(), nil
}

// engine checks the flags, naming them in its errors, and builds the engine
// of an effective configuration.
func (o *repairOptions) engine(e config.Effective, pol *policy.Policy) (*engine.Engine, error) {
	if e.MinConfidence < 0 || e.MinConfidence > 1 {
		return nil, usageError{fmt.Errorf("--min-confidence %g: want a value from 0 to 1", e.MinConfidence)}
	}
	if e.Candidates < 1 {
		return nil, usageError{fmt.Errorf("--candidates %d: want at least 1", e.Candidates)}
	}
	if o.context < 0 {
		return nil, usageError{fmt.Errorf("--context %d: want 0 or more", o.context)}
	}
	tables, err := o.tables.load()
	if err != nil {
		return nil, err
	}
	return engine.New(engine.Settings{
		Model: e.Model, MinConfidence: e.MinConfidence, Candidates: e.Candidates,
		Context: o.context, Decision: e.Decision, NoInfer: !o.infer, Tables: tables, Policy: pol,
	})
}

// loadModelLexicon opens the model (the built-in one for "") and the
// built-in lexicon offering k candidates a word, proposing only words the
// model knows.
func loadModelLexicon(path string, k int) (*lm.Binary, *lexicon.Lexicon, error) {
	return engine.ModelLexicon(path, k)
}
