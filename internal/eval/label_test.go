package eval

import "testing"

func TestLabeler(t *testing.T) {
	spun := []byte("Kerry pronounced “infantry talks”\nin U.S.-Russia {?} a ties.")
	gold := []byte("Kerry said “military talks”\nin U.S.-Russian {?} {the|its} ties.")
	l, err := NewLabeler(spun, gold)
	if err != nil {
		t.Fatal(err)
	}
	off := func(word string) int {
		for i := range len(spun) - len(word) + 1 {
			before := i == 0 || spun[i-1] == ' ' || spun[i-1] >= 0x80 // a space or a quote mark's last byte
			if before && string(spun[i:i+len(word)]) == word {
				return i
			}
		}
		t.Fatalf("%q not in the spun text", word)
		return 0
	}
	for _, c := range []struct {
		spun, cand string
		right, ok  bool
	}{
		{"pronounced", "said", true, true},
		{"pronounced", "told", false, true},
		{"infantry", "military", true, true}, // inside a quote mark
		{"Kerry", "kerry", true, true},
		{"a", "its", true, true},
		{"a", "a", false, true},
	} {
		right, ok := l.Label(off(c.spun), c.spun, c.cand)
		if right != c.right || ok != c.ok {
			t.Errorf("Label(%q, %q) = %v, %v; want %v, %v", c.spun, c.cand, right, ok, c.right, c.ok)
		}
	}
}

// TestLabelerWordInToken: a word that is only part of its token
// ("Russia" in "U.S.-Russia") is not scored, as the gold speaks of the token.
func TestLabelerWordInToken(t *testing.T) {
	spun := []byte("in U.S.-Russia talks")
	l, err := NewLabeler(spun, []byte("in U.S.-Russian talks"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Label(len("in U.S.-"), "Russia", "russian"); ok {
		t.Error("a word inside a longer token was scored")
	}
	if right, ok := l.Label(len("in U.S.-Russia "), "talks", "talks"); !right || !ok {
		t.Errorf("the next token: right %v ok %v", right, ok)
	}
}

func TestLabelerAlignment(t *testing.T) {
	if _, err := NewLabeler([]byte("a b c"), []byte("a b")); err == nil {
		t.Error("misaligned texts: no error")
	}
}

func TestReportAdd(t *testing.T) {
	var total Report
	total.Add(Report{NeedRepair: 4, Changed: 2, Correct: 2, Restored: 2})
	total.Add(Report{NeedRepair: 6, Changed: 3, Correct: 1, Restored: 1, Wrong: 2})
	if total.Precision != 0.6 || total.Recall != 0.3 {
		t.Errorf("precision %v recall %v, want 0.6 and 0.3", total.Precision, total.Recall)
	}
}
