package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

// thesaurus is Moby after lowercasing: each root with its synonym list.
// Roots that collapse under lowercasing are merged.
type thesaurus struct {
	roots map[string]map[string]bool
}

func open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return f, err
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}, nil
}

// latin1 converts a Moby line (ASCII with some Latin-1 bytes) to UTF-8.
func latin1(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func clean(w string) string {
	return strings.Join(strings.Fields(strings.ToLower(w)), " ")
}

func readMoby(path string) (*thesaurus, error) {
	rc, err := open(path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	th := &thesaurus{roots: map[string]map[string]bool{}}
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(strings.TrimRight(latin1(sc.Bytes()), "\r\n"), ",")
		root := clean(f[0])
		if root == "" || len(f) < 2 {
			continue
		}
		set := th.roots[root]
		if set == nil {
			set = map[string]bool{}
			th.roots[root] = set
		}
		for _, s := range f[1:] {
			if s = clean(s); s != "" && s != root {
				set[s] = true
			}
		}
	}
	return th, sc.Err()
}

// encodeThesaurus writes the inverted index the lexicon reads in place. The
// layout (all integers little-endian) is documented in
// internal/lexicon/thesaurus.go, which must change with it.
func encodeThesaurus(th *thesaurus) []byte {
	wordSet := map[string]bool{}
	var roots []string
	for r, syns := range th.roots {
		roots = append(roots, r)
		wordSet[r] = true
		for s := range syns {
			wordSet[s] = true
		}
	}
	sort.Strings(roots)
	words := make([]string, 0, len(wordSet))
	for w := range wordSet {
		words = append(words, w)
	}
	sort.Strings(words)
	id := make(map[string]int, len(words))
	for i, w := range words {
		id[w] = i
	}
	post := make([][]uint16, len(words))
	for ri, r := range roots {
		for s := range th.roots[r] {
			post[id[s]] = append(post[id[s]], uint16(ri))
		}
	}
	var body []byte
	u32 := func(v int) { body = binary.LittleEndian.AppendUint32(body, uint32(v)) }
	u16 := func(v int) { body = binary.LittleEndian.AppendUint16(body, uint16(v)) }
	u32(len(words))
	u32(len(roots))
	off := 0
	for _, w := range words {
		u32(off)
		off += len(w)
	}
	u32(off)
	for _, r := range roots {
		u32(id[r])
	}
	for _, r := range roots {
		u16(min(len(th.roots[r]), 0xffff))
	}
	n := 0
	for _, p := range post {
		u32(n)
		n += len(p)
	}
	u32(n)
	for _, p := range post {
		sort.Slice(p, func(i, j int) bool { return p[i] < p[j] })
		for _, r := range p {
			u16(int(r))
		}
	}
	for _, w := range words {
		body = append(body, w...)
	}
	out := []byte("UNSPLEX1")
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
	return append(out, body...)
}
