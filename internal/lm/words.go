package lm

import "unsafe"

// nativeLittleEndian is whether this machine orders integers as the format
// does, so that a section can be used as an integer slice where it lies.
var nativeLittleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// uint64s views b as little-endian uint64s. In place where the machine and
// b's alignment allow (every section starts 8-aligned in the file, and
// mapped or embedded files are aligned), so that a query indexes a typed
// slice instead of decoding bytes; otherwise a decoded copy.
func uint64s(b []byte) []uint64 {
	n := len(b) / 8
	if n == 0 {
		return nil
	}
	if nativeLittleEndian && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = le.Uint64(b[8*i:])
	}
	return out
}

// uint32s is uint64s for uint32s.
func uint32s(b []byte) []uint32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if nativeLittleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = le.Uint32(b[4*i:])
	}
	return out
}
