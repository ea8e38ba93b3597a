package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

type explainInput struct {
	out    *outputFlags
	src    sourceFlags
	decode decodeFlags
	show   string

	limits   *liveLimits
	input    string // text, file name, or "-"
	format   string
	lang     i18n.Lang
	noDecode bool
	profile  string
	region   string
	shown    map[string]bool
	snapshot string
	live     bool
}

const explainLong = `Explains an access-denied error: console text (any language around it), an
AWS CLI, SDK or Terraform error, a CloudTrail event (or a Records list), an
AWS Backup job message, or the output of aws sts decode-authorization-message.
An encoded authorization failure message is decoded through AWS STS with the
standard AWS configuration (--profile, --region) unless --no-decode; nothing
is sent when the input has nothing to decode. Without an argument, reads
stdin. With --snapshot or --live, the request is evaluated again against the
account's policies.

Exit 0 once every message is explained, 2 when the input holds none. With
--snapshot or --live, the exit code is the re-evaluation's, as check's: 1
when the account's policies deny a message's request, else 4 when one could
not be checked (a principal, vault or key the snapshot lacks, a part of it
unreadable, a resource policy no snapshot holds, a message naming no request
to evaluate), else 0.`

func newExplainCmd(env *Env) *cobra.Command {
	in := &explainInput{out: newOutputFlags(withLang, "text", "json", "markdown"), limits: &liveLimits{}}
	cmd := &cobra.Command{
		Use:   "explain [TEXT|FILE|-]",
		Short: "explain an access-denied error: cause, layer and a verified fix",
		Long:  explainLong,
	}
	fs := cmd.Flags()
	in.out.bind(fs)
	in.src.bind(fs)
	in.limits.bind(env, fs)
	in.decode.bind(fs)
	fs.StringVar(&in.show, "show", "policy,cli", "fix renderings in text output: policy, cli, terraform, cloudformation, or all")
	cmd.RunE = runE(func(cmd *cobra.Command, args []string) error {
		if err := in.check(env, args); err != nil {
			return err
		}
		return runExplain(cmd.Context(), env, in)
	})
	return cmd
}

func (in *explainInput) check(env *Env, pos []string) error {
	// The language first: errors are shown in it.
	if err := in.out.check(env); err != nil {
		return err
	}
	in.lang, in.format = in.out.Lang, in.out.format
	in.noDecode = in.decode.noDecode
	in.profile, in.region = in.src.profile, in.src.region
	in.snapshot, in.live = in.src.snapshot, in.src.live
	in.shown = map[string]bool{}
	for _, s := range strings.Split(in.show, ",") {
		switch s = strings.TrimSpace(s); s {
		case "all":
			for _, k := range []string{"policy", "cli", "terraform", "cloudformation"} {
				in.shown[k] = true
			}
		case "policy", "cli", "terraform", "cloudformation":
			in.shown[s] = true
		case "":
		default:
			return usageErr("%s", i18n.T(in.lang, "cli.explain.show", s))
		}
	}
	in.input = strings.Join(pos, " ")
	if in.input == "" {
		in.input = "-"
	}
	return nil
}

// A small explain (no snapshot, no --live, at most smallExplainInput bytes
// of input) runs with a garbage-collection percentage of
// smallExplainGCPercent, unless GOGC is set. Such a run allocates about
// 1.5 MB on top of the 2.3 MB the init functions of the linked packages
// leave (2 MB of it the AWS SDK's, linked for collect, --live and jobs),
// just past the runtime's minimum heap goal of 4 MB: the collection that
// followed, marking the SDK's tables, cost 2 to 3 ms of CPU in a 15 ms
// process (measured, cold, one decoded message). At 400 the minimum goal is 16 MB; the heap of a small run
// stays below it, and a bigger one is collected at five times its live
// heap. A snapshot or --live run keeps the default: its heap grows with
// the account.
const (
	smallExplainInput     = 1 << 20
	smallExplainGCPercent = 400
)

