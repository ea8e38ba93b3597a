package simulate

// Internals for the external tests' benchmarks.
var (
	EvaluateOwned = func(data []byte, opt Options) *Result { return evaluateOwned(data, opt, nil) }
	DecodeShared  = func(data []byte) (*Case, error) { return decodeCase(data, true) }
)
