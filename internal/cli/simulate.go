package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/deniedhq/denied/simulate"
)

type simulateInput struct {
	out          *outputFlags
	file         string
	jsonl        bool
	allowUnknown bool
}

const simulateLong = `Evaluates one case (a JSON file, or stdin) and prints the decision, every
layer's verdict, the deciding statements and the AWS message. The case may
also be the input of 'aws iam simulate-custom-policy', answered in the shape
of its output. With --jsonl, reads one case per line and writes one JSON
result per line, in order; a bad line gets an error result and the rest go
on (exit 2 at the end if any line was bad).`

func newSimulateCmd(env *Env) *cobra.Command {
	in := &simulateInput{out: newOutputFlags(0, "text", "json")}
	cmd := &cobra.Command{
		Use:   "simulate [FILE|-]",
		Short: "evaluate one request against its policies (the engine)",
		Long:  simulateLong,
	}
	fs := cmd.Flags()
	in.out.bind(fs)
	fs.Lookup("format").Usage += " (--jsonl always writes JSON)"
	fs.BoolVar(&in.jsonl, "jsonl", false, "read JSON Lines, one case per line, and write one result per line")
	fs.BoolVar(&in.allowUnknown, "allow-unknown-actions", false, "evaluate actions the service catalog does not know (a warning instead of an error)")
	cmd.RunE = runE(func(_ *cobra.Command, args []string) error {
		if err := in.check(env, args); err != nil {
			return err
		}
		return runSimulate(env, in)
	})
	return cmd
}

func (in *simulateInput) check(env *Env, pos []string) error {
	switch len(pos) {
	case 0:
		in.file = "-"
	case 1:
		in.file = pos[0]
	default:
		return usageErr("simulate takes one file, got %d", len(pos))
	}
	return in.out.check(env)
}

func runSimulate(env *Env, in *simulateInput) error {
	r := env.Stdin
	if in.file != "-" {
		f, err := os.Open(in.file)
		if err != nil {
			return usageErr("%v", err)
		}
		defer f.Close()
		r = f
	}
	opt := simulate.Options{Now: env.Deps.Now, AllowUnknownActions: in.allowUnknown}
	if in.jsonl {
		st, err := simulate.Stream(r, env.Stdout, opt)
		if err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		if st.Errors > 0 {
			return &Error{Code: ExitUsage, Err: fmt.Errorf("%d of %d cases could not be evaluated (see their error results)", st.Errors, st.Cases)}
		}
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(r, simulate.MaxLine+1))
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	if len(data) > simulate.MaxLine {
		// Never a parse error at the cut: say what the limit is.
		return usageErr("%s: %s", displayName(in.file), simulate.CaseTooLarge())
	}
	return simulateOne(env, in, data, opt)
}

func simulateOne(env *Env, in *simulateInput, data []byte, opt simulate.Options) error {
	name := displayName(in.file)
	if len(bytes.TrimSpace(data)) == 0 {
		return usageErr("%s: no case to simulate", name)
	}
	if simulate.IsCustomPolicyInput(data) {
		out, err := simulate.EvaluateCustomPolicy(data, opt)
		if err != nil {
			return usageErr("%s: %v", name, err)
		}
		return writeJSON(env.Stdout, out)
	}
	c, err := simulate.DecodeCase(data)
	if err != nil {
		return usageErr("%s: %v", name, err)
	}
	pr, err := simulate.Prepare(c, opt)
	if err != nil {
		return usageErr("%s: %v", name, err)
	}
	res := pr.Evaluate()
	if in.out.format == "json" {
		return writeJSON(env.Stdout, res)
	}
	return pr.WriteText(env.Stdout, res)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// displayName names an input file in messages ("stdin" for "-").
func displayName(file string) string {
	if file == "-" {
		return "stdin"
	}
	return file
}
