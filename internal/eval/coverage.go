package eval

// Coverage counts how often a candidate generator can restore a
// substitution at all: at each scored position needing repair, whether some
// gold alternative is among the candidates proposed for the spun word. It is
// the ceiling on recall that no decoder can pass (DESIGN.md: coverage of the
// spinner's swaps, not decoding, held the prototype back).
type Coverage struct {
	NeedRepair int     `json:"need_repair"`
	Covered    int     `json:"covered"`
	Share      float64 `json:"share"`
}

// CandidateCoverage measures Coverage for candidates, which receives the
// lowercased word core of a spun token and returns lowercased originals.
func CandidateCoverage(spun, gold []byte, candidates func(word string) []string) (Coverage, error) {
	s, g := splitText(spun), splitText(gold)
	if err := align("spun", s, "gold", g); err != nil {
		return Coverage{}, err
	}
	var c Coverage
	for i, line := range s {
		for j, tok := range line {
			gt := parseGold(g[i][j])
			w := core(tok)
			if gt.unscored || gt.matches(w) {
				continue
			}
			c.NeedRepair++
			for _, cand := range candidates(w) {
				if gt.matches(cand) {
					c.Covered++
					break
				}
			}
		}
	}
	c.Share = ratio(c.Covered, c.NeedRepair)
	return c, nil
}
