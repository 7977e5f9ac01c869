package repair

// optionArena hands out the lattice options of one document's sentences
// from a few large chunks, which the next document reuses. A document's
// sentences live until it is decoded, and allocating each sentence's
// options anew kept the garbage collector busy for a tenth of check's time.
type optionArena struct {
	chunks [][]option
	cur    int // the chunk being filled
	used   int // options taken from it
	// touched is what the fast match's touches of the model read, kept
	// here (per document, so unshared) so that those loads are not dead.
	touched uint64
}

// arenaChunk is the size of a chunk, in options (about 800 kB).
const arenaChunk = 1 << 14

// grow returns an empty slice with room for n options, valid until reset.
// Only the first options of it that keep claims stay the caller's.
func (a *optionArena) grow(n int) []option {
	for a.cur < len(a.chunks) && a.used+n > len(a.chunks[a.cur]) {
		a.cur, a.used = a.cur+1, 0
	}
	if a.cur == len(a.chunks) {
		a.chunks = append(a.chunks, make([]option, max(arenaChunk, n)))
	}
	return a.chunks[a.cur][a.used : a.used : a.used+n]
}

// keep claims the first n options of the slice grow returned last.
func (a *optionArena) keep(n int) { a.used += n }

// reset frees every option for the next document.
func (a *optionArena) reset() { a.cur, a.used = 0, 0 }
