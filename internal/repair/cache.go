package repair

import (
	"sync"

	"github.com/unspin/unspin/internal/lexicon"
)

// wordEntry is what the repairer knows of one surface form: the lexicon's
// candidates and the lattice options made from them. Both are shared and
// read-only; a sentence copies the options before pruning them.
type wordEntry struct {
	cands []lexicon.Candidate
	opts  []option
	ctx   []contextOption // context candidates, for the fast match to add where they fit
}

// maxCachedWords bounds the cache for inputs of unbounded vocabulary (a
// 200 MB file of numbers and names, a crawl of millions of pages); past it,
// words are simply recomputed. An entry takes about 700 bytes (the whole
// Brown corpus spun, 92,000 distinct forms, left 67 MB live), so the cache
// stays under about 90 MB while holding every form that ordinary prose
// repeats.
const maxCachedWords = 1 << 17

// wordCache maps surface forms to their entries. News prose repeats its
// words, so most lookups hit; the lexicon and the model are asked once a
// form. A plain map behind a read-write lock, rather than a sync.Map, so
// that looking a word up by its bytes allocates nothing.
type wordCache struct {
	mu sync.RWMutex
	m  [2]map[string]*wordEntry // by protected: the same spelling may be a word or inside code
	n  int
}

func (c *wordCache) get(surface []byte, protected bool) (*wordEntry, bool) {
	c.mu.RLock()
	w, ok := c.m[b2i(protected)][string(surface)]
	c.mu.RUnlock()
	return w, ok
}

func (c *wordCache) put(surface string, protected bool, w *wordEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= maxCachedWords {
		return
	}
	m := &c.m[b2i(protected)]
	if *m == nil {
		*m = make(map[string]*wordEntry)
	}
	if _, ok := (*m)[surface]; !ok {
		(*m)[surface] = w
		c.n++
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
