// Package format is the encoding of the embedded AWS managed policy catalog,
// shared by the generator and the reader.
//
// The file is a gzip stream (no file name, zero modification time, so that
// regeneration from the same input gives the same bytes) whose content is:
//
//	magic   "DENIEDMP1\n" (10 bytes)
//	string  npm package name
//	string  npm package version
//	uvarint number of policies
//	policy* sorted by name, each five strings:
//	        name, path, version id, update date (RFC 3339), document (compact JSON)
//
// where a string is a uvarint byte length followed by the bytes.
package format

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Magic opens the uncompressed content.
const Magic = "DENIEDMP1\n"

// Entry is one managed policy.
type Entry struct {
	Name, Path, VersionID, UpdateDate string
	Document                          []byte
}

// File is the whole catalog.
type File struct {
	Package, Version string
	Entries          []Entry
}

// Encode writes f, gzip-compressed, to w.
func Encode(w io.Writer, f *File) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(n uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], n)]) }
	str := func(s []byte) { uv(uint64(len(s))); bw.Write(s) }
	bw.WriteString(Magic)
	str([]byte(f.Package))
	str([]byte(f.Version))
	uv(uint64(len(f.Entries)))
	for _, e := range f.Entries {
		str([]byte(e.Name))
		str([]byte(e.Path))
		str([]byte(e.VersionID))
		str([]byte(e.UpdateDate))
		str(e.Document)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a catalog written by Encode.
func Decode(r io.Reader) (*File, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if len(data) < len(Magic) || string(data[:len(Magic)]) != Magic {
		return nil, errors.New("managed policy catalog: bad magic")
	}
	data = data[len(Magic):]
	bad := errors.New("managed policy catalog: truncated or corrupt")
	uv := func() (uint64, error) {
		n, k := binary.Uvarint(data)
		if k <= 0 {
			return 0, bad
		}
		data = data[k:]
		return n, nil
	}
	str := func() ([]byte, error) {
		n, err := uv()
		if err != nil || n > uint64(len(data)) {
			return nil, bad
		}
		s := data[:n:n]
		data = data[n:]
		return s, nil
	}
	f := &File{}
	p, err := str()
	if err != nil {
		return nil, err
	}
	v, err := str()
	if err != nil {
		return nil, err
	}
	f.Package, f.Version = string(p), string(v)
	n, err := uv()
	if err != nil || n > uint64(len(data)) {
		return nil, bad
	}
	f.Entries = make([]Entry, n)
	for i := range f.Entries {
		var fields [5][]byte
		for j := range fields {
			if fields[j], err = str(); err != nil {
				return nil, err
			}
		}
		f.Entries[i] = Entry{string(fields[0]), string(fields[1]), string(fields[2]), string(fields[3]), fields[4]}
	}
	if len(data) != 0 {
		return nil, fmt.Errorf("managed policy catalog: %d trailing bytes", len(data))
	}
	return f, nil
}
