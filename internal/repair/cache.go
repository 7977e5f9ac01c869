package repair

import (
	"sync"
	"sync/atomic"

	"github.com/unspin/unspin/internal/lexicon"
)

// wordEntry is what the repairer knows of one surface form: the lexicon's
// candidates and the lattice options made from them. Both are shared and
// read-only; a sentence copies the options before pruning them.
type wordEntry struct {
	cands []lexicon.Candidate
	opts  []option
}

// maxCachedWords bounds the cache for inputs of unbounded vocabulary (a
// 200 MB file of numbers and names); past it, words are simply recomputed.
const maxCachedWords = 1 << 20

// wordCache maps surface forms to their entries. News prose repeats its
// words, so most lookups hit; the lexicon and the model are asked once a
// form.
type wordCache struct {
	m [2]sync.Map // by protected: the same spelling may be a word or inside code
	n atomic.Int64
}

func (c *wordCache) get(surface []byte, protected bool) (*wordEntry, bool) {
	v, ok := c.m[b2i(protected)].Load(string(surface))
	if !ok {
		return nil, false
	}
	return v.(*wordEntry), true
}

func (c *wordCache) put(surface string, protected bool, w *wordEntry) {
	if c.n.Load() >= maxCachedWords {
		return
	}
	if _, loaded := c.m[b2i(protected)].LoadOrStore(surface, w); !loaded {
		c.n.Add(1)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
