package eval

import (
	"slices"
	"strings"
	"testing"
)

func TestReadMoby(t *testing.T) {
	in := "military,army,forces,armed services,Navy,infantry\r\nthe,a\r\nsay,state,utter,say\r\n"
	m, err := ReadMoby(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Replacements("military"), []string{"army", "forces", "infantry"}; !slices.Equal(got, want) {
		t.Errorf("military -> %v, want %v (no phrases, no capitals)", got, want)
	}
	if got := m.Replacements("the"); got != nil {
		t.Errorf("the -> %v; a closed-class word gets no list", got)
	}
	if got, want := m.Replacements("say"), []string{"state", "utter"}; !slices.Equal(got, want) {
		t.Errorf("say -> %v, want %v (never itself)", got, want)
	}
}
