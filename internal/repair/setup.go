package repair

import (
	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/tortured"
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
// repairer factors out, and its table of known phrases; and with the
// shipped inferrer of unlisted tortured terms.
func OptionsFor(lex *lexicon.Lexicon) Options {
	o := DefaultOptions()
	lo := lex.Options()
	o.Base = BaseRates{Replace: lo.ReplaceRate, Swap: lo.SwapRate, Spell: lo.SpellRate}
	o.Phrases = lex
	in, err := tortured.Default()
	if err != nil {
		// The data is embedded and a test reads it: only a broken build
		// gets here.
		panic("tortured: the shipped word swaps and terms: " + err.Error())
	}
	o.Infer = in
	return o
}
