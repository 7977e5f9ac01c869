package repair

import (
	"regexp"
	"strings"
	"testing"
)

// rules is a fake one-pass repairer: each word found as a key is replaced by
// its value, applied when the value starts with "!" (which is dropped), a
// suggestion otherwise.
func rules(m map[string]string) func([]byte) []Edit {
	word := regexp.MustCompile(`[\pL-]+`)
	return func(src []byte) []Edit {
		var edits []Edit
		for _, loc := range word.FindAllIndex(src, -1) {
			from := string(src[loc[0]:loc[1]])
			to, ok := m[from]
			if !ok {
				continue
			}
			applied := strings.HasPrefix(to, "!")
			edits = append(edits, Edit{Start: loc[0], End: loc[1], From: from, To: strings.TrimPrefix(to, "!"), Applied: applied, Confidence: 0.9})
		}
		return edits
	}
}

// iterate is what Settle must amount to: apply passes until none applies.
func iterate(src []byte, once func([]byte) []Edit) []byte {
	for range maxPasses - 1 {
		edits := once(src)
		if !anyApplied(edits) {
			break
		}
		src = Apply(src, edits)
	}
	return src
}

func TestSettle(t *testing.T) {
	tests := []struct {
		name, src string
		rules     map[string]string
		want      string // edits as From>To, * marking the applied ones
	}{
		{"one pass", "a infantry moved", map[string]string{"infantry": "!military", "moved": "went"},
			"infantry>military* moved>went"},
		{"chain", "x one y", map[string]string{"one": "!two", "two": "!three"}, "one>three*"},
		// Every other pass is back at the original; the last pass's
		// change is left a suggestion.
		{"flip-flop", "x one y", map[string]string{"one": "!two", "two": "!one"}, "one>two"},
		{"suggestion after a change", "one b", map[string]string{"one": "!seven", "seven": "!eight", "b": "bee"},
			"one>eight* b>bee"},
		{"longer then shorter", "ab cd ef", map[string]string{"ab": "!abcdef", "cd": "!c", "abcdef": "!z", "ef": "g"},
			"ab>z* cd>c* ef>g"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			once := rules(tt.rules)
			edits := Settle(src, once)
			var got []string
			for _, e := range edits {
				if string(src[e.Start:e.End]) != e.From {
					t.Fatalf("edit %+v does not read %q in the original", e, e.From)
				}
				s := e.From + ">" + e.To
				if e.Applied {
					s += "*"
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("edits %q, want %q", strings.Join(got, " "), tt.want)
			}
			if out, want := Apply(src, edits), iterate(src, once); string(out) != string(want) {
				t.Errorf("edits make %q, passes make %q", out, want)
			}
		})
	}
}

// TestSettleSpanningEdit: an edit of a later pass that covers a patch and
// the original text beside it replaces both, as one edit of the original.
func TestSettleSpanningEdit(t *testing.T) {
	src := []byte("well some more here")
	pass := 0
	once := func(b []byte) []Edit {
		pass++
		switch pass {
		case 1: // "some" -> "any"
			return []Edit{{Start: 5, End: 9, From: "some", To: "any", Applied: true}}
		case 2: // "y more" -> "ymore": reaches into the patch
			i := strings.Index(string(b), "y more")
			return []Edit{{Start: i, End: i + 6, From: "y more", To: "ymore", Applied: true}}
		}
		return nil
	}
	edits := Settle(src, once)
	if len(edits) != 1 || edits[0].From != "some more" || edits[0].To != "anymore" {
		t.Fatalf("edits %+v, want one of \"some more\" to \"anymore\"", edits)
	}
	if got := string(Apply(src, edits)); got != "well anymore here" {
		t.Errorf("got %q", got)
	}
}
