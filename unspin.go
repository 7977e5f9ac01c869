// Package unspin repairs synonym-spun English: text whose words a spinner
// replaced by synonyms ("counterfeit consciousness" for "artificial
// intelligence"), to dodge plagiarism checks or to pad a scraped corpus. It
// finds the likely original of each spun word with a language model and a
// lexicon of spinners' swaps, and returns the repaired text with every fix
// it made or suggests.
//
// A Repairer is built once, which loads the model, and then repairs any
// number of documents:
//
//	r, err := unspin.New()
//	if err != nil {
//		log.Fatal(err)
//	}
//	res, err := r.Repair("We trained an irregular woodland on colossal information ...")
//	fmt.Print(res.Text)
//
// A Repairer is safe for concurrent use: share one between goroutines
// rather than building one each, as the model is large and read only.
//
// Repair repairs exactly as the unspin command repairs a file of that text
// (`unspin fix FILE`), with the same options: both are built by one
// construction path. (The command streams standard input above 128 KB, and
// files above 512 KB, in windows of at least 128 KB, each estimating its
// own spin rate; Repair always takes the text whole.) RepairRecord does the
// same for one line of a JSON Lines corpus, as `unspin fix --input-format
// jsonl` does.
package unspin

import (
	"fmt"
	"strings"

	"github.com/unspin/unspin/internal/engine"
	"github.com/unspin/unspin/internal/policy"
)

// Repairer repairs documents. Build it with New; it is safe for concurrent
// use.
type Repairer struct {
	eng *engine.Engine
}

// New builds a Repairer: the built-in model and lexicon, with the defaults
// of the unspin command, changed by opts in order.
func New(opts ...Option) (*Repairer, error) {
	c := config{s: engine.Defaults(), pol: &policy.Policy{Allow: policy.NewList(), Deny: policy.NewList(), Extra: policy.NewList()}}
	for _, o := range opts {
		if err := o.set(&c); err != nil {
			return nil, err
		}
	}
	if len(c.tables) > 0 {
		t, err := engine.ReadTables(c.tables)
		if err != nil {
			return nil, fmt.Errorf("unspin: %w", err)
		}
		c.s.Tables = t
	}
	c.s.Policy = c.pol
	eng, err := engine.New(c.s)
	if err != nil {
		return nil, fmt.Errorf("unspin: %w", err)
	}
	return &Repairer{eng: eng}, nil
}

// Option changes how New builds a Repairer.
type Option struct{ set func(*config) error }

type config struct {
	s      engine.Settings
	tables []string
	pol    *policy.Policy
}

// WithModel decides with the binary language model in the file at path
// (made by `unspin lm import` or `unspin train`) instead of the built-in
// one.
func WithModel(path string) Option {
	return Option{func(c *config) error { c.s.Model = path; return nil }}
}

// WithTables layers the learned tables in the files at paths (made by
// `unspin learn`) over the lexicon; where two tables have the same pair, the
// later one's wins.
func WithTables(paths ...string) Option {
	return Option{func(c *config) error { c.tables = append(c.tables, paths...); return nil }}
}

// WithMinConfidence applies a fix only when its confidence reaches min
// (from 0 to 1; the default is 0.5). The fixes below it, down to a floor,
// are suggestions: in Result.Fixes, not in Result.Text.
func WithMinConfidence(min float64) Option {
	return Option{func(c *config) error { c.s.MinConfidence = min; return nil }}
}

// WithCandidates considers k candidate originals a word, the word itself
// included (the default is 20).
func WithCandidates(k int) Option {
	return Option{func(c *config) error { c.s.Candidates = k; return nil }}
}

// WithContext lets each word gain up to n context candidates, originals
// that read better than the spun word where it stands (at most 8; the
// default is none). It is slower.
func WithContext(n int) Option {
	return Option{func(c *config) error { c.s.Context = n; return nil }}
}

// WithoutDecision decides each fix by the decoder's posterior alone
// instead of the trained model over candidate features (the command's
// --decision=false): faster, and it restores less on most spun text.
func WithoutDecision() Option {
	return Option{func(c *config) error { c.s.Decision = false; return nil }}
}

// WithDecision decides each fix with the trained model over candidate
// features.
//
// Deprecated: the trained decision is the default; WithoutDecision turns
// it off.
func WithDecision() Option {
	return Option{func(c *config) error { c.s.Decision = true; return nil }}
}

// Policy is what the user decided about fixes. Each entry is a word or a
// pair "spun -> original", compared without case.
type Policy struct {
	// Allow: words never changed, pairs never proposed.
	Allow []string
	// Deny: words whose proposals are always applied, pairs always made
	// wherever the spun word stands.
	Deny []string
	// Dictionary: more pairs a spinner makes, offered as candidates with no
	// guarantee that they are chosen.
	Dictionary []string
}

// WithPolicy adds the entries of p to the Repairer's lists.
func WithPolicy(p Policy) Option {
	return Option{func(c *config) error {
		for _, l := range []struct {
			name    string
			entries []string
			into    *policy.List
		}{{"allow", p.Allow, c.pol.Allow}, {"deny", p.Deny, c.pol.Deny}, {"dictionary", p.Dictionary, c.pol.Extra}} {
			parsed, err := policy.ParseList(l.name, strings.NewReader(strings.Join(l.entries, "\n")))
			if err != nil {
				return fmt.Errorf("unspin: %w", err)
			}
			l.into.Merge(parsed)
		}
		return nil
	}}
}

// WithPolicyFiles adds the lists in files, as a .unspin.toml names them:
// one entry a line, "#" starting a comment. "" names no file; a
// dictionary, asked for, must exist, while a missing allow or deny list is
// an empty one.
func WithPolicyFiles(allow, deny string, dictionaries ...string) Option {
	return Option{func(c *config) error {
		p, err := engine.ReadPolicy(allow, deny, dictionaries)
		if err != nil {
			return fmt.Errorf("unspin: %w", err)
		}
		c.pol.Allow.Merge(p.Allow)
		c.pol.Deny.Merge(p.Deny)
		c.pol.Extra.Merge(p.Extra)
		return nil
	}}
}
