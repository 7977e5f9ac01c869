// Package models holds the language model that ships inside the unspin
// binary, so the tool works with no set-up.
//
// en-us.unlm is the CMU Sphinx US-English trigram model (BSD 2-clause,
// Carnegie Mellon University) in unspin's binary format, built by
//
//	go run ./tools/mkmodel -arpa cmusphinx-en-us.arpa.gz
//
// Its licence, which every copy of unspin must carry, is
// LICENSE.cmusphinx-en-us.txt beside it.
//
// It is committed rather than built, since the build needs a 30 MB download;
// rebuild it only when the format or the source changes.
package models

import (
	_ "embed"
	"unsafe"
)

//go:embed en-us.unlm
var defaultModel string

// Default is the built-in model file's bytes. They live in the binary's
// read-only data, viewed without a copy: writing to them crashes the program.
func Default() []byte {
	return unsafe.Slice(unsafe.StringData(defaultModel), len(defaultModel))
}
