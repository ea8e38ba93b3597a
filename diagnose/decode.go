package diagnose

import (
	"errors"

	"github.com/deniedhq/denied/authzmsg"
)

// DecodeStatus says what happened with the encoded authorization message
// of a denial, if any.
type DecodeStatus struct {
	// State is "none" (nothing to decode), "decoded", "skipped" (--no-decode
	// or nothing usable), or "failed".
	State string `json:"state"`
	// Msg explains a skip or failure (an i18n message).
	Msg *Msg `json:"message,omitempty"`
	// Detail is the underlying error text, for failures.
	Detail string `json:"detail,omitempty"`
}

// DecodeResult is the DecodeStatus of a decode that returned err
// (authzmsg.Decode through an authzmsg.Decoder): "decoded", or "failed"
// with the message of the failure's kind (no credentials, denied, invalid,
// throttled) and, for any other failure, its text.
func DecodeResult(err error) DecodeStatus {
	if err == nil {
		return DecodeStatus{State: "decoded"}
	}
	id := "decode.err.other"
	var denied *authzmsg.DecodeDeniedError
	switch {
	case errors.Is(err, authzmsg.ErrNoCredentials):
		id = "decode.err.no-credentials"
	case errors.As(err, &denied):
		id = "decode.err.denied"
	case errors.Is(err, authzmsg.ErrInvalidMessage):
		id = "decode.err.invalid"
	case errors.Is(err, authzmsg.ErrThrottled):
		id = "decode.err.throttled"
	}
	st := DecodeStatus{State: "failed", Msg: &Msg{ID: id}}
	if id == "decode.err.other" {
		st.Detail = err.Error()
	}
	return st
}
