package repair

import (
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// LexiconFor is the view of lex a repairer deciding with model proposes
// from: k candidates a word, and only words the model knows. When model is
// the one the lexicon's table was ranked with, the table's originals are
// known already and are not looked up again.
func LexiconFor(model *lm.Binary, lex *lexicon.Lexicon, k int) *lexicon.Lexicon {
	o := lex.Options()
	o.K = k
	o.Unigram = lm.UnigramFunc(model)
	info := model.Info()
	o.SameModel = lex.RankedWith(info.VocabSize, info.FileSize)
	return lex.With(o)
}

// OptionsFor is DefaultOptions completed from the lexicon the repairer
// proposes with: the base rates it folded into its channel, which the
// repairer factors out, and its table of known phrases.
func OptionsFor(lex *lexicon.Lexicon) Options {
	o := DefaultOptions()
	lo := lex.Options()
	o.Base = BaseRates{Replace: lo.ReplaceRate, Swap: lo.SwapRate, Spell: lo.SpellRate}
	o.Phrases = lex
	return o
}
