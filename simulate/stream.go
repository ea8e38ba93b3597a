package simulate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// MaxLine is the longest JSON Lines record Stream accepts.
const MaxLine = 64 << 20

// StreamStats counts what a stream did.
type StreamStats struct {
	Cases  int // results written
	Errors int // results that are errors
	Denied int // results that are not Allowed
}

type batch struct {
	first int // line number of lines[0]
	lines [][]byte
	out   bytes.Buffer
	stats StreamStats
	done  chan struct{}
}

const batchSize = 256

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
				o.Cache = NewCache(4096)
			}
			for b := range work {
				b.run(o)
				close(b.done)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(work)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
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
		for sc.Scan() {
			line++
			t := bytes.TrimSpace(sc.Bytes())
			if len(t) == 0 {
				if len(b.lines) == 0 {
					b.first = line + 1
				} else {
					b.lines = append(b.lines, nil)
				}
				continue
			}
			b.lines = append(b.lines, append([]byte(nil), t...))
			if len(b.lines) == batchSize {
				flush()
			}
		}
		flush()
		if err := sc.Err(); err != nil {
			readErr = fmt.Errorf("reading line %d: %w", line+1, err)
		}
	}()
	var st StreamStats
	bw := bufio.NewWriterSize(w, 256<<10)
	var writeErr error
	for b := range ordered {
		<-b.done
		if writeErr == nil {
			_, writeErr = bw.Write(b.out.Bytes())
		}
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

func (b *batch) run(opt Options) {
	var buf []byte
	for i, l := range b.lines {
		if l == nil {
			continue
		}
		res := evaluateOwned(l, opt) // each line is a copy of its own
		if res.Error != nil {
			if res.ID == "" {
				res.ID = peekID(l)
			}
			res.Error.Message = fmt.Sprintf("line %d: %s", b.first+i, res.Error.Message)
			b.stats.Errors++
		} else if res.Decision != "Allowed" {
			b.stats.Denied++
		}
		b.stats.Cases++
		buf = append(res.AppendJSON(buf[:0]), '\n')
		b.out.Write(buf)
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
