// Package authz is the IAM evaluation engine: it compiles parsed policies
// (package policy) of every layer (identity, permissions boundary, session,
// resource, SCPs, RCPs, VPC endpoint) into a Set, builds a Request from
// its fields, and evaluates the request against the set into a Result
// (decision, deciding layer, every layer's verdict, the deciding
// statements, the missing context keys, the AWS message).
//
// The engine is pure: it does no I/O, reads no clock, environment or
// package-level state, and evaluating a compiled set with a reused Result
// allocates nothing. What it needs to know about AWS services beyond the
// policy language is passed in (Input.RCPSupported). Its errors name
// request fields (FieldError) and statements (CompileError), never a
// position in an input format: callers map them to their own.
//
// It must import only the standard library, policy and the small internal
// helpers (internal/arn); never the service catalogs,
// simulate, eval, account, the CLI or the AWS SDK.
package authz
