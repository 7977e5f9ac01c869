package lm

import (
	"encoding/binary"
	"fmt"
)

// ID names a model file by its format version and the CRC-32C its header
// records, "unlm/3 crc32c:89abcdef", without reading the rest: enough to
// tell which model a program or a file carries. It is "" for what is not a
// model file.
func ID(data []byte) string {
	if len(data) < headerLen || string(data[offMagic:offMagic+len(magic)]) != string(magic[:]) {
		return ""
	}
	le := binary.LittleEndian
	return fmt.Sprintf("unlm/%d crc32c:%08x", le.Uint32(data[offVersion:]), le.Uint32(data[offChecksum:]))
}
