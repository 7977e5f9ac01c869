package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// show renders the non-space tokens of src as "Kind:text", with a trailing
// "!" for protected tokens, for compact table tests.
func show(src string) []string {
	var out []string
	for _, t := range Tokenize([]byte(src)) {
		if t.IsSpace() {
			continue
		}
		s := fmt.Sprintf("%s:%s", t.Kind, src[t.Start:t.End])
		if t.Protected() {
			s += "!"
		}
		out = append(out, s)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"apostrophes", "Washington’s can't it's o'clock rock'n'roll",
			[]string{"Word:Washington’s", "Word:can't", "Word:it's", "Word:o'clock", "Word:rock'n'roll"}},
		{"curly quotes are punctuation", "would “help to conclude” it",
			[]string{"Word:would", "Punct:“", "Word:help", "Word:to", "Word:conclude", "Punct:”", "Word:it"}},
		{"plural possessive", "a dual countries’ infantry",
			[]string{"Word:a", "Word:dual", "Word:countries’", "Word:infantry"}},
		{"single quotes close", "he said 'yes' and 'bids' now",
			[]string{"Word:he", "Word:said", "Punct:'", "Word:yes", "Punct:'", "Word:and", "Punct:'", "Word:bids", "Punct:'", "Word:now"}},
		{"elisions", "'em and ‘cause 'Tis",
			[]string{"Word:'em", "Word:and", "Word:‘cause", "Word:'Tis"}},
		{"hyphens", "some-more long-term al-Assad brother-in-law pre- and post-war -- x",
			[]string{"Word:some-more", "Word:long-term", "Word:al-Assad", "Word:brother-in-law", "Word:pre", "Punct:-",
				"Word:and", "Word:post-war", "Punct:--", "Word:x"}},
		{"digits protect words", "The 50-minute call, COVID-19, mp3, 1990s and 3D",
			[]string{"Word:The", "Word:50-minute!", "Word:call", "Punct:,", "Word:COVID-19!", "Punct:,", "Word:mp3!", "Punct:,",
				"Word:1990s!", "Word:and", "Word:3D!"}},
		{"numbers", "1,000.50 and 3.14, 5:30 or 2014.",
			[]string{"Number:1,000.50!", "Word:and", "Number:3.14!", "Punct:,", "Number:5:30!", "Word:or", "Number:2014!", "Punct:."}},
		{"acronyms", "the U.S. and U.S.A. e.g. a.m. U.S",
			[]string{"Word:the", "Word:U.S.", "Word:and", "Word:U.S.A.", "Word:e.g.", "Word:a.m.", "Word:U", "Punct:.", "Word:S"}},
		{"urls", "see https://example.com/a_(b)?q=1. Or www.example.org, example.com/x.",
			[]string{"Word:see", "URL:https://example.com/a_(b)?q=1!", "Punct:.", "Word:Or", "URL:www.example.org!", "Punct:,",
				"URL:example.com/x!", "Punct:."}},
		{"not urls", "end.The Mr.Smith",
			[]string{"Word:end", "Punct:.", "Word:The", "Word:Mr", "Punct:.", "Word:Smith"}},
		{"email and handles", "mail john.smith+x@mail.example.com, @bob_1 #Syria C# a@b",
			[]string{"Word:mail", "Email:john.smith+x@mail.example.com!", "Punct:,", "Handle:@bob_1!", "Hashtag:#Syria!",
				"Word:C", "Punct:#", "Word:a", "Punct:@", "Word:b"}},
		{"inline code", "run `go test` now and ``a ` b`` but `open",
			[]string{"Word:run", "Code:`go test`!", "Word:now", "Word:and", "Code:``a ` b``!", "Word:but", "Punct:`", "Word:open"}},
		{"fenced code", "Text\n```go\nx := a\n\nb\n```\nmore\n~~~\nunclosed",
			[]string{"Word:Text", "CodeBlock:```go\nx := a\n\nb\n```!", "Word:more", "CodeBlock:~~~\nunclosed!"}},
		{"html", `<p class="x">A <a href="http://x.org/?a>b">link</a> &amp; a < b &copy;</p>`,
			[]string{`Markup:<p class="x">!`, "Word:A", `Markup:<a href="http://x.org/?a>b">!`, "Word:link", "Markup:</a>!",
				"Markup:&amp;!", "Word:a", "Punct:<", "Word:b", "Markup:&copy;!", "Markup:</p>!"}},
		{"raw html", "<script>if (a<b) x()</script>ok <!-- c -->",
			[]string{"Markup:<script>if (a<b) x()</script>!", "Word:ok", "Markup:<!-- c -->!"}},
		{"unicode", "Élan naïve straße 東京 café’s",
			[]string{"Word:Élan", "Word:naïve", "Word:straße", "Word:東京", "Word:café’s"}},
		{"ellipsis and dashes", "wait... then — now…",
			[]string{"Word:wait", "Punct:...", "Word:then", "Punct:—", "Word:now", "Punct:…"}},
		{"invalid bytes", "a\xffb\x00",
			[]string{"Word:a", "Other:\xff", "Word:b", "Other:\x00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeSpaceAndNewlines(t *testing.T) {
	src := "a \t b\r\n\r\nc\rd\u00a0e\u2028f"
	var got []string
	for _, tk := range Tokenize([]byte(src)) {
		got = append(got, fmt.Sprintf("%s:%q", tk.Kind, src[tk.Start:tk.End]))
	}
	want := []string{`Word:"a"`, `Space:" \t "`, `Word:"b"`, `Newline:"\r\n"`, `Newline:"\r\n"`, `Word:"c"`,
		`Newline:"\r"`, `Word:"d"`, `Space:"\u00a0"`, `Word:"e"`, `Newline:"\u2028"`, `Word:"f"`}
	if !slices.Equal(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNorm(t *testing.T) {
	tests := map[string]string{
		"Washington’s": "washington's", "CAN'T": "can't", "U.S.": "us", "a.m.": "am",
		"Long‐Term": "long-term", "ﬁnal": "final", "co\u00adoperate": "cooperate",
		"Élan": "élan", "the": "the", "countries’": "countries'", "ÆON": "æon",
	}
	for in, want := range tests {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLMWords(t *testing.T) {
	line := "“Obviously, a concentration stays on ISIL,” Kerry told reporters during a revisit to the U.S. — it’s 4 years."
	want := "obviously a concentration stays on isil kerry told reporters during a revisit to the us it's 4 years"
	if got := strings.Join(LMWords(line), " "); got != want {
		t.Errorf("LMWords\n got %q\nwant %q", got, want)
	}
	// The contract: LMWords is Norm over the word tokens of Tokenize.
	src := []byte(line)
	var viaTokens []string
	for _, tk := range Tokenize(src) {
		if tk.IsWord() {
			viaTokens = append(viaTokens, Norm(string(src[tk.Start:tk.End])))
		}
	}
	if !slices.Equal(LMWords(line), viaTokens) {
		t.Errorf("LMWords %q differs from Norm over tokens %q", LMWords(line), viaTokens)
	}
}

func TestNormDoesNotAllocateForPlainWords(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Norm("washington") }); n != 0 {
		t.Errorf("Norm of a lowercase ASCII word allocates %v times", n)
	}
	buf := make([]byte, 0, 64)
	w := []byte("Washington’s")
	if n := testing.AllocsPerRun(100, func() { buf = AppendNorm(buf[:0], w) }); n != 0 {
		t.Errorf("AppendNorm into a buffer with room allocates %v times", n)
	}
}
