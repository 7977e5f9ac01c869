package policy

import (
	"sort"

	"github.com/unspin/unspin/internal/repair"
	"github.com/unspin/unspin/internal/text"
)

// Edits applies the policy to the edits proposed for src: edits inside
// ignored lines and allowlisted words or pairs are dropped, a denylisted
// word's proposal is applied whatever its confidence, and every occurrence
// of a denylisted pair's spun word outside ignored lines is replaced by its
// original. The result is sorted by position, as the renderers need.
func (p *Policy) Edits(src []byte, edits []repair.Edit) []repair.Edit {
	ign := Ignored(src)
	out := make([]repair.Edit, 0, len(edits))
	for _, e := range edits {
		if inside(ign, e.Start, e.End) || p.allowed(e.From, e.To) {
			continue
		}
		e.Alternatives = p.alternatives(e.From, e.Alternatives)
		if p.deny().Words[norm(e.From)] {
			e.Applied = true
		}
		out = append(out, e)
	}
	if p.deny().Len() > 0 {
		out = p.forceDenied(src, ign, out)
	}
	return out
}

// Allowed reports whether the allowlist forbids replacing from by to.
func (p *Policy) allowed(from, to string) bool {
	a := p.allow()
	f := norm(from)
	return a.Words[f] || a.Pairs[Pair{f, norm(to)}]
}

func (p *Policy) alternatives(from string, alts []repair.Alternative) []repair.Alternative {
	var out []repair.Alternative
	for _, a := range alts {
		if !p.allowed(from, a.Word) {
			out = append(out, a)
		}
	}
	return out
}

// forceDenied makes the denylist's pairs: each word token whose form is the
// spun side of a pair gets an applied edit to the (first) original, in the
// token's case, replacing what the decoder proposed there.
func (p *Policy) forceDenied(src []byte, ign []Span, edits []repair.Edit) []repair.Edit {
	origs := p.deny().Originals()
	at := make(map[int]int, len(edits)) // start offset -> index in edits
	taken := make([]Span, len(edits))   // a phrase edit covers several tokens
	for i, e := range edits {
		at[e.Start] = i
		taken[i] = Span{e.Start, e.End}
	}
	toks := text.Tokenize(src)
	for i, t := range toks {
		if t.Kind != text.Word || t.Protected() || inside(ign, t.Start, t.End) {
			continue
		}
		from := string(src[t.Start:t.End])
		o := origs[norm(from)]
		j, ok := at[t.Start]
		if len(o) == 0 || p.allowed(from, o[0]) || !ok && inside(taken, t.Start, t.End) {
			continue
		}
		e := repair.Edit{Start: t.Start, End: t.End, From: from,
			To: text.ApplyShape(text.ShapeAt(src, toks, i), o[0]), Confidence: 1, Source: Source, Applied: true}
		if ok {
			if norm(edits[j].To) == o[0] {
				edits[j].Applied = true
				continue
			}
			edits[j] = e
			continue
		}
		edits = append(edits, e)
	}
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].Start < edits[b].Start })
	return edits
}
