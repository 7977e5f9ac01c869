// Package eval measures how well a repair restores spun text: it scores a
// repaired text word by word against an aligned gold original, measures how
// much a repair disturbs clean text, and builds synthetic spun/gold sets with
// a spinner whose dictionary differs from the repairer's.
//
// The scores follow the convention of the project's real sample
// (samples/README.md): gold and spun texts have the same whitespace-separated
// tokens, so a position is a token index, and a word is the part of a token
// between its leading and trailing punctuation.
package eval

// Report is the outcome of scoring one repaired text against its gold.
type Report struct {
	Words      int `json:"words"`       // scored positions holding a word
	Unscored   int `json:"unscored"`    // positions whose gold is {?}
	NeedRepair int `json:"need_repair"` // gold differs from spun
	Changed    int `json:"changed"`     // repaired differs from spun
	Correct    int `json:"correct"`     // changed to a gold alternative
	Restored   int `json:"restored"`    // needed repair and now match gold
	Wrong      int `json:"wrong"`       // changed to something gold does not allow
	Detected   int `json:"detected"`    // needed repair and changed, right or not

	Precision       float64 `json:"precision"`        // Correct / Changed
	Recall          float64 `json:"recall"`           // Restored / NeedRepair
	F05             float64 `json:"f05"`              // F-beta with beta 0.5: precision weighs more
	DetectPrecision float64 `json:"detect_precision"` // Detected / Changed
	DetectRecall    float64 `json:"detect_recall"`    // Detected / NeedRepair

	Misses       []Position `json:"misses,omitempty"`        // needed repair, not restored
	WrongChanges []Position `json:"wrong_changes,omitempty"` // changed, not to gold

	Clean *CleanReport `json:"clean,omitempty"`
}

// CleanReport measures false positives: how much a repair changed text that
// was never spun.
type CleanReport struct {
	Words   int        `json:"words"`
	Changed int        `json:"changed"`
	Share   float64    `json:"share"` // Changed / Words
	Changes []Position `json:"changes,omitempty"`
}

// Position locates one word of interest for a reader going through the text.
type Position struct {
	Index    int    `json:"index"`  // token index in the whole text, from 0
	Line     int    `json:"line"`   // line number, from 1
	Column   int    `json:"column"` // token number within the line, from 1
	Spun     string `json:"spun"`
	Gold     string `json:"gold,omitempty"`
	Repaired string `json:"repaired"`
}

// Options control what a report keeps.
type Options struct {
	Details bool // keep the lists of misses, wrong changes and clean changes
}

// ratio is a/b, or 0 when b is 0 (the counts beside it tell the story).
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// fBeta combines precision and recall; beta < 1 favours precision, which is
// what a tool that rewrites people's text should be judged on.
func fBeta(p, r, beta float64) float64 {
	b2 := beta * beta
	if p == 0 && r == 0 {
		return 0
	}
	return (1 + b2) * p * r / (b2*p + r)
}

func (r *Report) computeRates() {
	r.Precision = ratio(r.Correct, r.Changed)
	r.Recall = ratio(r.Restored, r.NeedRepair)
	r.F05 = fBeta(r.Precision, r.Recall, 0.5)
	r.DetectPrecision = ratio(r.Detected, r.Changed)
	r.DetectRecall = ratio(r.Detected, r.NeedRepair)
}

// Add sums another report's counts into r and recomputes its rates, so that
// a set scored document by document reports as one.
func (r *Report) Add(o Report) {
	r.Words += o.Words
	r.Unscored += o.Unscored
	r.NeedRepair += o.NeedRepair
	r.Changed += o.Changed
	r.Correct += o.Correct
	r.Restored += o.Restored
	r.Wrong += o.Wrong
	r.Detected += o.Detected
	r.computeRates()
}
