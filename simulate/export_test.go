package simulate

// Internals for the external tests' benchmarks.
var (
	EvaluateOwned = evaluateOwned
	DecodeShared  = func(data []byte) (*Case, error) { return decodeCase(data, true) }
)
