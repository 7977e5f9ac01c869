package dictionaries

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"sort"
	"strings"
	"testing"
)

// dataLines returns the non-comment, non-empty lines of a table.
func dataLines(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// checkSorted fails on unsorted or duplicate keys.
func checkSorted(t *testing.T, name string, keys []string) {
	t.Helper()
	for i := 1; i < len(keys); i++ {
		if keys[i-1] >= keys[i] {
			t.Errorf("%s: %q then %q: not sorted or duplicated", name, keys[i-1], keys[i])
		}
	}
}

func TestSwaps(t *testing.T) {
	lines := dataLines(Swaps)
	if len(lines) == 0 {
		t.Fatal("swaps.tsv is empty")
	}
	var keys []string
	originals := map[string]bool{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" || f[2] == "" {
			t.Errorf("swaps: %q: want original<TAB>spun<TAB>evidence", l)
			continue
		}
		if f[0] == f[1] {
			t.Errorf("swaps: %q maps a word to itself", l)
		}
		if f[0] != strings.ToLower(f[0]) || f[1] != strings.ToLower(f[1]) {
			t.Errorf("swaps: %q: words must be lowercase", l)
		}
		keys = append(keys, f[0]+"\x00"+f[1])
		originals[f[0]] = true
	}
	checkSorted(t, "swaps", keys)
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) == 3 && originals[f[1]] && !strings.Contains(f[2], "chain ok") {
			t.Errorf("swaps: %q: spun word %q is itself an original (a chain) without saying why it is fine", l, f[1])
		}
	}
}

func TestClosed(t *testing.T) {
	lines := dataLines(Closed)
	if len(lines) < 50 {
		t.Fatalf("closed.txt has %d words; expected the usual closed classes", len(lines))
	}
	checkSorted(t, "closed", lines)
}

func TestVerbs(t *testing.T) {
	lines := dataLines(Verbs)
	var keys []string
	for _, l := range lines {
		f := strings.Split(l, ",")
		if len(f) != 5 || f[0] == "" {
			t.Errorf("verbs: %q: want lemma,3sg,ing,past,participle", l)
			continue
		}
		keys = append(keys, f[0])
	}
	checkSorted(t, "verbs", keys)
}

func TestExceptions(t *testing.T) {
	var keys []string
	for _, l := range dataLines(Exceptions) {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[0] == f[1] {
			t.Errorf("exceptions: %q: want form<TAB>lemma<TAB>pos, form != lemma", l)
			continue
		}
		keys = append(keys, l)
	}
	checkSorted(t, "exceptions", keys)
}

// TestThesaurus checks the binary indexes of Moby and WordNet: magic,
// checksum, sorted unique words, and postings that point at roots.
func TestThesaurus(t *testing.T) {
	for name, data := range map[string]string{"thesaurus.bin": Thesaurus, "wordnet.bin": WordNet} {
		t.Run(name, func(t *testing.T) { checkIndex(t, name, data) })
	}
}

func checkIndex(t *testing.T, name, data string) {
	d := []byte(data)
	if !bytes.HasPrefix(d, []byte("UNSPLEX1")) {
		t.Fatal(name + ": bad magic")
	}
	body := d[12:]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(d[8:]) {
		t.Fatal(name + ": checksum mismatch")
	}
	le := binary.LittleEndian
	nw, nr := int(le.Uint32(body)), int(le.Uint32(body[4:]))
	off := func(i int) int { return int(le.Uint32(body[8+4*i:])) }
	rootWord := 8 + 4*(nw+1)
	postOff := rootWord + 6*nr
	post := postOff + 4*(nw+1)
	blob := post + 2*int(le.Uint32(body[postOff+4*nw:]))
	words := make([]string, nw)
	for i := range words {
		words[i] = string(body[blob+off(i) : blob+off(i+1)])
		if words[i] == "" || words[i] != strings.ToLower(words[i]) {
			t.Fatalf("%s: word %d %q is empty or not lowercase", name, i, words[i])
		}
	}
	if !sort.StringsAreSorted(words) {
		t.Fatal(name + ": words not sorted")
	}
	checkSorted(t, name+" words", words)
	for i := 0; i < nw; i++ {
		a, b := int(le.Uint32(body[postOff+4*i:])), int(le.Uint32(body[postOff+4*i+4:]))
		for j := a; j < b; j++ {
			r := int(le.Uint16(body[post+2*j:]))
			if r >= nr || int(le.Uint32(body[rootWord+4*r:])) == i {
				t.Fatalf("%s: %q lists root %d: out of range or itself (a self-map)", name, words[i], r)
			}
			if j > a && int(le.Uint16(body[post+2*j-2:])) >= r {
				t.Fatalf("%s: postings of %q not ascending (duplicate root)", name, words[i])
			}
		}
	}
}

