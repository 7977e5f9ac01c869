package eval

// Score compares a repaired text with the spun text it came from and the
// aligned gold original. All three must have the same tokens on every line;
// the repairer replaces words inside tokens and never splits or joins them.
//
// A position needs repair when the spun word is not among the gold's
// alternatives. A change is any position where the repaired word differs from
// the spun word; it is correct when the repaired word is a gold alternative
// and wrong otherwise, at any position. Positions whose gold is {?} are left
// out of every count.
func Score(spun, repaired, gold []byte, opts Options) (Report, error) {
	s, r, g := splitText(spun), splitText(repaired), splitText(gold)
	if err := align("spun", s, "gold", g); err != nil {
		return Report{}, err
	}
	if err := align("spun", s, "repaired", r); err != nil {
		return Report{}, err
	}
	var rep Report
	index := 0
	for i, line := range s {
		for j, spunTok := range line {
			p := Position{Index: index, Line: i + 1, Column: j + 1, Spun: spunTok, Gold: g[i][j], Repaired: r[i][j]}
			rep.add(p, opts)
			index++
		}
	}
	rep.computeRates()
	return rep, nil
}

// add scores one aligned position.
func (rep *Report) add(p Position, opts Options) {
	gt := parseGold(p.Gold)
	if gt.unscored {
		rep.Unscored++
		return
	}
	sw, rw := core(p.Spun), core(p.Repaired)
	if sw == "" && rw == "" && gt.matches("") {
		return // punctuation only: not a word
	}
	rep.Words++
	need := !gt.matches(sw)
	changed := rw != sw
	right := gt.matches(rw)
	if need {
		rep.NeedRepair++
	}
	if changed {
		rep.Changed++
		if need {
			rep.Detected++
		}
		if right {
			rep.Correct++
		} else {
			rep.Wrong++
			if opts.Details {
				rep.WrongChanges = append(rep.WrongChanges, p)
			}
		}
	}
	switch {
	case need && right:
		rep.Restored++
	case need && opts.Details:
		rep.Misses = append(rep.Misses, p)
	}
}

// ScoreClean measures how much a repair changed text that was never spun:
// the share of its words that differ. The two texts must be aligned.
func ScoreClean(clean, repaired []byte, opts Options) (CleanReport, error) {
	c, r := splitText(clean), splitText(repaired)
	if err := align("clean", c, "repaired clean", r); err != nil {
		return CleanReport{}, err
	}
	var rep CleanReport
	index := 0
	for i, line := range c {
		for j, tok := range line {
			cw, rw := core(tok), core(r[i][j])
			if cw != "" || rw != "" {
				rep.Words++
				if cw != rw {
					rep.Changed++
					if opts.Details {
						rep.Changes = append(rep.Changes, Position{Index: index, Line: i + 1, Column: j + 1, Spun: tok, Repaired: r[i][j]})
					}
				}
			}
			index++
		}
	}
	rep.Share = ratio(rep.Changed, rep.Words)
	return rep, nil
}
