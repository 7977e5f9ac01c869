package eval

import (
	"bufio"
	"io"
	"strings"
)

// MobySynonyms proposes, for a word that heads a list of the Moby
// thesaurus, the single words of its list: a spinner whose dictionary is
// the repairer's own thesaurus read forward, the most favourable case for
// its candidates. Words are not re-inflected; only a list's own head form
// is replaced.
type MobySynonyms map[string][]string

// ReadMoby reads Moby's words.txt: one list a line, "root,syn,syn,...".
func ReadMoby(r io.Reader) (MobySynonyms, error) {
	m := MobySynonyms{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for sc.Scan() {
		fields := strings.Split(strings.TrimRight(sc.Text(), "\r"), ",")
		root := fields[0]
		if !plainLemma(root) || strings.Contains(root, "_") {
			continue
		}
		for _, syn := range fields[1:] {
			if syn != root && plainLemma(syn) && !strings.Contains(syn, "_") && !closedClass[syn] {
				m[root] = append(m[root], syn)
			}
		}
	}
	return m, sc.Err()
}

// Replacements implements Synonyms.
func (m MobySynonyms) Replacements(word string) []string { return m[word] }