// TestCandidates checks the candidate table's magic and checksum; the
// lexicon's tests check its contents against the other tables.
func TestCandidates(t *testing.T) {
	d := []byte(Candidates)
	if !bytes.HasPrefix(d, []byte("UNSPCAN4")) || len(d) < 28 {
		t.Fatal("candidates.bin: bad magic; rebuild it with tools/mklexicon")
	}
	if crc32.ChecksumIEEE(d[12:]) != binary.LittleEndian.Uint32(d[8:]) {
		t.Fatal("candidates.bin: checksum mismatch")
	}
}

// TestPhrases keeps the phrase tables well formed: lowercase phrases on
// both sides (of any numbers of words), sorted by spun phrase, no pair
// twice, no self-maps, an evidence for every line; the tortured table holds
// the whole list and the spinners' phrases none of it; and no chains
// across the two (an original that is itself a spun phrase, which the next
// pass would change again).
func TestPhrases(t *testing.T) {
	tortured, spinner := dataLines(Phrases), dataLines(SpinnerPhrases)
	if len(tortured) < 1000 {
		t.Fatalf("phrases.tsv has %d lines, want the whole tortured-phrase list", len(tortured))
	}
	spun := map[string]string{}
	checkPhrases(t, "phrases.tsv", tortured, spun)
	checkPhrases(t, "spinner-phrases.tsv", spinner, spun)
	for _, l := range append(tortured, spinner...) {
		if o := strings.Split(l, "\t")[0]; spun[o] != "" {
			t.Errorf("phrases: %q: the original is itself a spun phrase", l)
		}
	}
}

// checkPhrases checks the lines of one phrase table, adding its spun
// phrases to spun and failing on one some other table has.
func checkPhrases(t *testing.T, name string, lines []string, spun map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	prev := ""
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[2] == "" {
			t.Errorf("%s: %q: want original<TAB>spun<TAB>evidence", name, l)
			continue
		}
		o, s := strings.Fields(f[0]), strings.Fields(f[1])
		switch {
		case len(o) == 0 || len(s) == 0:
			t.Errorf("%s: %q: an empty side", name, l)
		case strings.Join(o, " ") != f[0] || strings.Join(s, " ") != f[1]:
			t.Errorf("%s: %q: words must be separated by single spaces", name, l)
		case f[0] != strings.ToLower(f[0]) || f[1] != strings.ToLower(f[1]):
			t.Errorf("%s: %q: phrases must be lowercase", name, l)
		case f[0] == f[1]:
			t.Errorf("%s: %q maps a phrase to itself", name, l)
		case f[1] < prev:
			t.Errorf("%s: %q after %q: not sorted by spun phrase", name, f[1], prev)
		case seen[f[0]+"\x00"+f[1]]:
			t.Errorf("%s: %q twice", name, l)
		case spun[f[1]] != "" && spun[f[1]] != name:
			t.Errorf("%s: %q: %s has this spun phrase too", name, l, spun[f[1]])
		}
		seen[f[0]+"\x00"+f[1]] = true
		prev = f[1]
		if spun[f[1]] == "" {
			spun[f[1]] = name
		}
	}
}
