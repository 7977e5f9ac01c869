package lm

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/unspin/unspin/internal/testdata"
)

// bothLayouts imports one ARPA model into version 2 and version 3 files.
func bothLayouts(t testing.TB, r io.Reader) (hashed, blocked *Binary) {
	t.Helper()
	a, err := readARPA(r)
	if err != nil {
		t.Fatal(err)
	}
	a.closeModel()
	opts := ImportOptions{Source: "test", UnknownLog10: DefaultUnknownLog10, LoadFactor: DefaultLoadFactor}
	v3, _ := a.encode(opts)
	opts.hashed = true
	v2, _ := a.encode(opts)
	if v := le.Uint32(v3[offVersion:]); v != formatVersion {
		t.Fatalf("trigram model written as version %d", v)
	}
	if v := le.Uint32(v2[offVersion:]); v != hashedVersion {
		t.Fatalf("hashed layout written as version %d", v)
	}
	if hashed, err = loadVerified(v2); err != nil {
		t.Fatal(err)
	}
	if blocked, err = loadVerified(v3); err != nil {
		t.Fatal(err)
	}
	return hashed, blocked
}

// strip removes the trigram block a version 3 state carries.
func strip(s State) State {
	s.Words[2] = 0
	return s
}

// layoutChecker compares the two layouts query by query.
type layoutChecker struct {
	t        testing.TB
	v2, v3   *Binary
	n, wrong int
}

// check asks both models for w after the same context, each in its own
// state, and wants bit-identical probabilities and states that differ
// only in the trigram block.
func (c *layoutChecker) check(s2, s3 State, w WordID) (State, State) {
	c.n++
	p2, n2 := c.v2.Score(s2, w)
	p3, n3 := c.v3.Score(s3, w)
	if math.Float32bits(p2) != math.Float32bits(p3) || strip(n3) != n2 {
		c.wrong++
		if c.wrong <= 10 {
			c.t.Errorf("state %+v, word %d %q: version 2 %v %+v, version 3 %v %+v", s2, w, c.v2.Word(w), p2, n2, p3, n3)
		}
	}
	return n2, n3
}

// around checks w and the words around it: random ids (some outside the
// vocabulary) and words the model has after the context, so that bigram
// and trigram hits, misses and both block shapes are all asked.
func (c *layoutChecker) around(r *rand.Rand, s2, s3 State, w WordID) (State, State) {
	for range 20 {
		c.check(s2, s3, WordID(r.IntN(c.v3.VocabSize()+2)))
	}
	b := &c.v3.blk
	if s3.Len >= 1 {
		lo, hi := b.start[s3.Words[0]], b.start[s3.Words[0]+1]
		for k := 0; k < 5 && hi > lo; k++ {
			e := b.big[int(lo)+r.IntN(int(hi-lo))]
			c.check(s2, s3, WordID(e&b.lay.mask))
		}
	}
	if s3.Len >= 2 {
		t := int(s3.Words[2])
		n := int(b.tri[t])
		for k := 0; k < 5 && n > 0; k++ {
			e := b.tri[t+1+r.IntN(n)]
			c.check(s2, s3, WordID(uint64(e)&b.lay.mask))
		}
	}
	return c.check(s2, s3, w)
}

// walk checks every word of each sentence and its surroundings.
func (c *layoutChecker) walk(r *rand.Rand, sents [][]string) {
	if c.v2.BeginSentence() != strip(c.v3.BeginSentence()) {
		c.t.Fatalf("BeginSentence: %+v vs %+v", c.v2.BeginSentence(), c.v3.BeginSentence())
	}
	for _, sent := range sents {
		s2, s3 := c.v2.BeginSentence(), c.v3.BeginSentence()
		for _, word := range append(sent, eosWord) {
			s2, s3 = c.around(r, s2, s3, c.v2.ID(word))
		}
	}
}

// TestBlockedSmallAgrees checks the version 3 layout against version 2 on
// small models: the hand-made one exhaustively over every state two words
// make, and random trigram models along random sentences.
func TestBlockedSmallAgrees(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "small.arpa"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v2, v3 := bothLayouts(t, f)
	c := &layoutChecker{t: t, v2: v2, v3: v3}
	ids := WordID(v3.VocabSize() + 2)
	for a := range ids {
		a2, a3 := c.check(State{}, State{}, a)
		for b := range ids {
			b2, b3 := c.check(a2, a3, b)
			for w := range ids {
				c.check(b2, b3, w)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	vocab := []string{"a", "b", "c", "d", "e", "f", "zz"}
	for range 20 {
		v2, v3 := bothLayouts(t, strings.NewReader(randomARPA(r, 3)))
		c.v2, c.v3 = v2, v3
		sents := make([][]string, 50)
		for i := range sents {
			for range r.IntN(9) {
				sents[i] = append(sents[i], vocab[r.IntN(len(vocab))])
			}
		}
		c.walk(r, sents)
	}
	if c.wrong > 0 {
		t.Errorf("%d of %d queries differ", c.wrong, c.n)
	}
}

// TestBlockedCMUAgrees checks the version 3 layout of the CMU model against
// version 2 over the queries of 20,000 Brown news sentences.
func TestBlockedCMUAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the CMU model twice")
	}
	f, err := os.Open(testdata.Shared(t, "data/lm/cmusphinx-en-us.arpa.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	v2, v3 := bothLayouts(t, z)
	sents := sampleSentences(t, testdata.Shared(t, "data/corpus/brown-news.txt"), 20000)
	c := &layoutChecker{t: t, v2: v2, v3: v3}
	c.walk(rand.New(rand.NewPCG(3, 4)), sents)
	t.Logf("%d queries, %d differ", c.n, c.wrong)
	if c.wrong > 0 {
		t.Errorf("%d of %d queries differ", c.wrong, c.n)
	}
}

// TestBlockedDamageAnswers damages every byte of a version 3 file's block
// sections in turn: Load must refuse the file or Score must answer every
// query without panicking, since offsets and pointers are only checked as
// Score meets them.
func TestBlockedDamageAnswers(t *testing.T) {
	good := smallModel(t)
	var secs [][2]uint64
	for _, i := range []int{secBigStart, secBigrams, secTrigrams, secLayout} {
		e := good[offSections+24*i:]
		secs = append(secs, [2]uint64{le.Uint64(e), le.Uint64(e[8:])})
	}
	for _, s := range secs {
		for off := s[0]; off < s[0]+s[1]; off++ {
			for _, v := range []byte{0, 1, 0x7f, 0xff} {
				data := bytes.Clone(good)
				data[off] = v
				m, err := Load(data)
				if err != nil {
					continue
				}
				ids := WordID(m.VocabSize() + 2)
				for a := range ids {
					_, sa := m.Score(m.BeginSentence(), a)
					for w := range ids {
						m.Score(sa, w)
					}
				}
			}
		}
	}
}

// TestShippedBlocksInPlace checks that the built-in model's blocks are
// viewed where the binary holds them, not decoded into a copy at start-up.
func TestShippedBlocksInPlace(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !m.blocked {
		t.Skip("built-in model is not version 3")
	}
	first, last := uintptr(unsafe.Pointer(&m.data[0])), uintptr(unsafe.Pointer(&m.data[len(m.data)-1]))
	for _, p := range []unsafe.Pointer{unsafe.Pointer(&m.blk.start[0]), unsafe.Pointer(&m.blk.big[0]), unsafe.Pointer(&m.blk.tri[0])} {
		if a := uintptr(p); nativeLittleEndian && (a < first || a > last) {
			t.Errorf("a block section was copied out of the model's bytes")
		}
	}
}
