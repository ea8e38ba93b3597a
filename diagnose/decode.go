package diagnose

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
