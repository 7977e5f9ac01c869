package learn

import (
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/text"
)

// corpus is a pile of text as the language model sees it: sentences of
// word ids, with a flag on the words a spinner could have written (lower
// case, not protected), and the count of each id.
type corpus struct {
	sents     [][]lm.WordID
	spinnable [][]bool
	count     map[lm.WordID]int
	words     int
}

func readCorpus(model lm.Model, docs [][]byte) *corpus {
	c := &corpus{count: map[lm.WordID]int{}}
	var buf []byte
	for _, src := range docs {
		toks := text.Tokenize(src)
		for _, s := range text.Sentences(src, toks) {
			var ids []lm.WordID
			var sp []bool
			for i := s.Start; i < s.End; i++ {
				t := toks[i]
				if !t.IsWord() && t.Kind != text.Number {
					continue
				}
				buf = text.AppendLM(buf[:0], src, t)
				id := model.ID(string(buf))
				ids = append(ids, id)
				sp = append(sp, t.Kind == text.Word && !t.Protected() && lexicon.Changeable(string(t.Bytes(src))))
				c.count[id]++
				c.words++
			}
			c.sents = append(c.sents, ids)
			c.spinnable = append(c.spinnable, sp)
		}
	}
	return c
}

// leftState is the model state before position i of sentence s.
func leftState(model lm.Model, s []lm.WordID, i int) lm.State {
	st := model.BeginSentence()
	if i > 2 {
		st = model.NullState()
	}
	for k := max(0, i-2); k < i; k++ {
		_, st = model.Score(st, s[k])
	}
	return st
}

// rightScore is log10 P of the two words after position i given st.
func rightScore(model lm.Model, st lm.State, s []lm.WordID, i int) float64 {
	var total float64
	for k := i + 1; k < len(s) && k <= i+2; k++ {
		lp, next := model.Score(st, s[k])
		total += float64(lp)
		st = next
	}
	if i+2 >= len(s) {
		lp, _ := model.Score(st, lm.EOS)
		total += float64(lp)
	}
	return total
}

// unigram is log10 P(id) with no context.
func unigram(model lm.Model, id lm.WordID) float64 {
	lp, _ := model.Score(model.NullState(), id)
	return float64(lp)
}
