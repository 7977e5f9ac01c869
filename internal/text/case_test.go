package text

import "testing"

func TestShapeOf(t *testing.T) {
	tests := map[string]Shape{
		"the": Lower, "The": Title, "THE": Upper, "A": Title, "a": Lower,
		"Some-more": Title, "Long-Term": Title, "O'Neill": Title, "Washington’s": Title,
		"U.S.": Upper, "ISIL's": Upper, "iPhone": Mixed, "McDonald": Mixed,
		"Élan": Title, "ÉLAN": Upper, "straße": Lower, "50-minute": Lower, "50": Lower,
	}
	for w, want := range tests {
		if got := ShapeOf(w); got != want {
			t.Errorf("ShapeOf(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestApplyShape(t *testing.T) {
	tests := []struct {
		from, to, want string
	}{
		{"a", "the", "the"},
		{"A", "the", "The"},
		{"THE", "a", "A"},
		{"Some-more", "more", "More"},
		{"Infantry", "long-term", "Long-term"},
		{"PRONOUNCED", "said", "SAID"},
		{"Pronounced", "éclair", "Éclair"},
		{"ÉTÉ", "naïve", "NAÏVE"},
		{"iPhone", "phone", "phone"},
		{"Dz", "ǆemal", "ǅemal"}, // title case, not upper case, for digraphs
	}
	for _, tt := range tests {
		if got := ApplyShape(ShapeOf(tt.from), tt.to); got != tt.want {
			t.Errorf("ApplyShape(ShapeOf(%q), %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestShapeAtAllCaps(t *testing.T) {
	src := []byte("A DEFENSE CHIEF MET A minister. A talk")
	toks := Tokenize(src)
	var got []Shape
	for i, tk := range toks {
		if tk.Kind == Word && tk.End-tk.Start == 1 {
			got = append(got, ShapeAt(src, toks, i))
		}
	}
	want := []Shape{Upper, Upper, Title}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("single-letter word %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

func TestShapeAtDoesNotAllocate(t *testing.T) {
	src := []byte("A DEFENSE CHIEF said Washington’s")
	toks := Tokenize(src)
	if n := testing.AllocsPerRun(100, func() {
		for i := range toks {
			if toks[i].Kind == Word {
				ShapeAt(src, toks, i)
			}
		}
	}); n != 0 {
		t.Errorf("ShapeAt allocates %v times a sentence", n)
	}
}
