package lm

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestVersion1StillReads checks that a model written by the version 1
// writer (testdata/prose.v1.unlm, trained on testdata/eval/clean-prose.txt
// with `unspin train --running-text`) answers every query as the same model
// written in version 2 does: the old files' unordered tables and id-only
// vocabulary must be searched the old way. (Version 3, which the writer now
// uses for trigram models, is held to version 2 by blocked_test.go.)
func TestVersion1StillReads(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "prose.v1.unlm"))
	if err != nil {
		t.Fatal(err)
	}
	if v := le.Uint32(data[offVersion:]); v != unorderedVersion {
		t.Fatalf("testdata/prose.v1.unlm is version %d", v)
	}
	old, err := loadVerified(data)
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := os.Open(filepath.Join("..", "..", "testdata", "eval", "clean-prose.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer corpus.Close()
	kn, err := Train(corpus, TrainOptions{Order: 3, RunningText: true})
	if err != nil {
		t.Fatal(err)
	}
	var arpa, bin bytes.Buffer
	if err := kn.WriteARPA(&arpa); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportARPA(&arpa, &bin, ImportOptions{Source: "test", hashed: true}); err != nil {
		t.Fatal(err)
	}
	cur, err := loadVerified(bin.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if old.VocabSize() != cur.VocabSize() || len(old.vhash) != 4*int(old.vslots) || len(cur.vhash) != 8*int(cur.vslots) {
		t.Fatalf("vocabularies: %d words in %d bytes (version 1), %d in %d bytes (version 2)",
			old.VocabSize(), len(old.vhash), cur.VocabSize(), len(cur.vhash))
	}
	for id := range WordID(old.VocabSize()) {
		w := old.Word(id)
		if got, want := old.ID(w), cur.ID(w); got != want || cur.Word(want) != w {
			t.Fatalf("ID(%q): version 1 %d, version 2 %d", w, got, want)
		}
		for _, unknown := range []string{w + "x", "x" + w, w + w} {
			if old.ID(unknown) != cur.ID(unknown) {
				t.Fatalf("ID(%q) differs", unknown)
			}
		}
	}
	// Words in id order, which is the order the training text first used
	// them, so that many n-grams hit; then random words, which mostly miss.
	vocab := old.VocabSize()
	walk := func(next func(i int) WordID, n int) {
		sOld, sCur := old.BeginSentence(), cur.BeginSentence()
		for i := range n {
			w := next(i)
			pOld, nOld := old.Score(sOld, w)
			pCur, nCur := cur.Score(sCur, w)
			if pOld != pCur || nOld != nCur {
				t.Fatalf("Score(%v, %q): version 1 %v %+v, version 2 %v %+v", sOld, old.Word(w), pOld, nOld, pCur, nCur)
			}
			sOld, sCur = nOld, nCur
		}
	}
	walk(func(i int) WordID { return WordID(3 + i) }, vocab-3)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		walk(func(int) WordID { return WordID(3 + rng.IntN(vocab-3)) }, 4)
	}
}
