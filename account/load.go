package account

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/policy"
)

// Error is a problem with a snapshot's content, at a JSON pointer.
type Error struct {
	// Pointer is the JSON pointer (RFC 6901) of the offending value; "" is
	// the whole document.
	Pointer string
	// Line and Col locate the problem: in the input for a JSON syntax
	// error, in the policy document for a policy finding; 0 when unknown.
	Line, Col int
	// Code is the policy finding's code, for a policy document error.
	Code    string
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("snapshot")
	if e.Pointer != "" {
		b.WriteString(" ")
		b.WriteString(e.Pointer)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (%d:%d", e.Line, e.Col)
		if e.Code != "" {
			b.WriteString(" of the policy document")
		}
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

var gzipMagic = []byte{0x1f, 0x8b}

// Load reads a snapshot in the full format, as JSON or gzip-compressed JSON
// (detected from the gzip magic bytes). It is strict: an unknown field, a
// value of the wrong type, a missing required field, an unsupported schema
// version or a policy document with an error gives an *Error naming the
// JSON pointer of the problem.
func Load(r io.Reader) (*Snapshot, error) {
	data, err := readMaybeGzip(r)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// DefaultMaxSize is the most bytes of snapshot JSON Load reads, after
// decompression: 512 MiB, room for about 150,000 roles of
// account.Synthetic (100,000 are 335 MiB; `denied check` of those peaks
// at about twice the snapshot's size in memory). The environment variable
// DENIED_SNAPSHOT_MAX_MIB (a whole number of MiB, 1 or more) overrides it.
const DefaultMaxSize = 512 << 20

// MaxSizeEnv names the environment variable that overrides DefaultMaxSize.
const MaxSizeEnv = "DENIED_SNAPSHOT_MAX_MIB"

// TooLargeError is a snapshot over the size limit.
type TooLargeError struct {
	Limit      int64 // bytes
	Compressed bool  // the limit was reached while decompressing gzip
}

func (e *TooLargeError) Error() string {
	what := "snapshot larger than"
	if e.Compressed {
		what = "snapshot decompresses to more than"
	}
	return fmt.Sprintf("%s %d MiB (the limit; set %s to a larger number of MiB to read it)", what, e.Limit>>20, MaxSizeEnv)
}

// maxSize returns the size limit: DefaultMaxSize, or MaxSizeEnv's value.
func maxSize() (int64, error) {
	v := strings.TrimSpace(os.Getenv(MaxSizeEnv))
	if v == "" {
		return DefaultMaxSize, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 || n > 1<<20 {
		return 0, fmt.Errorf("%s=%q: want a whole number of MiB from 1 to 1048576", MaxSizeEnv, v)
	}
	return n << 20, nil
}

// ReadData reads a snapshot's bytes from r, decompressing gzip, within the
// size limit (MaxSizeEnv): what Load parses, for callers that keep the
// bytes (to point into them). Its errors are *TooLargeError or read errors.
func ReadData(r io.Reader) ([]byte, error) { return readMaybeGzip(r) }

// readMaybeGzip reads r whole, decompressing gzip, up to the size limit.
// The bytes are read into one buffer sized from the input's length when r
// tells it (a file's size from Stat, a bytes.Reader's Len), not grown by
// doubling: a snapshot costs its size once, not up to twice over; input of
// unknown length (a pipe, a device) is read in chunks copied once into a
// buffer of its size, so that refusing endless input holds at most the
// limit. Input that cannot start JSON (a NUL byte of /dev/zero, text) is
// refused at its first byte, as Parse would refuse it, without reading on.
// Compressed input is decompressed twice: once to count, so that a small
// file that decompresses past the limit is refused without holding it, and
// once into a buffer of the exact size.
func readMaybeGzip(r io.Reader) ([]byte, error) {
	limit, err := maxSize()
	if err != nil {
		return nil, err
	}
	data, err := readLimited(&jsonStart{r: r, gzipOK: true}, sizeHint(r), limit)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, gzipMagic) {
		return data, nil
	}
	comp := data
	gunzip := func(w io.Writer) (int64, error) {
		zr, err := gzip.NewReader(bytes.NewReader(comp))
		if err != nil {
			return 0, fmt.Errorf("snapshot: %w", err)
		}
		n, err := io.Copy(w, io.LimitReader(&jsonStart{r: zr}, limit+1))
		if ae := (*Error)(nil); errors.As(err, &ae) {
			return n, err
		}
		if err != nil {
			return n, fmt.Errorf("snapshot: gzip: %w", err)
		}
		return n, nil
	}
	n, err := gunzip(io.Discard)
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, &TooLargeError{Limit: limit, Compressed: true}
	}
	buf := bytes.NewBuffer(make([]byte, 0, n))
	if _, err := gunzip(buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonStart passes r's bytes through until the first one that is not
// JSON white space, and fails there, with Parse's *Error at its line and
// column, when that byte cannot start a JSON value (nor, with gzipOK, a
// gzip stream): /dev/zero or a text file is refused at once, not read to
// the size limit.
type jsonStart struct {
	r      io.Reader
	gzipOK bool
	done   bool
	seen   []byte // the white space before the first other byte
}

func (j *jsonStart) Read(p []byte) (int, error) {
	n, err := j.r.Read(p)
	if j.done {
		return n, err
	}
	for i, c := range p[:n] {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '{', '[', '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 't', 'f', 'n':
		default:
			if !j.gzipOK || c != gzipMagic[0] {
				// Parse of the white space and what follows says
				// where, and what was found, as for any bad JSON.
				head := append(j.seen, p[:min(n, i+utf8.UTFMax)]...)
				if _, perr := Parse(head); perr != nil {
					return 0, perr
				}
			}
		}
		j.done, j.seen = true, nil
		return n, err
	}
	if len(j.seen) < 1<<16 {
		j.seen = append(j.seen, p[:n]...)
	}
	return n, err
}

// sizeHint returns the number of bytes r holds, when it says (a regular
// file, a reader over bytes), else -1.
func sizeHint(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }: // bytes.Reader, bytes.Buffer, strings.Reader
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }: // *os.File
		fi, err := r.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		if f, ok := r.(io.Seeker); ok {
			// Not necessarily at the start of the file.
			if off, err := f.Seek(0, io.SeekCurrent); err == nil && off <= fi.Size() {
				return fi.Size() - off
			}
			return -1
		}
		return fi.Size()
	}
	return -1
}

// readLimited reads r to its end and refuses more than limit bytes with a
// *TooLargeError, without reading past limit+1. With hint, r's length
// (-1: unknown), the bytes go into one buffer of hint+1 bytes (room to see
// the end without growing); past it, or without a hint, into chunks of
// growing size (64 KiB to 1 MiB) copied at the end into one buffer of the
// exact size: reading costs at most twice the input, refusing it at most
// the limit, whatever the input's length.
func readLimited(r io.Reader, hint, limit int64) ([]byte, error) {
	if hint > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	size := int64(64 << 10)
	if hint >= 0 {
		size = hint + 1
	}
	var chunks [][]byte
	total := int64(0)
	for {
		if rest := limit + 1 - total; size > rest {
			size = rest
		}
		buf := make([]byte, size)
		n, err := io.ReadFull(r, buf)
		total += int64(n)
		if total > limit {
			return nil, &TooLargeError{Limit: limit}
		}
		if n > 0 {
			chunks = append(chunks, buf[:n])
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(max(2*size, 64<<10), 1<<20)
	}
	switch len(chunks) {
	case 0:
		return []byte{}, nil
	case 1:
		if c := chunks[0]; cap(c)-len(c) < 64<<10 || cap(c) <= 2*len(c) {
			return c, nil
		}
	}
	out := make([]byte, 0, total)
	for i, c := range chunks {
		out = append(out, c...)
		chunks[i] = nil // collectable as soon as copied
	}
	return out, nil
}

// LoadFile reads a snapshot file (see Load). Its errors do not repeat the
// file's name: the caller names it once.
func LoadFile(path string) (*Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	return Load(f)
}

// Parse reads a snapshot from uncompressed JSON (see Load). The snapshot's
// documents and strings share data's memory: data must not be modified
// afterwards.
func Parse(data []byte) (*Snapshot, error) {
	s := new(Snapshot)
	if !fastDecode(data, s) {
		// Something fastDecode is not sure of: decodeStrict reports it
		// (or, for input it accepts, decodes it).
		s = new(Snapshot)
		if err := decodeStrict(data, s); err != nil {
			return nil, err
		}
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	s.index()
	return s, nil
}

// decodeStrict decodes data into v. encoding/json does the work; when it
// fails, a slower walk over the input finds the JSON pointer to report.
// The walk also runs when encoding/json succeeds, to refuse object keys that
// only match a field ignoring case (which encoding/json accepts).
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.More() {
			return &Error{Message: "unexpected data after the top-level value"}
		}
		if _, terr := dec.Token(); terr != io.EOF {
			return &Error{Message: "unexpected data after the top-level value"}
		}
	}
	if werr := checkShape(data, reflect.TypeOf(v).Elem()); werr != nil {
		return werr
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			l, c := jsonx.LineCol(data, int(se.Offset))
			return &Error{Line: l, Col: c, Message: se.Error()}
		}
		return &Error{Message: err.Error()}
	}
	return nil
}

