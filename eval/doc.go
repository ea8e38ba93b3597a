// Package eval is the evaluation pipeline: a typed Input (one request and
// the named policy documents of every layer: identity, permissions
// boundary, session, SCP and RCP levels, resource-based and VPC endpoint
// policies, each as raw bytes with its name or ARN) goes in; Prepare
// checks the request against the service catalog, decodes, parses,
// validates and compiles every document (through a Cache, so that a
// document seen again, or every document but the one a caller replaced,
// is not parsed or compiled again), and the Prepared input evaluates to an
// Outcome: the engine's result, the sources of the deciding statements and
// the warnings.
//
// Problems name where they are by a typed Path (a field of the Input, a
// context key, a level and policy index, a JSON pointer inside a policy
// document). Path.String writes one as the JSON pointer of its field in a
// simulate case, whose fields are the Input's: the one textual name of a
// field, so that simulate's messages and those of check and audit (which
// build their inputs from a snapshot) read the same.
//
// It imports the engine (authz), the policy language, the service catalog
// and the small internal helpers; it must not import simulate, account,
// fix, the CLI, the reports or the AWS SDK (internal/archtest checks the
// last).
package eval
