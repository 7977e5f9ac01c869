package eval

import (
	"os"
	"path/filepath"
)

// wordNetDirs are where WordNet 3.0 data usually lives: Debian's
// wordnet-base, the upstream tarball's install prefix, Homebrew.
var wordNetDirs = []string{
	"/usr/share/wordnet",
	"/usr/local/WordNet-3.0/dict",
	"/usr/local/share/wordnet",
	"/opt/homebrew/share/wordnet",
}

// FindWordNet returns override when it is set, else the first usual place
// holding WordNet's data.noun, else "". It only looks; callers decide what a
// missing WordNet means.
func FindWordNet(override string) string {
	if override != "" {
		return override
	}
	for _, d := range wordNetDirs {
		if _, err := os.Stat(filepath.Join(d, "data.noun")); err == nil {
			return d
		}
	}
	return ""
}
