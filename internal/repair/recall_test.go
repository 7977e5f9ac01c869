package repair

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/internal/testdata"
)

// latticeRecall measures, over the substituted words of an aligned
// spun/gold pair, how often an acceptable original is among the lexicon's
// candidates (offered), and among the options the decoder weighs after the
// fast match (decoded), for a repairer with the given options.
type latticeRecall struct {
	subs, offered, decoded, fromContext int
	optsPerSlot, queriesPerSlot         float64
}

// countingModel counts the queries of the fast match.
type countingModel struct {
	lm.Model
	n *int
}

func (c countingModel) Score(st lm.State, w lm.WordID) (float32, lm.State) {
	*c.n++
	return c.Model.Score(st, w)
}

var goldSet = regexp.MustCompile(`\{([^}]*)\}`)

func measureLattice(t *testing.T, r *Repairer, spunPath, goldPath string) latticeRecall {
	t.Helper()
	spun, err := os.ReadFile(spunPath)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	// The gold is aligned by whitespace token: note each token's byte span
	// in the spun text and its acceptable originals where it was spun.
	type span struct {
		start, end int
		originals  []string
	}
	var spans []span
	goldToks := strings.Fields(string(gold))
	trim := func(w string) string {
		return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	k := 0
	space := func(at int) (bool, int) {
		r, n := utf8.DecodeRune(spun[at:])
		return unicode.IsSpace(r), n
	}
	for i := 0; i < len(spun); {
		for i < len(spun) {
			sp, n := space(i)
			if !sp {
				break
			}
			i += n
		}
		j := i
		for j < len(spun) {
			sp, n := space(j)
			if sp {
				break
			}
			j += n
		}
		if i == j {
			break
		}
		if k >= len(goldToks) {
			t.Fatal("gold shorter than the spun text")
		}
		g, s := goldToks[k], trim(string(spun[i:j]))
		k++
		var orig []string
		if m := goldSet.FindStringSubmatch(g); m != nil {
			if m[1] == "?" {
				i = j
				continue
			}
			orig = strings.Split(strings.ToLower(m[1]), "|")
		} else {
			orig = []string{trim(g)}
		}
		if s != "" && !contains(orig, s) {
			spans = append(spans, span{i, j, orig})
		}
		i = j
	}
	arena := new(optionArena)
	r.read(spun, r.opts.FastMatchRight, arena) // fill the word cache: count only the fast match
	arena.reset()
	queries := 0
	counted := New(countingModel{r.model, &queries}, r.lex, r.opts)
	counted.read(spun, r.opts.FastMatchRight, arena) // its own word cache
	arena.reset()
	queries = 0
	toks, sents, _, _ := counted.read(spun, r.opts.FastMatchRight, arena)
	var lr latticeRecall
	var slots int
	si := 0
	for _, st := range sents {
		for w, p := range st.words {
			slots++
			lr.optsPerSlot += float64(len(st.slots[w].opts))
			start := toks[p.tok].Start
			for si < len(spans) && spans[si].end <= start {
				si++
			}
			if si >= len(spans) || start < spans[si].start {
				continue
			}
			sp := spans[si]
			si++ // one word a spun token
			lr.subs++
			for _, c := range p.cands {
				if contains(sp.originals, c.Word) {
					lr.offered++
					break
				}
			}
			for _, o := range st.slots[w].opts {
				if c := p.cands[o.cand]; contains(sp.originals, c.Word) {
					lr.decoded++
					if c.Source == lexicon.Context || int(o.cand) >= len(r.lex.Candidates(p.cands[0].Word)) {
						lr.fromContext++
					}
					break
				}
			}
		}
	}
	lr.optsPerSlot /= float64(slots)
	lr.queriesPerSlot = float64(queries) / float64(slots)
	return lr
}

func contains(v []string, w string) bool {
	for _, x := range v {
		if x == w {
			return true
		}
	}
	return false
}

// TestLatticeRecall reports, without and with context candidates
// (Options.Context 3), how often the original of a spun word is offered
// (among the candidates) and reaches the decoder (survives the fast
// match), and what that costs in options and fast-match queries a word,
// on the real dev sample, the synthetic set and, with
// UNSPIN_RECALL_SET=PREFIX, another pair. With them the decoder must see
// more originals.
func TestLatticeRecall(t *testing.T) {
	sets := [][2]string{
		{testdata.Shared(t, "samples/seed-article.dev.spun.txt"), testdata.Shared(t, "samples/seed-article.dev.gold.txt")},
		{filepath.Join(testdata.RepoDir(), "testdata/eval/brown-news-5k.spun.txt"), filepath.Join(testdata.RepoDir(), "testdata/eval/brown-news-5k.gold.txt")},
	}
	if extra := os.Getenv("UNSPIN_RECALL_SET"); extra != "" { // PREFIX of PREFIX.spun.txt, PREFIX.gold.txt
		sets = append(sets, [2]string{extra + ".spun.txt", extra + ".gold.txt"})
	}
	without, _ := builtIn(t)
	on := without.opts
	on.Context = 3
	base := New(without.model, without.lex, on)
	for _, set := range sets {
		a := measureLattice(t, without, set[0], set[1])
		b := measureLattice(t, base, set[0], set[1])
		pct := func(n int) float64 { return 100 * float64(n) / float64(a.subs) }
		t.Logf("%s: %d substituted words; offered %.1f%% -> %.1f%%, decoded %.1f%% -> %.1f%% (%d through context); options a word %.2f -> %.2f; fast-match queries a word %.2f -> %.2f",
			filepath.Base(set[0]), a.subs, pct(a.offered), pct(b.offered), pct(a.decoded), pct(b.decoded), b.fromContext, a.optsPerSlot, b.optsPerSlot, a.queriesPerSlot, b.queriesPerSlot)
		if b.decoded <= a.decoded {
			t.Errorf("%s: context candidates decoded %d originals, without them %d", filepath.Base(set[0]), b.decoded, a.decoded)
		}
	}
}
