package repair

// Edit is one proposed fix: replace src[Start:End] (which reads From) by To.
// Every renderer (fixed text, diff, JSON, review) is derived from a list of
// these.
type Edit struct {
	Start, End   int     // byte offsets in the input
	From, To     string  // surface forms, case already transferred to To
	Confidence   float64 // posterior probability of To at this position
	Alternatives []Alternative
	Source       string // which candidate source proposed To
	Applied      bool   // Confidence reached the policy's threshold
}

// Alternative is another original the decoder considered, with its posterior.
type Alternative struct {
	Word       string
	Confidence float64
}
