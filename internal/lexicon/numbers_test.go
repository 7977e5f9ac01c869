package lexicon

import "testing"

func TestNumberWords(t *testing.T) {
	for _, tc := range []struct {
		w       string
		n       int
		ordinal bool
		ok      bool
	}{
		{"zero", 0, false, true},
		{"eleven", 11, false, true},
		{"twenty", 20, false, true},
		{"twenty-five", 25, false, true},
		{"ninety-nine", 99, false, true},
		{"first", 1, true, true},
		{"twenty-fifth", 25, true, true},
		{"hundred", 100, false, true},
		{"dozen", 12, false, true},
		{"thousandth", 1000, true, true},
		{"twenty-ten", 0, false, false},
		{"five-year", 0, false, false},
		{"ii", 0, false, false},
		{"unity", 0, false, false},
	} {
		q, ok := numberWords[tc.w]
		if ok != tc.ok || (ok && q != (quantity{tc.n, tc.ordinal})) {
			t.Errorf("numberWords[%q] = %+v, %v; want %d, %v, %v", tc.w, q, ok, tc.n, tc.ordinal, tc.ok)
		}
	}
}

// TestNumbersKeepTheirValue: a number word is never offered another number
// as its original, while other originals, and numbers for other words,
// still are.
func TestNumbersKeepTheirValue(t *testing.T) {
	l := testLexicon(t, 60)
	for _, w := range []string{"twenty-five", "two", "first", "eleven", "hundred"} {
		for _, c := range l.Candidates(w)[1:] {
			if otherNumber(numberWords[w], c.Word) {
				t.Errorf("%s offers %q", w, c.Word)
			}
		}
	}
	if got := l.Candidates("twenty-five"); len(got) < 2 {
		t.Errorf("twenty-five lost every original: %v", got)
	}
	if !otherNumber(numberWords["twenty-five"], "eleven") || !otherNumber(numberWords["one"], "first") ||
		otherNumber(numberWords["twelve"], "dozen") || otherNumber(numberWords["two"], "pair") {
		t.Error("otherNumber misjudges a pair")
	}
}
