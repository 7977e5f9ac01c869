package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// XTAG paradigm slots (en-verbs.txt): 0 infinitive, 3 third person
// singular, 5 present participle, 10 past, 11 past participle; the slots
// between are person-specific forms only "be" fills.
const (
	slotInf, slot3sg, slotIng, slotPast, slotPart = 0, 3, 5, 10, 11
)

// readXTAG returns "lemma,3sg,ing,past,participle" lines, sorted.
func readXTAG(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	seen := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, ";") {
			continue
		}
		s := strings.Split(line, ",")
		if len(s) <= slotPart || s[slotInf] == "" {
			continue
		}
		past := s[slotPast]
		if past == "" { // "be": past is person-specific, take the 3rd singular
			past = s[8]
		}
		if _, dup := seen[s[slotInf]]; !dup && strings.ToLower(s[slotInf]) == s[slotInf] {
			seen[s[slotInf]] = strings.ToLower(strings.Join([]string{s[slotInf], s[slot3sg], s[slotIng], past, s[slotPart]}, ","))
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return sortedLines(seen), nil
}

// readExceptions returns "form\tlemma\tpos" lines from WordNet exception
// lists, sorted, without self-maps.
func readExceptions(paths []string) (string, error) {
	lines := map[string]string{}
	for _, p := range paths {
		pos := posOf(p)
		if pos == "" {
			return "", fmt.Errorf("%s: cannot tell the part of speech from the name", p)
		}
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.Fields(sc.Text())
			for _, lemma := range w[min(1, len(w)):] {
				if lemma != w[0] && !strings.Contains(w[0]+lemma, "_") {
					l := w[0] + "\t" + lemma + "\t" + pos
					lines[l] = l
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return "", err
		}
	}
	return sortedLines(lines), nil
}

func posOf(path string) string {
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if strings.Contains(filepath.Base(path), pos) {
			return pos
		}
	}
	return ""
}

func sortedLines(m map[string]string) string {
	v := make([]string, 0, len(m))
	for _, l := range m {
		v = append(v, l)
	}
	sort.Strings(v)
	return strings.Join(v, "\n") + "\n"
}
