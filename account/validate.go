package account

import (
	"bytes"
	"errors"
	"hash/maphash"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
)

// validateValue checks required fields, ARN lengths and every policy
// document of rv (a decoded snapshot), and reports the first problem in
// the order of a walk through the fields in declaration order (the order
// Save writes them). The walk checks fields and gathers the documents;
// the documents, each distinct text once, are then parsed by as many
// workers as there are CPUs, and the first problem in walk order wins,
// whichever worker found it.
//
// A document's JSON pointer is built only for the one that has an error,
// by walking again (with the same hash seed, so the same documents are
// queued) to that document: not for every document of the snapshot.
func validateValue(rv reflect.Value) error {
	plan := walkPlanFor(rv.Type())
	w := &walker{seed: maphash.MakeSeed(), seen: map[uint64]int{}, want: -1}
	werr := w.walk(rv, plan)
	if i, err := checkDocuments(w.docs); err != nil && i < len(w.docs) {
		again := &walker{seed: w.seed, seen: map[uint64]int{}, want: i}
		again.walk(rv, plan)
		var e *Error
		if errors.As(err, &e) {
			e.Pointer = again.found + e.Pointer
		}
		return err
	}
	return werr
}

// walkField is what the validating walk does with one field of a struct.
type walkField struct {
	index    int
	name     string
	required bool
	arn      bool // the field holds an ARN (string) or ARNs ([]string)
	document bool
	sub      *walkPlan // a struct, pointer to struct or slice of structs to walk into
}

type walkPlan struct {
	elem   *walkPlan // a slice of structs: each element's plan
	fields []walkField
}

var walkPlans sync.Map // reflect.Type → *walkPlan

// walkPlanFor returns the plan of t (a struct, pointer to struct or slice
// of structs), or nil for a type with nothing to check.
func walkPlanFor(t reflect.Type) *walkPlan {
	if p, ok := walkPlans.Load(t); ok {
		return p.(*walkPlan)
	}
	p := buildWalkPlan(t, map[reflect.Type]*walkPlan{})
	walkPlans.Store(t, p)
	return p
}

func buildWalkPlan(t reflect.Type, building map[reflect.Type]*walkPlan) *walkPlan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p, ok := building[t]; ok {
		return p
	}
	switch {
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		p := &walkPlan{elem: buildWalkPlan(t.Elem(), building)}
		building[t] = p
		return p
	case t.Kind() != reflect.Struct:
		return nil
	}
	p := &walkPlan{}
	building[t] = p
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		wf := walkField{index: i, name: name, required: f.Tag.Get("account") == "required", document: f.Type == documentType}
		wf.arn = isARNField(name) && (f.Type.Kind() == reflect.String || (f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String))
		if !wf.document {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct || (et.Kind() == reflect.Slice && et.Elem().Kind() == reflect.Struct) {
				wf.sub = buildWalkPlan(f.Type, building)
			}
		}
		if wf.required || wf.arn || wf.document || wf.sub != nil {
			p.fields = append(p.fields, wf)
		}
	}
	return p
}

// pathSeg is one reference token of a JSON pointer: a field name, or an
// array index when name is "".
type pathSeg struct {
	name  string
	index int
}

type walker struct {
	path []pathSeg
	docs []docJob
	seed maphash.Seed
	seen map[uint64]int // a document text's hash → its first job
	// want is the job whose JSON pointer to record in found (-1: none);
	// the walk stops there.
	want  int
	found string
}

// errFound stops a walk at the job it wants.
var errFound = errors.New("found")

type docJob struct {
	raw []byte
}

func (w *walker) pointer(last string) string {
	var b strings.Builder
	for _, s := range w.path {
		b.WriteByte('/')
		if s.name == "" {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(s.name)
		}
	}
	if last != "" {
		b.WriteByte('/')
		b.WriteString(last)
	}
	return b.String()
}

