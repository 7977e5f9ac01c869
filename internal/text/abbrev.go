package text

// Word lists the sentence splitter consults at a full stop. They are data,
// kept short on purpose: a missed abbreviation costs one wrong split (the
// language model sees </s> <s> in mid-sentence), while a wrong entry glues
// two sentences together.

// titles precede a name and never end a sentence: "Mr. Smith", "Gen. Dempsey".
var titles = []string{
	"adm", "capt", "cmdr", "col", "dr", "fr", "gen", "gov", "hon", "lt", "maj",
	"messrs", "mr", "mrs", "ms", "prof", "rep", "rev", "sen", "sgt",
}

// abbreviations usually continue the sentence ("e.g. the", "Smith Inc. said",
// "Aug. 5", "St. Louis") but may end one ("on Main St. The"); after them a split needs a sentence starter.
// Dotted acronyms (U.S., a.m.) and single initials (B.) behave the same way.
var abbreviations = []string{
	"al", "apr", "approx", "aug", "ave", "blvd", "cf", "co", "corp", "dec", "dept",
	"est", "etc", "feb", "fig", "ft", "inc", "jan", "jr", "jul", "jun", "ltd",
	"mar", "mt", "no", "nos", "nov", "oct", "op", "sep", "sept", "sr", "st", "vol", "vs",
}

// starters are words that begin sentences far more often than they follow an
// abbreviation inside one ("... in the U.S. The talks ...").
var starters = []string{
	"a", "after", "also", "an", "and", "as", "at", "but", "for", "he", "her", "his",
	"how", "however", "i", "if", "in", "it", "its", "many", "meanwhile", "my",
	"on", "our", "she", "so", "some", "that", "the", "their", "there", "these",
	"they", "this", "those", "we", "what", "when", "while", "who", "why", "yet", "you",
}

// Abbreviation classes.
const (
	notAbbrev uint8 = iota
	titleAbbrev
	plainAbbrev
)

var abbrevClass = func() map[string]uint8 {
	m := make(map[string]uint8, len(titles)+len(abbreviations))
	for _, w := range titles {
		m[w] = titleAbbrev
	}
	for _, w := range abbreviations {
		m[w] = plainAbbrev
	}
	return m
}()

var starterSet = func() map[string]bool {
	m := make(map[string]bool, len(starters))
	for _, w := range starters {
		m[w] = true
	}
	return m
}()

// lowerASCII lowercases a short ASCII word into buf, reporting false for
// words too long or not ASCII (which are in none of the lists).
func lowerASCII(buf *[16]byte, w []byte) ([]byte, bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i, c := range w {
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// classOf returns the abbreviation class of word w (without its dot).
func classOf(w []byte) uint8 {
	var buf [16]byte
	if l, ok := lowerASCII(&buf, w); ok {
		return abbrevClass[string(l)]
	}
	return notAbbrev
}

// isStarter reports whether w is a common sentence-initial word.
func isStarter(w []byte) bool {
	var buf [16]byte
	l, ok := lowerASCII(&buf, w)
	return ok && starterSet[string(l)]
}
