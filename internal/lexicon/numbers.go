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

// quantity is the value a number word names: "twenty-five" is 25,
// "twenty-fifth" the ordinal 25.
type quantity struct {
	n       int
	ordinal bool
}

// numberWords maps every number word the rule knows to its quantity:
// units and teens, tens, tens joined to a unit by a hyphen, and the scales,
// each as a cardinal and as an ordinal.
var numberWords = func() map[string]quantity {
	units := strings.Fields("zero one two three four five six seven eight nine ten " +
		"eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	unitOrds := strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth " +
		"eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	tens := strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety")
	tensOrds := strings.Fields("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
	m := map[string]quantity{
		"dozen": {12, false}, "hundred": {100, false}, "thousand": {1000, false},
		"million": {1e6, false}, "billion": {1e9, false}, "trillion": {1e12, false},
		"hundredth": {100, true}, "thousandth": {1000, true},
		"millionth": {1e6, true}, "billionth": {1e9, true}, "trillionth": {1e12, true},
	}
	for n := range units {
		m[units[n]] = quantity{n, false}
		m[unitOrds[n]] = quantity{n, true}
	}
	for t := range tens {
		m[tens[t]] = quantity{20 + 10*t, false}
		m[tensOrds[t]] = quantity{20 + 10*t, true}
		for u := 1; u <= 9; u++ {
			m[tens[t]+"-"+units[u]] = quantity{20 + 10*t + u, false}
			m[tens[t]+"-"+unitOrds[u]] = quantity{20 + 10*t + u, true}
		}
	}
	return m
}()

// otherNumber reports whether orig is a number word naming another
// quantity than q.
func otherNumber(q quantity, orig string) bool {
	p, ok := numberWords[orig]
	return ok && p != q
}
