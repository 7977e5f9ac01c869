package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/unspin/unspin/internal/lexicon"
	"github.com/unspin/unspin/internal/lm"
)

// writeCandidates precomputes the candidate table from the tables in dir
// (read from the files, not the copies embedded in this tool, which may be
// older) and the unigrams of the model at modelPath.
func writeCandidates(dir, modelPath string) error {
	var d lexicon.Data
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"thesaurus.bin", &d.Thesaurus}, {"verbs.csv", &d.Verbs}, {"exceptions.tsv", &d.Exceptions},
		{"swaps.tsv", &d.Swaps}, {"closed.txt", &d.Closed}, {"wordnet.bin", &d.WordNet},
	} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			return err
		}
		*f.dst = string(b)
	}
	model, err := lm.Open(modelPath)
	if err != nil {
		return err
	}
	defer model.Close()
	info := model.Info() // its Source is a paragraph; the name and sizes identify it
	rm := lexicon.RankingModel{Name: filepath.Base(modelPath), VocabSize: info.VocabSize, FileSize: info.FileSize, Unigram: lm.UnigramFunc(model)}
	start := time.Now()
	bin, err := lexicon.Precompute(d, rm)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "candidates.bin"), bin, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "candidates.bin %d bytes in %v, ranked by %s (%d words, %d bytes)\n",
		len(bin), time.Since(start).Round(time.Second), rm.Name, rm.VocabSize, rm.FileSize)
	return nil
}
