package text

import (
	"slices"
	"strings"
	"testing"
)

// split returns the text of each sentence of src.
func split(src string) []string {
	b := []byte(src)
	toks := Tokenize(b)
	var out []string
	for _, s := range Sentences(b, toks) {
		start, end := s.Span(toks)
		out = append(out, src[start:end])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"simple", "It rained. Then it stopped! Did it? Yes.",
			[]string{"It rained.", "Then it stopped!", "Did it?", "Yes."}},
		{"titles and initials", "Defense Secretary Ashton B. Carter met Mr. Shoigu and Dr. Smith. They talked.",
			[]string{"Defense Secretary Ashton B. Carter met Mr. Shoigu and Dr. Smith.", "They talked."}},
		{"acronym inside and at end", "The U.S. Defense Department agreed with the U.S. The talks began.",
			[]string{"The U.S. Defense Department agreed with the U.S.", "The talks began."}},
		{"abbreviations", "It starts at 7 p.m. on Aug. 5 in Washington, e.g. at the Pentagon. Smith Inc. said no.",
			[]string{"It starts at 7 p.m. on Aug. 5 in Washington, e.g. at the Pentagon.", "Smith Inc. said no."}},
		{"decimals and lowercase", "It rose 3.5 percent. It fell... and rose again... Then fell. a lowercase start. Joins",
			[]string{"It rose 3.5 percent.", "It fell... and rose again...", "Then fell. a lowercase start.", "Joins"}},
		{"quotes", "Kerry said talks would “help in Syria.” ISIL is an acronym. “Both of those take us to Russia,” she said. “Go!” he said.",
			[]string{"Kerry said talks would “help in Syria.”", "ISIL is an acronym.", "“Both of those take us to Russia,” she said.", "“Go!” he said."}},
		{"digit and quote starts", "He left in 2014. 18 months later he returned. \"Why?\" asked one.",
			[]string{"He left in 2014.", "18 months later he returned.", "\"Why?\" asked one."}},
		{"paragraphs without stops", "Home / World / Talks\r\n\r\nIn pointer of US alarm\n\nBody text here.",
			[]string{"Home / World / Talks", "In pointer of US alarm", "Body text here."}},
		{"wrapped lines join", "The talks took place as the first\nRussian jets appeared.",
			[]string{"The talks took place as the first\nRussian jets appeared."}},
		{"markdown blocks", "# Heading\nIntro line\n- first item\n- second item\n> quoted\n1. numbered",
			[]string{"# Heading", "Intro line", "- first item", "- second item", "> quoted", "1. numbered"}},
		{"code and html blocks", "Run this:\n```\nx. Y\n```\n<p>Para one</p><p>Two</p>",
			[]string{"Run this:", "```\nx. Y\n```", "<p>", "Para one", "</p>", "<p>", "Two", "</p>"}},
		{"no split inside word", "end.The U.S.A. is big", []string{"end.The U.S.A. is big"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentenceInitial(t *testing.T) {
	src := []byte("“We have two jobs in Syria: One is hard,” said Julianne Smith, “Both matter.”\n- The list")
	toks := Tokenize(src)
	initial := map[string]bool{}
	for _, s := range Sentences(src, toks) {
		for i := s.Start; i < s.End; i++ {
			if toks[i].Kind == Word && SentenceInitial(src, toks, s, i) {
				initial[string(toks[i].Bytes(src))] = true
			}
		}
	}
	for _, w := range []string{"We", "One", "Both", "The"} {
		if !initial[w] {
			t.Errorf("%q not seen as sentence-initial", w)
		}
	}
	for _, w := range []string{"Syria", "Julianne", "Smith", "have", "list"} {
		if initial[w] {
			t.Errorf("%q wrongly seen as sentence-initial", w)
		}
	}
}

func TestHeadline(t *testing.T) {
	for in, want := range map[string]bool{
		"Washington And Moscow Start Talks Over Syria":              true,
		"In pointer of US alarm, Washington and Moscow start talks": false,
		"Syria": false,
	} {
		src := []byte(in)
		toks := Tokenize(src)
		if got := Headline(src, toks, Sentence{0, len(toks)}); got != want {
			t.Errorf("Headline(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSentencesCoverNonSpaceTokensOnce(t *testing.T) {
	src := []byte(strings.Repeat("Mr. A. B. Smith said “no.” Then... <br>x\n\n# H\n", 20))
	checkSentences(t, src)
}

// checkSentences asserts the Sentences invariants: ordered, non-empty,
// starting and ending at non-space tokens, and covering every non-space token.
func checkSentences(t testing.TB, src []byte) {
	toks := Tokenize(src)
	next := 0
	for _, s := range Sentences(src, toks) {
		if s.Start < next || s.End <= s.Start || s.End > len(toks) {
			t.Fatalf("bad sentence %v after token %d of %d", s, next, len(toks))
		}
		if toks[s.Start].IsSpace() || toks[s.End-1].IsSpace() {
			t.Fatalf("sentence %v starts or ends with space", s)
		}
		for i := next; i < s.Start; i++ {
			if !toks[i].IsSpace() {
				t.Fatalf("token %d %q outside every sentence", i, toks[i].Bytes(src))
			}
		}
		next = s.End
	}
	for i := next; i < len(toks); i++ {
		if !toks[i].IsSpace() {
			t.Fatalf("trailing token %d %q outside every sentence", i, toks[i].Bytes(src))
		}
	}
}