func runExplain(ctx context.Context, env *Env, in *explainInput) error {
	text, err := readExplainInput(env, in.lang, in.input)
	if err != nil {
		return err
	}
	warnTextCut(env, in.input, text)
	warnJSONCut(env, in.lang, in.input, text)
	if in.snapshot == "" && !in.live && len(text) <= smallExplainInput && env.SetGCPercent != nil && env.Getenv("GOGC") == "" {
		defer env.SetGCPercent(env.SetGCPercent(smallExplainGCPercent))
	}
	// A CloudTrail log file is read record by record; anything else whole.
	denials, ok := authzmsg.ParseCloudTrailLog(text)
	if !ok {
		denials, err = authzmsg.ParseAll(text)
	}
	if err != nil {
		if errors.Is(err, authzmsg.ErrNoDenial) {
			msg := i18n.T(in.lang, "cli.explain.no-denial")
			if in.input != "-" && text == in.input && !strings.ContainsAny(text, " \t\r\n") {
				// One word is more likely a mistyped file name than a
				// message: say that no file has that name.
				msg = i18n.T(in.lang, "cli.explain.no-file", in.input) + ": " + msg
			}
			return usageErr("%s", msg)
		}
		return usageErr("%v", err)
	}
	var snap *account.Snapshot
	switch {
	case in.snapshot != "" && in.live:
		return usageErr("%s", i18n.T(in.lang, "cli.explain.snapshot-and-live"))
	case in.snapshot != "":
		if snap, err = loadSnapshot(in.snapshot); err != nil {
			return usageErr("%s", i18n.T(in.lang, "cli.explain.snapshot", in.snapshot, err))
		}
	case in.live:
		if snap, err = liveSnapshot(ctx, env, in.lang, in.profile, in.region, in.limits); err != nil {
			return err
		}
	}
	o := report.Options{Lang: in.lang, Color: env.IsTerminal && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb", Show: in.shown, Width: env.Width()}
	// Each denial is written as soon as it is explained: a CloudTrail log
	// of 100,000 denials holds one explanation at a time.
	out, err := report.NewExplainWriter(env.Stdout, report.Format(in.format), o)
	if err != nil {
		return err
	}
	var verdicts reevaluations
	var dec authzmsg.Decoder
	// Several messages to decode: STS is asked for them a few at a time
	// (each call is a round trip), then they are explained in input order.
	var predecoded map[*authzmsg.Denial]error
	if len(denials) > 1 && needsSTS(denials, in.noDecode) {
		var err error
		dec, err = env.Deps.STSDecoder(ctx, in.profile, in.region)
		predecoded = decodeAll(ctx, dec, err, denials)
	}
	explainOne := func(d *authzmsg.Denial) report.Explained {
		e := report.Explained{Denial: d, Decode: diagnose.DecodeStatus{State: "none"}}
		// A denial decoded by decodeAll has its Decoded set: its state is
		// that call's, not "none" as for a decoded document in the input.
		predecodeErr, predecodedOK := predecoded[d]
		switch {
		case predecodedOK:
			e.Decode = diagnose.DecodeResult(predecodeErr)
		case d.Encoded == "" || d.Decoded != nil:
		case in.noDecode:
			e.Decode = diagnose.DecodeStatus{State: "skipped", Msg: &diagnose.Msg{ID: "decode.skipped"}}
		case d.EncodedTruncated:
			e.Decode = diagnose.DecodeStatus{State: "skipped", Msg: &diagnose.Msg{ID: "decode.err.truncated"}}
		default:
			var err error
			if dec == nil {
				dec, err = env.Deps.STSDecoder(ctx, in.profile, in.region)
			}
			if err == nil {
				err = authzmsg.Decode(ctx, dec, d)
			}
			e.Decode = diagnose.DecodeResult(err)
		}
		e.Findings = diagnose.Diagnose(d, diagnose.Options{})
		e.Snapshot = diagnose.Reevaluate(snap, d, e.Findings, env.Deps.Now)
		if snap != nil {
			verdicts.add(e.Snapshot)
		}
		return e
	}
	if snap == nil && len(denials) > 1 && !needsSTS(denials, in.noDecode) {
		if err := explainParallel(out, denials, explainOne); err != nil {
			return err
		}
		return out.Close()
	}
	for i, d := range denials {
		denials[i] = nil
		if err := out.Add(explainOne(d)); err != nil {
			return err
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	if snap == nil {
		return nil
	}
	return verdicts.exit(in.lang)
}

// reevaluations counts the verdicts of explain's re-evaluations against a
// snapshot (--snapshot or --live), for its exit code.
type reevaluations struct{ denied, unchecked atomic.Int64 }

// add counts r, the re-evaluation of one message: nil when the message
// names no request that can be evaluated (no principal ARN or action, a
// redacted principal, a resource cut short), which is not checked either.
func (v *reevaluations) add(r *preflight.Result) {
	switch {
	case r != nil && r.Denied():
		v.denied.Add(1)
	case r != nil && r.Verdict == preflight.Allowed:
	default:
		v.unchecked.Add(1)
	}
}

// exit is the error of the run's exit code, as check's three values: 1
// when the account's policies deny a message's request (whatever else
// could not be checked), else 4 when a message could not be checked
// against them: an explanation is no proof that the snapshot's policies
// decide the request. jobs --snapshot is 1 for an authorization cause
// whatever its re-evaluation says: there AWS proved the denial (the job
// failed), and 1 takes precedence over 4 as here.
func (v *reevaluations) exit(lang i18n.Lang) error {
	switch n := int(v.unchecked.Load()); {
	case v.denied.Load() > 0:
		return &Error{Code: ExitDenied, Err: errSilent}
	case n > 0:
		return &Error{Code: ExitUnchecked, Err: errors.New(i18n.N(lang, n, "cli.explain.unchecked", strconv.Itoa(n)))}
	}
	return nil
}

// decodeWorkers bounds the STS DecodeAuthorizationMessage calls in flight.
const decodeWorkers = 8

// decodeAll decodes, at most decodeWorkers at a time, every denial that
// explain would send to STS, and returns each one's error (decErr, the
// decoder's own failure, for all of them when there is no decoder). An
// encoded message that several denials carry (a request retried, a log
// that repeats it) is sent once: the others read the document that call
// returned, or get its error.
func decodeAll(ctx context.Context, dec authzmsg.Decoder, decErr error, denials []*authzmsg.Denial) map[*authzmsg.Denial]error {
	var todo, again []*authzmsg.Denial
	sent := map[string]bool{}
	for _, d := range denials {
		if d.Encoded != "" && d.Decoded == nil && !d.EncodedTruncated {
			if k := authzmsg.CleanEncoded(d.Encoded); sent[k] {
				again = append(again, d)
			} else {
				sent[k] = true
				todo = append(todo, d)
			}
		}
	}
	out := make(map[*authzmsg.Denial]error, len(todo)+len(again))
	if decErr != nil {
		for _, d := range append(todo, again...) {
			out[d] = decErr
		}
		return out
	}
	memo := &memoDecoder{dec: dec, docs: make(map[string]memoDoc, len(todo))}
	errs := make([]error, len(todo))
	sem := make(chan struct{}, decodeWorkers)
	var wg sync.WaitGroup
	for i, d := range todo {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = authzmsg.Decode(ctx, memo, d)
		})
	}
	wg.Wait()
	for i, d := range todo {
		out[d] = errs[i]
	}
	// Every message of these was decoded above: no call is made.
	for _, d := range again {
		out[d] = authzmsg.Decode(ctx, memo, d)
	}
	return out
}

// memoDecoder remembers what its decoder answered for each encoded
// message, so that a message is sent to STS once.
type memoDecoder struct {
	dec  authzmsg.Decoder
	mu   sync.Mutex
	docs map[string]memoDoc
}

type memoDoc struct {
	doc string
	err error
}

func (m *memoDecoder) DecodeAuthorizationMessage(ctx context.Context, encoded string) (string, error) {
	m.mu.Lock()
	r, ok := m.docs[encoded]
	m.mu.Unlock()
	if ok {
		return r.doc, r.err
	}
	r.doc, r.err = m.dec.DecodeAuthorizationMessage(ctx, encoded)
	m.mu.Lock()
	m.docs[encoded] = r
	m.mu.Unlock()
	return r.doc, r.err
}

// explainBatch is how many denials explainParallel explains before it
// writes them: enough to keep every CPU busy, few enough that memory stays
// that of a batch.
const explainBatch = 256

// needsSTS reports whether a denial would be decoded through STS: those
// are explained one at a time, in order, as the calls are made.
func needsSTS(denials []*authzmsg.Denial, noDecode bool) bool {
	if noDecode {
		return false
	}
	for _, d := range denials {
		if d.Encoded != "" && d.Decoded == nil && !d.EncodedTruncated {
			return true
		}
	}
	return false
}

// explainParallel explains and renders the denials on every CPU, a batch
// at a time, and writes them in their order: the same bytes as one at a
// time. A CloudTrail log of many denials is explained about GOMAXPROCS
// times faster; each denial is let go once written.
func explainParallel(out *report.ExplainWriter, denials []*authzmsg.Denial, explainOne func(*authzmsg.Denial) report.Explained) error {
	workers := runtime.GOMAXPROCS(0)
	parts := make([][]byte, explainBatch)
	errs := make([]error, explainBatch)
	for start := 0; start < len(denials); start += explainBatch {
		batch := denials[start:min(start+explainBatch, len(denials))]
		var wg sync.WaitGroup
		for w := range min(workers, len(batch)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(batch); i += workers {
					parts[i], errs[i] = out.Render(explainOne(batch[i]))
					batch[i] = nil
				}
			}()
		}
		wg.Wait()
		for i := range batch {
			if errs[i] != nil {
				return errs[i]
			}
			if err := out.WritePart(parts[i]); err != nil {
				return err
			}
			parts[i] = nil
		}
	}
	return nil
}

