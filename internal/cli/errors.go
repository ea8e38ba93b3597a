package cli

import (
	"errors"
	"fmt"
)

// Exit codes, the same for every command.
const (
	ExitOK      = 0 // success
	ExitDenied  = 1 // something would be denied (check, audit, explain --snapshot/--live; jobs: a job failed for an authorization cause)
	ExitUsage   = 2 // bad input or usage
	ExitRuntime = 3 // AWS or runtime failure
	// ExitUnchecked: nothing was proven denied, but something could not be
	// checked (an unknown role, vault or key, a policy the snapshot could
	// not read, a missing parameter): never reported as success (check,
	// audit, explain --snapshot/--live; jobs: a status message not
	// recognized).
	ExitUnchecked = 4
)

// Error carries the exit code an error maps to.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// usageErr is a bad-input or usage error.
func usageErr(format string, args ...any) error {
	return &Error{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// errSilent is a failure whose explanation was already written.
var errSilent = errors.New("")

// ExitCode maps an error to the process exit code: the one place where
// that happens.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ExitRuntime
}
