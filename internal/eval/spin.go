package eval

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// Synonyms proposes replacements for a lowercase word, already in the word's
// own inflection, each a single token.
type Synonyms interface {
	Replacements(word string) []string
}

// SpinOptions describe a synthetic spinner.
type SpinOptions struct {
	// Rate is the chance that an occurrence of a word the spinner knows is
	// replaced. The real sample's spinner replaced about 95% of them
	// (samples/README.md); DefaultRate is a little lower to stay on the
	// safe side of "synthetic numbers flatter".
	Rate float64
	// Seed fixes every choice: the replacement of each word type and which
	// occurrences are replaced.
	Seed uint64
	// Table holds odd swaps tried before anything else (original ->
	// replacement), e.g. a hand-made table for experiments on learning a
	// spinner's dictionary.
	Table map[string]string
	// FunctionWords adds the FunctionWords swaps.
	FunctionWords bool
}

// DefaultRate is SpinOptions.Rate when none is given.
const DefaultRate = 0.9

// SpinStats counts what a spin did.
type SpinStats struct {
	Words    int // tokens holding a word
	Known    int // occurrences of words the spinner has a replacement for
	Replaced int
}

// Spinner rewrites clean text the way synonym spinners do: every lowercase
// word it knows gets one fixed replacement, used at most occurrences;
// capitalised words, numbers and anything with an apostrophe are left alone,
// and whitespace is kept byte for byte so the result stays aligned with the
// original token for token.
type Spinner struct {
	syn    Synonyms
	opts   SpinOptions
	choice map[string]string // word type -> its replacement, "" for none
}

// NewSpinner returns a spinner drawing on syn (which may be nil: tables only).
func NewSpinner(syn Synonyms, opts SpinOptions) *Spinner {
	if opts.Rate == 0 {
		opts.Rate = DefaultRate
	}
	return &Spinner{syn: syn, opts: opts, choice: map[string]string{}}
}

// Spin returns the spun text. The gold for it is the clean text itself: every
// token of clean is the original of the same token of spun.
func (s *Spinner) Spin(clean []byte) ([]byte, SpinStats) {
	rng := rand.New(rand.NewPCG(s.opts.Seed, 0x5eed))
	var st SpinStats
	out := make([]byte, 0, len(clean)+len(clean)/8)
	for i := 0; i < len(clean); {
		j := i
		for j < len(clean) && !isSpace(clean[j]) {
			j++
		}
		if j == i { // whitespace is copied as is
			out = append(out, clean[i])
			i++
			continue
		}
		out = append(out, s.spinToken(string(clean[i:j]), rng, &st)...)
		i = j
	}
	return out, st
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// spinToken replaces the word inside one token, keeping its punctuation.
func (s *Spinner) spinToken(tok string, rng *rand.Rand, st *SpinStats) string {
	start := strings.IndexFunc(tok, isWordRune)
	if start < 0 {
		return tok
	}
	end := strings.LastIndexFunc(tok, isWordRune) + 1
	word := tok[start:end]
	st.Words++
	if !spinnable(word) {
		return tok
	}
	r := s.replacement(word)
	if r == "" {
		return tok
	}
	st.Known++
	if rng.Float64() >= s.opts.Rate {
		return tok
	}
	st.Replaced++
	return tok[:start] + r + tok[end:]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// spinnable: lowercase ASCII letters with inner hyphens only. Capitals mark
// sentence starts and names, which the spinners we have seen never touch.
func spinnable(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}
