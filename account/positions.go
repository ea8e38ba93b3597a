package account

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/deniedhq/denied/internal/jsonx"
)

// Lines maps the JSON pointer of every object and array in a snapshot file
// (uncompressed JSON, full or short form) to the 1-based line where it
// starts, for reports that point into the file: "/recoveryPoints/3",
// "/backupPlans/0/selections/1", "/plans/weekly". Pointers deeper than
// maxDepth are left out. Malformed JSON gives the lines read up to the
// error.
func Lines(data []byte, maxDepth int) map[string]int {
	out := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		ptr     string
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []frame
	line, last := 1, 0
	lineAt := func(off int) int {
		if off > len(data) {
			off = len(data)
		}
		line += bytes.Count(data[last:off], []byte{'\n'})
		last = off
		return line
	}
	// child is the pointer of the value about to be read.
	child := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := &stack[len(stack)-1]
		if f.array {
			p := f.ptr + "/" + strconv.Itoa(f.index)
			f.index++
			return p
		}
		f.wantKey = true
		return f.ptr + "/" + jsonx.PointerToken(f.key)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if len(stack) > 0 {
			if f := &stack[len(stack)-1]; !f.array && f.wantKey {
				if k, ok := tok.(string); ok {
					f.key, f.wantKey = k, false
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			ptr := child()
			if len(stack) <= maxDepth {
				// InputOffset is just past the delimiter.
				out[ptr] = lineAt(int(dec.InputOffset()) - 1)
			}
			stack = append(stack, frame{ptr: ptr, array: tok == json.Delim('['), wantKey: tok == json.Delim('{')})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			child()
		}
	}
}