// validate checks required fields and every policy document, in document
// order, and reports the first problem.
func (s *Snapshot) validate() error {
	if s.SchemaVersion == 0 {
		return &Error{Pointer: "/schemaVersion", Message: `missing required field "schemaVersion"`}
	}
	if s.SchemaVersion > SchemaVersion || s.SchemaVersion < 1 {
		return &Error{Pointer: "/schemaVersion", Message: fmt.Sprintf("unsupported schema version %d (this build reads %d)", s.SchemaVersion, SchemaVersion)}
	}
	if err := validateValue(reflect.ValueOf(s).Elem()); err != nil {
		return err
	}
	if err := s.checkUniqueARNs(); err != nil {
		return err
	}
	return s.checkEnums()
}

// checkUniqueARNs refuses a resource listed twice (by its ARN) in one list
// of the snapshot: which of the two would count is not known.
func (s *Snapshot) checkUniqueARNs() error {
	rv := reflect.ValueOf(s).Elem()
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() != reflect.Struct {
			continue
		}
		arnField, ok := f.Type.Elem().FieldByName("ARN")
		if !ok || arnField.Type.Kind() != reflect.String {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		list := rv.Field(i)
		seen := make(map[string]int, list.Len())
		for j := 0; j < list.Len(); j++ {
			arn := list.Index(j).FieldByIndex(arnField.Index).String()
			if arn == "" {
				continue
			}
			if first, dup := seen[arn]; dup {
				return &Error{Pointer: fmt.Sprintf("/%s/%d/arn", name, j), Message: fmt.Sprintf("%s is listed twice (also at /%s/%d): a snapshot lists each resource once", authz.Elide(arn, 60), name, first)}
			}
			seen[arn] = j
		}
	}
	return nil
}

