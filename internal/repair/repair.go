// Package repair decodes spun text back to its likely original.
package repair

// Options tune the decoder and the policy that turns posteriors into edits.
type Options struct {
	MinConfidence float64 // an edit is applied when its posterior reaches this
	K             int     // candidates kept per word
}

// DefaultOptions are the measured defaults.
func DefaultOptions() Options { return Options{MinConfidence: 0.5, K: 10} }

// Repairer proposes edits for a text. It is safe for concurrent use.
type Repairer struct {
	opts Options
}

// New returns a Repairer. (Placeholder: proposes nothing until the decoder lands.)
func New(opts Options) *Repairer { return &Repairer{opts: opts} }

// Repair returns every proposed edit in src, in order of position, with
// Applied set on those that pass the policy.
func (r *Repairer) Repair(src []byte) []Edit { return nil }

// Apply returns src with the applied edits made. Edits must be sorted and must
// not overlap; bytes outside them are copied unchanged.
func Apply(src []byte, edits []Edit) []byte {
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		if !e.Applied {
			continue
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.To...)
		last = e.End
	}
	return append(out, src[last:]...)
}
