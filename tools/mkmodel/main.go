// Command mkmodel builds unspin's shipped language model, models/en-us.unlm,
// from the CMU Sphinx US-English trigram model in ARPA form. Run it from the
// repository root when the binary format or the source changes:
//
//	go run ./tools/mkmodel -arpa PATH/cmusphinx-en-us.arpa.gz
//
// The ARPA file comes from the Debian package pocketsphinx-en-us
// (/usr/share/pocketsphinx/model/en-us/en-us.lm.bin, converted to ARPA with
// sphinxbase's sphinx_lm_convert). The output is committed; every rebuild adds
// its size to the repository's history, so rebuild only when it must change.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/unspin/unspin/internal/lm"
)

// source is recorded in the model file and printed by `unspin lm info`.
const source = "CMU Sphinx US English trigram language model (en-us.lm.bin from Debian pocketsphinx-en-us), " +
	"Copyright (c) Carnegie Mellon University, BSD 2-clause licence; converted by unspin tools/mkmodel"

func main() {
	arpa := flag.String("arpa", "", "the CMU ARPA model (plain or .gz)")
	out := flag.String("o", "models/en-us.unlm", "output file")
	unk := flag.Float64("unk", lm.DefaultUnknownLog10, "log10 probability of an unknown word")
	flag.Parse()
	if *arpa == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/mkmodel -arpa cmusphinx-en-us.arpa.gz [-o models/en-us.unlm]")
		os.Exit(2)
	}
	if err := run(*arpa, *out, float32(*unk)); err != nil {
		fmt.Fprintln(os.Stderr, "mkmodel:", err)
		os.Exit(1)
	}
}

func run(arpa, out string, unk float32) error {
	start := time.Now()
	f, err := os.Open(arpa)
	if err != nil {
		return err
	}
	defer f.Close()
	var buf bytes.Buffer
	info, err := lm.ImportARPA(f, &buf, lm.ImportOptions{Source: source, UnknownLog10: unk})
	if err != nil {
		return fmt.Errorf("%s: %w", arpa, err)
	}
	for _, w := range info.Warnings {
		fmt.Fprintf(os.Stderr, "%s: warning: %s\n", arpa, w)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: order %d, n-grams %v (%d added to close), %d bytes, %.2f bytes/n-gram, "+
		"max quantisation error %.5f, %d fingerprint collisions, %v\n",
		out, info.Order, info.Counts, info.Added, info.FileSize,
		float64(info.FileSize)/float64(info.NGrams()), info.MaxQuantError, info.Collisions, time.Since(start).Round(time.Millisecond))
	return nil
}