// DefaultMaxExplainInput is the most bytes explain reads from a file or
// standard input: 512 MiB, the snapshot's limit (a CloudTrail log of
// 100,000 denials is 31.6 MB). MaxExplainInputEnv (a whole number of MiB,
// 1 to 1,048,576) overrides it.
const DefaultMaxExplainInput = 512 << 20

// MaxExplainInputEnv names the environment variable that overrides
// DefaultMaxExplainInput.
const MaxExplainInputEnv = "DENIED_EXPLAIN_MAX_MIB"

// maxExplainInput returns explain's input limit, in bytes.
func maxExplainInput(env *Env, lang i18n.Lang) (int64, error) {
	v := strings.TrimSpace(env.Getenv(MaxExplainInputEnv))
	if v == "" {
		return DefaultMaxExplainInput, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 || n > 1<<20 {
		return 0, usageErr("%s", i18n.T(lang, "cli.explain.limit-env", MaxExplainInputEnv, v))
	}
	return n << 20, nil
}

// readExplainInput returns the text to explain: stdin for "-", a file's
// content when the argument names a file, else the argument itself. Input
// over maxExplainInput is refused (a file by its size, before it is read;
// stdin once the limit is passed, holding no more than it).
func readExplainInput(env *Env, lang i18n.Lang, arg string) (string, error) {
	// Read whole, stdin as a file: a CloudTrail export on stdin gives the
	// same explanations as the file. A strings.Builder holds the text
	// without a second copy.
	var b strings.Builder
	var err error
	limit, err := maxExplainInput(env, lang)
	if err != nil {
		return "", err
	}
	name := arg
	switch {
	case arg == "-":
		name = i18n.T(lang, "cli.explain.stdin")
		var over bool
		if over, err = readChunked(&b, env.Stdin, limit); over {
			return "", usageErr("%s", i18n.T(lang, "cli.explain.too-large", name, limit>>20, MaxExplainInputEnv))
		}
	default:
		st, serr := os.Stat(arg)
		if serr == nil && st.IsDir() {
			return "", usageErr("%s", i18n.T(lang, "cli.explain.directory", arg))
		}
		if serr != nil || !st.Mode().IsRegular() {
			return arg, nil
		}
		if st.Size() > limit {
			return "", usageErr("%s", i18n.T(lang, "cli.explain.too-large", name, limit>>20, MaxExplainInputEnv))
		}
		var f *os.File
		if f, err = os.Open(arg); err == nil {
			b.Grow(int(st.Size()))
			_, err = io.Copy(&b, io.LimitReader(f, limit+1))
			f.Close()
		}
	}
	if err != nil {
		return "", usageErr("%s", i18n.T(lang, "cli.explain.reading", err))
	}
	if int64(b.Len()) > limit {
		return "", usageErr("%s", i18n.T(lang, "cli.explain.too-large", name, limit>>20, MaxExplainInputEnv))
	}
	text := b.String()
	if strings.TrimSpace(text) == "" {
		return "", usageErr("%s", i18n.T(lang, "cli.explain.nothing", i18n.T(lang, "cli.explain.no-denial")))
	}
	return text, nil
}

// readChunked reads r, up to limit bytes, into chunks of 1 MiB, then into
// b grown once to their size; over is true, b left empty, when r holds more
// than limit bytes: reading input of unknown length holds it at
// most twice, and refusing endless input (a strings.Builder grown by
// copying held up to four times the limit) about the limit.
func readChunked(b *strings.Builder, r io.Reader, limit int64) (over bool, err error) {
	var chunks [][]byte
	total := int64(0)
	for {
		c := make([]byte, min(1<<20, limit+1-total))
		n, err := io.ReadFull(r, c)
		total += int64(n)
		if total > limit {
			return true, nil
		}
		chunks = append(chunks, c[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return false, err
		}
	}
	b.Grow(int(total))
	for i, c := range chunks {
		b.Write(c)
		chunks[i] = nil
	}
	return false, nil
}

// warnJSONCut says on stderr when the input starts as JSON (an object or
// an array: a CloudTrail log, a list-backup-jobs answer) that never
// closes: the input was cut, it is read as text, and what the cut lost is
// not explained. It names where the JSON starts.
func warnJSONCut(env *Env, lang i18n.Lang, arg, text string) {
	start := len(text) - len(strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), " \t\r\n"))
	if start >= len(text) || (text[start] != '{' && text[start] != '[') {
		return
	}
	if end, _ := jsonx.Skim(text, start); end >= 0 {
		return
	}
	name := i18n.T(lang, "cli.explain.stdin")
	if arg != "-" {
		name = "the text"
		if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
			name = arg
		}
	}
	l, c := jsonx.LineCol([]byte(text[:start+1]), start)
	fmt.Fprintf(env.Stderr, "denied explain: %s\n", i18n.T(lang, "cli.explain.json-cut", name, l, c, len(text)))
}

// warnTextCut says on stderr what of a long plain-text input is not read:
// the message parser reads the first authzmsg.MaxText bytes of text that is
// not JSON (JSON, such as a CloudTrail log, is read whole).
func warnTextCut(env *Env, arg, text string) {
	if len(text) <= authzmsg.MaxText {
		return
	}
	if t := strings.TrimSpace(text); t != "" && (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t)) {
		return
	}
	name := "the text"
	switch {
	case arg == "-":
		name = "stdin"
	case len(arg) < 256 && !strings.ContainsAny(arg, "\n"):
		if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
			name = arg
		}
	}
	fmt.Fprintf(env.Stderr, "denied explain: warning: %s is %d bytes of text (not JSON); only its first %d MiB was read: what follows byte %d (of the text without colours and carriage returns) was not\n",
		name, len(text), authzmsg.MaxText>>20, authzmsg.MaxText)
}
