package lexicon

import "strings"

// Numbers keep their value. A thesaurus files number words together
// ("twenty-five" in the list of "eleven", a team; "first" with "second"),
// and a spinner that swapped one number for another would change what the
// text says, not how it says it: on the clean Brown corpus every change of
// one number word into another (twenty-five -> eleven) was wrong. So a
// number word is never offered as the original of a number word of another
// value. Other originals of a number word, and numbers offered for other
// words ("ii" -> "two", "unity" -> "one"), are untouched.

var (
	unitWords = strings.Fields("zero one two three four five six seven eight nine ten " +
		"eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	tensWords = strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety")
	unitOrds  = strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth " +
		"eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	tensOrds   = strings.Fields("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
	scaleWords = map[string]int{"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12}
	scaleOrds  = map[string]int{"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
)

// quantity is the value a number word names, ordinal or not: "twenty-five"
// is 25, "twenty-fifth" the ordinal 25. ok is false for any other word.
func quantity(w string) (n int, ordinal, ok bool) {
	if tens, unit, found := strings.Cut(w, "-"); found {
		t := index(tensWords, tens)
		if t < 0 {
			return 0, false, false
		}
		if u := index(unitWords[1:10], unit); u >= 0 {
			return 20 + 10*t + u + 1, false, true
		}
		if u := index(unitOrds[1:10], unit); u >= 0 {
			return 20 + 10*t + u + 1, true, true
		}
		return 0, false, false
	}
	switch {
	case index(unitWords, w) >= 0:
		return index(unitWords, w), false, true
	case index(tensWords, w) >= 0:
		return 20 + 10*index(tensWords, w), false, true
	case index(unitOrds, w) >= 0:
		return index(unitOrds, w), true, true
	case index(tensOrds, w) >= 0:
		return 20 + 10*index(tensOrds, w), true, true
	}
	if n, ok := scaleWords[w]; ok {
		return n, false, true
	}
	if n, ok := scaleOrds[w]; ok {
		return n, true, true
	}
	return 0, false, false
}

func index(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

// changesQuantity reports whether taking orig for spun would turn one
// number into another.
func changesQuantity(spun, orig string) bool {
	n, ord, ok := quantity(spun)
	if !ok {
		return false
	}
	m, ord2, ok := quantity(orig)
	return ok && (n != m || ord != ord2)
}