func (w *walker) walk(rv reflect.Value, p *walkPlan) error {
	if p == nil {
		return nil
	}
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if p.elem != nil {
		for i := 0; i < rv.Len(); i++ {
			w.path = append(w.path, pathSeg{index: i})
			err := w.walk(rv.Index(i), p.elem)
			w.path = w.path[:len(w.path)-1]
			if err != nil {
				return err
			}
		}
		return nil
	}
	for i := range p.fields {
		f := &p.fields[i]
		fv := rv.Field(f.index)
		if f.required && fv.IsZero() {
			return &Error{Pointer: w.pointer(f.name), Message: "missing required field " + strconv.Quote(f.name)}
		}
		if f.arn {
			if err := checkARNLength(fv, func() string { return w.pointer(f.name) }); err != nil {
				return err
			}
		}
		if f.document {
			if err := w.document(fv.Bytes(), f.name); err != nil {
				return err
			}
			continue
		}
		if f.sub != nil {
			w.path = append(w.path, pathSeg{name: f.name})
			err := w.walk(fv, f.sub)
			w.path = w.path[:len(w.path)-1]
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// document queues raw to be checked, unless the same text is queued. It
// returns errFound, having set found, at the job w wants.
func (w *walker) document(raw []byte, name string) error {
	if len(raw) == 0 {
		return nil
	}
	h := maphash.Bytes(w.seed, raw)
	if j, ok := w.seen[h]; ok && bytes.Equal(w.docs[j].raw, raw) {
		return nil // checked as the earlier one: the same result, reported there first
	} else if !ok {
		w.seen[h] = len(w.docs)
	}
	if len(w.docs) == w.want {
		w.found = w.pointer(name)
		return errFound
	}
	w.docs = append(w.docs, docJob{raw: raw})
	return nil
}

// checkDocuments checks every document of jobs and returns the first
// problem in jobs' order, and its index (len(jobs) when none). The
// problem's pointer is relative to the document.
func checkDocuments(jobs []docJob) (int, error) {
	workers := min(runtime.GOMAXPROCS(0), len(jobs)/64+1)
	if workers <= 1 {
		for i := range jobs {
			if err := checkDocument(jobs[i].raw, ""); err != nil {
				return i, err
			}
		}
		return len(jobs), nil
	}
	var (
		next   atomic.Int64
		mu     sync.Mutex
		first  = int64(len(jobs))
		stop   atomic.Int64 // first, for the workers to read
		result error
		wg     sync.WaitGroup
	)
	stop.Store(first)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				// Jobs are taken in order: when one fails, every earlier
				// one is done or being done by a worker that will report it.
				i := next.Add(1) - 1
				if i >= int64(len(jobs)) || i > stop.Load() {
					return
				}
				if err := checkDocument(jobs[i].raw, ""); err != nil {
					mu.Lock()
					if i < first {
						first, result = i, err
						stop.Store(i)
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return int(first), result
}

// checkDocument parses one policy document (at JSON pointer ptr) and
// reports its first error.
func checkDocument(raw []byte, ptr string) error { return checkDocumentWith(raw, ptr, true) }

// checkDocumentWith is checkDocument, with policy's fast path for a clean
// document or (fast false, for the tests that hold the two together)
// without it.
func checkDocumentWith(raw []byte, ptr string, fast bool) error {
	if raw[0] != '{' && raw[0] != '"' {
		return &Error{Pointer: ptr, Message: "a policy document must be a JSON object or a JSON string"}
	}
	text, err := eval.DocumentText(raw)
	if err != nil {
		return &Error{Pointer: ptr, Message: err.Error()}
	}
	if fast && clean(text) {
		return nil
	}
	p, fs := policy.ParseShared(text) // only the findings are kept
	for _, f := range fs {
		if f.Severity == policy.Error {
			return &Error{Pointer: ptr + f.Pointer, Line: f.Pos.Line, Col: f.Pos.Col, Code: f.Code, Message: f.Message}
		}
	}
	return checkConditions(p, ptr)
}

// clean reports whether the document text has nothing to report, by
// policy's validate-only fast path, which builds no model: CleanChecked,
// with the engine asked about each condition's values as they are read.
// False means only "not known to be clean": the caller parses text with
// ParseShared, whose errors and positions are reported as they always
// were.
func clean(text []byte) bool {
	// Resource-based: the two findings it then lets pass (a statement
	// without Resource, a Sid of other characters) are warnings, which
	// the load does not report.
	const resourceBased = true
	return policy.CleanChecked(text, resourceBased, conditionOK)
}

// conditionOK is checkConditions' test of one condition.
func conditionOK(c *policy.Condition) bool { return authz.CheckCondition(c) == nil }

// validator checks documents one at a time, each distinct text once (for
// the short form's expansion), and walks other decoded values (the
// organization index) as validateValue does.
type validator struct {
	parsed map[string]struct{} // document texts already parsed without error
}

// walk is validateValue of rv, the top-level value (ptr "").
func (v *validator) walk(rv reflect.Value, ptr string) error {
	if ptr != "" {
		panic("account: validator.walk starts at the top level")
	}
	return validateValue(rv)
}

func (v *validator) document(raw []byte, ptr string) error {
	if len(raw) == 0 {
		return nil
	}
	if _, ok := v.parsed[string(raw)]; ok {
		return nil
	}
	if err := checkDocument(raw, ptr); err != nil {
		return err
	}
	v.parsed[string(raw)] = struct{}{}
	return nil
}

var documentType = reflect.TypeFor[Document]()
