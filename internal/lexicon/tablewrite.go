package lexicon

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"sort"
)

// encodeTable writes the layout table.go reads: keys are the spun forms
// (sorted), lists[i] the ranked originals of keys[i] and ctx[i] its
// context relatives.
func encodeTable(l *Lexicon, keys []string, lists, ctx [][]scored, meta string) ([]byte, error) {
	strs, id := internStrings(keys, lists, ctx)
	if len(strs) > maxStrings {
		return nil, fmt.Errorf("lexicon: %d strings, the table format holds %d", len(strs), maxStrings)
	}
	listOf := make(map[string][]scored, len(keys))
	ctxOf := make(map[string][]scored, len(keys))
	nEntries, nContext := 0, 0
	for i, k := range keys {
		listOf[k], ctxOf[k] = lists[i], ctx[i]
		nEntries += len(lists[i])
		nContext += len(ctx[i])
	}
	le := binary.LittleEndian
	body := le.AppendUint32(nil, uint32(len(strs)))
	body = le.AppendUint32(body, uint32(nEntries))
	body = le.AppendUint32(body, uint32(nContext))
	body = le.AppendUint32(body, uint32(len(meta)))
	body = append(body, meta...)
	body = appendOffsets(body, strs, func(s string) int { return len(s) })
	body = appendOffsets(body, strs, func(s string) int { return len(listOf[s]) })
	for _, s := range strs {
		var f uint8
		if _, isKey := listOf[s]; isKey {
			f |= flagKey
		}
		body = append(body, f)
	}
	for _, s := range strs {
		body = le.AppendUint16(body, uint16(quantUnigram(l.unigram(s))))
	}
	for _, s := range strs {
		body = le.AppendUint16(body, uint16(l.th.rootSize(s)))
	}
	for _, s := range strs {
		for _, c := range listOf[s] {
			code, err := entryCode(l, c)
			if err != nil {
				return nil, fmt.Errorf("lexicon: %s -> %s: %w", s, c.Word, err)
			}
			i := id[c.Word]
			body = append(body, byte(i), byte(i>>8), byte(i>>16)<<7|code)
		}
	}
	body = appendOffsets(body, strs, func(s string) int { return len(ctxOf[s]) })
	for _, s := range strs {
		for _, c := range ctxOf[s] {
			i := id[c.Word]
			body = append(body, byte(i), byte(i>>8), byte(i>>16)<<7|uint8(level(c.n)))
		}
	}
	for _, s := range strs {
		body = append(body, s...)
	}
	out := []byte(tableMagic)
	out = le.AppendUint32(out, crc32.ChecksumIEEE(body))
	return append(out, body...), nil
}

// appendOffsets appends the running sum of size over strs, then the total.
func appendOffsets(body []byte, strs []string, size func(string) int) []byte {
	off := 0
	for _, s := range strs {
		body = binary.LittleEndian.AppendUint32(body, uint32(off))
		off += size(s)
	}
	return binary.LittleEndian.AppendUint32(body, uint32(off))
}

// entryCode is the code byte of an original (see table.go).
func entryCode(l *Lexicon, c scored) (uint8, error) {
	switch c.Source {
	case Thesaurus:
		if n := l.th.rootSize(c.Word); n != c.n {
			return 0, fmt.Errorf("thesaurus original with n %d, its root lists %d", c.n, n)
		}
		return codeThesaurus, nil
	case Spelling:
		return uint8(min(c.n, codeSpellMax)), nil
	case Morphology:
		return uint8(codeMorph + level(c.n)), nil
	case Synonym:
		return uint8(codeSynonym + level(c.n)), nil
	case WordNet:
		return uint8(codeWordNet + wordnetLevel(c.n)), nil
	}
	return 0, fmt.Errorf("source %v cannot be stored", c.Source)
}

// internStrings returns every key and every word of the keys' lists
// (lists[j][i] belongs to keys[i]), sorted, with their indices.
func internStrings(keys []string, lists ...[][]scored) ([]string, map[string]int) {
	id := make(map[string]int, 2*len(keys))
	for i, k := range keys {
		id[k] = i
		for _, l := range lists {
			for _, c := range l[i] {
				id[c.Word] = 0
			}
		}
	}
	strs := make([]string, 0, len(id))
	for s := range id {
		strs = append(strs, s)
	}
	sort.Strings(strs)
	for i, s := range strs {
		id[s] = i
	}
	return strs, id
}

// quantUnigram stores log10 P in thousandths, uniNone for an unknown word.
func quantUnigram(p float64) int16 {
	if math.IsInf(p, -1) || math.IsNaN(p) {
		return uniNone
	}
	return int16(max(math.Round(p*1000), -32767))
}
