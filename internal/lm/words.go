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
func uint64s(b []byte) []uint64 { return view(b, le.Uint64) }

// uint32s is uint64s for uint32s.
func uint32s(b []byte) []uint32 { return view(b, le.Uint32) }

// view is b as a slice of T, in place when it can be, else decoded by
// decode.
func view[T uint32 | uint64](b []byte, decode func([]byte) T) []T {
	size := int(unsafe.Sizeof(T(0)))
	n := len(b) / size
	if n == 0 {
		return nil
	}
	if nativeLittleEndian && uintptr(unsafe.Pointer(&b[0]))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(b[size*i:])
	}
	return out
}
