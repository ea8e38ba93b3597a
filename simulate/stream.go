package simulate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/deniedhq/denied/eval"
)

// MaxLine is the longest case Stream and the simulate command accept, in
// bytes. A longer line gets an error result of its own ("case larger than
// 64 MiB") and the stream goes on.
const MaxLine = 64 << 20

// CaseTooLarge is the message of a case over MaxLine.
func CaseTooLarge() string {
	return fmt.Sprintf("case larger than %d MiB", MaxLine>>20)
}

// StreamStats counts what a stream did.
type StreamStats struct {
	Cases  int // results written
	Errors int // results that are errors
	Denied int // results that are not Allowed
}

type batch struct {
	first int // line number of lines[0]
	lines []streamLine
	size  int    // bytes of text in lines
	out   []byte // the results, one line each
	stats StreamStats
	done  chan struct{}
}

// streamLine is one input line: its trimmed text, nothing for a blank
// line, or tooLong for a line over MaxLine (whose text is not kept).
type streamLine struct {
	data    []byte
	tooLong bool
}

const batchSize = 256

// batchBytes is the text from which a batch is sent on before it has
// batchSize lines, so that the batches in flight hold a bounded amount of
// text (plus one line each) whatever the length of the lines.
const batchBytes = 1 << 20

// lineReader reads lines of any length. A line longer than max is read to
// its end and dropped, and reported as too long.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

// next returns the next line without its end of line, or tooLong; io.EOF
// after the last line. The line is valid until the next call.
func (lr *lineReader) next() (data []byte, tooLong bool, err error) {
	if cap(lr.buf) > 4<<20 {
		lr.buf = nil // do not keep a huge line's buffer for the next ones
	}
	lr.buf = lr.buf[:0]
	for first := true; ; first = false {
		chunk, err := lr.r.ReadSlice('\n')
		if first && err == nil && len(chunk) <= lr.max+2 {
			// The whole line is in the reader's buffer: returned from
			// there (valid until the next read; Stream copies it at
			// once), not copied to lr.buf first.
			d := bytes.TrimSuffix(bytes.TrimSuffix(chunk, []byte{'\n'}), []byte{'\r'})
			if len(d) > lr.max {
				return nil, true, nil
			}
			return d, false, nil
		}
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+2 { // room for "\r\n"
				tooLong, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if len(lr.buf) == 0 && !tooLong && len(chunk) == 0 {
				return nil, false, io.EOF
			}
		default:
			return nil, false, err
		}
		if tooLong {
			return nil, true, nil
		}
		d := bytes.TrimSuffix(bytes.TrimSuffix(lr.buf, []byte{'\n'}), []byte{'\r'})
		if len(d) > lr.max {
			return nil, true, nil
		}
		return d, false, nil
	}
}

// Stream reads cases as JSON Lines from r and writes one result per case
// to w, in input order, evaluating on every CPU. Memory stays bounded
// whatever the input size. A line that is not a valid case yields an error
// result naming the line, and the stream goes on. Blank lines are skipped.
// Stream returns when r is exhausted, or on a read or write error.
func Stream(r io.Reader, w io.Writer, opt Options) (StreamStats, error) {
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *batch, workers)
	ordered := make(chan *batch, 2*workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opt
			if o.Cache == nil {
				// Cases come from anywhere, most of their documents
				// seen once (eval.Cache.KeepRepeated).
				o.Cache = NewCache(4096)
				o.Cache.KeepRepeated()
			}
			// Each worker writes a case's result before it reads the
			// next: both scratches are its own, whatever opt held.
			sc := new(scratch)
			o.Scratch = new(eval.Scratch)
			for b := range work {
				b.run(o, sc)
				close(b.done)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(work)
		lr := &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: MaxLine}
		line := 0
		b := &batch{first: 1, done: make(chan struct{})}
		flush := func() {
			if len(b.lines) == 0 {
				return
			}
			ordered <- b
			work <- b
			b = &batch{first: line + 1, done: make(chan struct{})}
		}
		for {
			data, tooLong, err := lr.next()
			if err != nil {
				if err != io.EOF {
					readErr = fmt.Errorf("reading line %d: %w", line+1, err)
				}
				break
			}
			line++
			t := bytes.TrimSpace(data)
			if len(t) == 0 && !tooLong {
				if len(b.lines) == 0 {
					b.first = line + 1
				} else {
					b.lines = append(b.lines, streamLine{})
				}
				continue
			}
			b.lines = append(b.lines, streamLine{data: append([]byte(nil), t...), tooLong: tooLong})
			b.size += len(t)
			if len(b.lines) == batchSize || b.size >= batchBytes {
				flush()
			}
		}
		flush()
	}()
	var st StreamStats
	bw := bufio.NewWriterSize(w, 256<<10)
	var writeErr error
	for b := range ordered {
		<-b.done
		if writeErr == nil {
			_, writeErr = bw.Write(b.out)
		}
		recycleOut(b.out)
		b.out = nil
		st.Cases += b.stats.Cases
		st.Errors += b.stats.Errors
		st.Denied += b.stats.Denied
	}
	wg.Wait()
	if writeErr == nil {
		writeErr = bw.Flush()
	}
	if writeErr != nil {
		return st, writeErr
	}
	return st, readErr
}

// outPool holds output buffers of batches already written, so that a
// batch's results are appended to a buffer grown before instead of one
// grown anew by doubling (on the generated cases, 1.5 KB of 23 KB
// allocated a case, and the copies).
var outPool sync.Pool

// maxPooledOut is the largest output buffer kept for another batch.
const maxPooledOut = 4 << 20

func recycleOut(out []byte) {
	if cap(out) > 0 && cap(out) <= maxPooledOut {
		out = out[:0]
		outPool.Put(&out)
	}
}

func (b *batch) run(opt Options, sc *scratch) {
	if p, ok := outPool.Get().(*[]byte); ok {
		b.out = *p
	}
	for i, l := range b.lines {
		var res *Result
		switch {
		case l.tooLong:
			res = &Result{Error: &CaseError{Message: CaseTooLarge()}}
		case l.data == nil:
			continue
		default:
			// Each line is a copy of its own; the case lives in sc
			// until its result is appended below.
			res = evaluateOwned(l.data, opt, sc)
		}
		if res.Error != nil {
			if res.ID == "" && !l.tooLong {
				res.ID = peekID(l.data)
			}
			res.Error.Message = fmt.Sprintf("line %d: %s", b.first+i, res.Error.Message)
			b.stats.Errors++
		} else if res.Decision != "Allowed" {
			b.stats.Denied++
		}
		b.stats.Cases++
		b.out = append(res.AppendJSON(b.out), '\n')
	}
	b.lines = nil
}

// peekID extracts the id of a case that could not be decoded, if it can.
func peekID(data []byte) string {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(data, &v) != nil || len(v.ID) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(v.ID, &s) == nil {
		return s
	}
	return ""
}