// checkConditions reports, with its position, the first condition value
// the engine could not interpret (a number out of range such as 1e400, a
// date such as 23:59:60Z): caught here, not when a command evaluates it.
func checkConditions(p *policy.Policy, ptr string) error {
	if p == nil {
		return nil
	}
	for _, st := range p.Statements {
		for i := range st.Conditions {
			c := &st.Conditions[i]
			if err := authz.CheckCondition(c); err != nil {
				return &Error{Pointer: ptr + c.Pointer, Line: c.Pos.Line, Col: c.Pos.Col, Code: "condition-value", Message: err.Error()}
			}
		}
	}
	return nil
}

// isARNField reports whether a snapshot field holds an ARN, by its JSON
// name ("arn", "roleArn", "boundaryARN").
func isARNField(name string) bool {
	return name == "arn" || strings.HasSuffix(name, "Arn") || strings.HasSuffix(name, "ARN") || strings.HasSuffix(name, "Arns")
}

// checkARNLength refuses an ARN longer than AWS allows, without echoing it
// whole. ptr returns the field's JSON pointer; it is called only for a
// problem (building a pointer for every ARN of a snapshot costs more than
// the check).
func checkARNLength(fv reflect.Value, ptr func() string) error {
	check := func(s string, p func() string) error {
		if len(s) <= authz.MaxARNLength {
			return nil // no more characters than bytes
		}
		if n := utf8.RuneCountInString(s); n > authz.MaxARNLength {
			return &Error{Pointer: p(), Message: fmt.Sprintf("ARN %s is %d characters long; AWS ARNs have at most %d", authz.Elide(s, 60), n, authz.MaxARNLength)}
		}
		return nil
	}
	switch {
	case fv.Kind() == reflect.String:
		return check(fv.String(), ptr)
	case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
		for i := 0; i < fv.Len(); i++ {
			if err := check(fv.Index(i).String(), func() string { return ptr() + "/" + strconv.Itoa(i) }); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Snapshot) checkEnums() error {
	for i, k := range s.KMSKeys {
		if k.KeyManager != KeyManagerAWS && k.KeyManager != KeyManagerCustomer {
			return &Error{Pointer: "/kmsKeys/" + strconv.Itoa(i) + "/keyManager", Message: fmt.Sprintf("keyManager %q: want %q or %q", k.KeyManager, KeyManagerAWS, KeyManagerCustomer)}
		}
	}
	if o := s.Organization; o != nil {
		for i, p := range o.Policies {
			if p.Type != SCP && p.Type != RCP {
				return &Error{Pointer: "/organization/policies/" + strconv.Itoa(i) + "/type", Message: fmt.Sprintf("type %q: want %q or %q", p.Type, SCP, RCP)}
			}
		}
	}
	return nil
}

// Save writes s as indented JSON, gzip-compressed when gz is true. A zero
// SchemaVersion is written as SchemaVersion.
func Save(w io.Writer, s *Snapshot, gz bool) error {
	if s.SchemaVersion == 0 {
		c := *s
		c.idx = nil
		c.SchemaVersion = SchemaVersion
		s = &c
	}
	out := w
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(w)
		out = zw
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if zw != nil {
		return zw.Close()
	}
	return nil
}

// WriteFile writes s to path, readable and writable by the owner only
// (0600), replacing the file atomically; gzip-compressed when path ends in
// ".gz".
func WriteFile(path string, s *Snapshot) error {
	return writeAtomic(path, ".snapshot-*", func(w io.Writer) error {
		return Save(w, s, strings.HasSuffix(path, ".gz"))
	})
}

// writeAtomic writes path through write, mode 0600, replacing the file
// atomically: a temporary file (named by pattern, beside path) renamed into
// place, removed when anything fails.
func writeAtomic(path, pattern string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after the rename
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
