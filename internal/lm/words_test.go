package lm

import (
	"slices"
	"testing"
)

// TestViewAlignedAndNot: a section reads the same whether it can be used in
// place or must be decoded (an unaligned buffer).
func TestViewAlignedAndNot(t *testing.T) {
	buf := make([]byte, 8*4+1)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	for _, off := range []int{0, 1} { // make returns 8-aligned memory
		b := buf[off : off+8*4]
		want64 := make([]uint64, 4)
		for i := range want64 {
			want64[i] = le.Uint64(b[8*i:])
		}
		if got := uint64s(b); !slices.Equal(got, want64) {
			t.Errorf("offset %d: uint64s = %x, want %x", off, got, want64)
		}
		want32 := make([]uint32, 8)
		for i := range want32 {
			want32[i] = le.Uint32(b[4*i:])
		}
		if got := uint32s(b); !slices.Equal(got, want32) {
			t.Errorf("offset %d: uint32s = %x, want %x", off, got, want32)
		}
	}
	if uint64s(buf[:7]) != nil {
		t.Error("a buffer shorter than one value is no values")
	}
}
