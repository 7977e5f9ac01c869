package lexicon

func (l *Lexicon) spellingCandidates(p *pool, w string) {}
