package main

import (
	"bufio"
	"io"
	"strings"
	"unicode"
)

// proseSentences reads plain text, such as a book or a list of sentences,
// and returns its sentences as whitespace-separated tokens, keeping only
// those that look like edited prose (edited). Lines are joined within a
// paragraph, so hard-wrapped text reads whole; a blank line ends a paragraph
// and so always ends a sentence.
func proseSentences(r io.Reader) ([][]string, error) {
	var out [][]string
	var para []string
	flush := func() {
		for _, s := range splitSentences(para) {
			if edited(s) && !hasGoldSyntax(s) {
				out = append(out, s)
			}
		}
		para = para[:0]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		toks := strings.Fields(sc.Text())
		if len(toks) == 0 {
			flush()
			continue
		}
		para = append(para, toks...)
	}
	flush()
	return out, sc.Err()
}

// splitSentences cuts a paragraph after each token that ends a sentence and
// is followed by one that could start one. The copy keeps the sentences
// independent of the paragraph buffer, which is reused.
func splitSentences(toks []string) [][]string {
	var out [][]string
	start := 0
	for i, t := range toks {
		if i+1 == len(toks) || (endsSentence(t) && startsSentence(toks[i+1])) {
			out = append(out, append([]string(nil), toks[start:i+1]...))
			start = i + 1
		}
	}
	return out
}

// endsSentence: a token ending in . ! or ? (closing quotes and brackets may
// follow) that is not an abbreviation or an initial ("Mr.", "J."), which
// would otherwise cut "Mr. Smith" in two.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, `"'”’)]`)
	if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	if !strings.HasSuffix(t, ".") {
		return true
	}
	w := strings.ToLower(strings.TrimLeft(strings.TrimSuffix(t, "."), `"'“‘([`))
	return len([]rune(w)) > 1 && !abbreviations[w]
}

var abbreviations = setOfWords(`mr mrs ms dr st jr sr prof gen gov sen rep col lt capt sgt mt ft
no vs inc co corp ltd dept univ fig e.g i.e u.s u.k a.m p.m`)

func setOfWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// startsSentence: a token whose first letter or digit, after any opening
// quotes or brackets, is a capital or a digit.
func startsSentence(t string) bool {
	for _, r := range t {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// minProseWords is the shortest sentence kept: shorter ones are mostly
// headlines, greetings and chat ("hi how are you doing today?"), unlike the
// articles spinners rewrite.
const minProseWords = 6

// edited: a sentence that starts with a capital, ends with sentence
// punctuation and holds nothing but Latin letters, digits and punctuation
// (no emoji, other scripts or control characters). Web-gathered corpora mix
// chat, lyrics and ASCII art into their prose; the spinners this project
// faces rewrite articles.
func edited(s []string) bool {
	if len(s) < minProseWords || !startsSentence(s[0]) || !endsSentence(s[len(s)-1]) {
		return false
	}
	for _, t := range s {
		for _, r := range t {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) ||
				!unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.P, unicode.Sc, unicode.Sm) {
				return false
			}
		}
	}
	return true
}
