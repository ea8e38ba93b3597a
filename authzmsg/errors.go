package authzmsg

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoDenial is returned by Parse and ParseAll when the text holds nothing
// that looks like an access denial.
var ErrNoDenial = errors.New("no access-denied message found: paste the whole error (the text after \"User:\", the CLI/SDK/Terraform error, the CloudTrail event JSON, the AWS Backup job status message or the output of aws sts decode-authorization-message)")

// ErrNoEncoded is returned by Decode when the denial carries no encoded
// authorization failure message; no call is made.
var ErrNoEncoded = errors.New("the message has no encoded authorization failure message to decode")

// ErrNoCredentials is returned when no usable AWS credentials were found, or
// AWS rejected the ones found.
var ErrNoCredentials = errors.New("no usable AWS credentials to call sts:DecodeAuthorizationMessage: pass --profile NAME (a profile from ~/.aws/config or ~/.aws/credentials), set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials); for IAM Identity Center run aws sso login first")

// ErrInvalidMessage is returned when STS answers
// InvalidAuthorizationMessageException, or when the encoded message is known
// to be damaged before any call.
var ErrInvalidMessage = errors.New("STS cannot decode this encoded message: encoded authorization messages expire (decode them soon after the error), and a message that was damaged in copying (line breaks, spaces, a cut end, a CloudTrail errorMessage cut at 1,024 characters) is rejected; copy the whole message again from the original error")

// ErrThrottled is returned when STS still throttled the request after the
// SDK's retries.
var ErrThrottled = errors.New("STS throttled sts:DecodeAuthorizationMessage even after retries: wait a little and try again")

// DecodePolicy is the IAM policy that lets a principal decode authorization
// messages. sts:DecodeAuthorizationMessage has no resource types and no
// condition keys, so the resource is "*".
const DecodePolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DecodeAuthorizationMessages",
      "Effect": "Allow",
      "Action": "sts:DecodeAuthorizationMessage",
      "Resource": "*"
    }
  ]
}`

// DecodeDeniedError is returned when the caller itself may not call
// sts:DecodeAuthorizationMessage.
type DecodeDeniedError struct {
	// Principal is the caller STS named, when it did.
	Principal string
	// Message is STS's message.
	Message string
	// RequestID is STS's request ID.
	RequestID string
}

func (e *DecodeDeniedError) Error() string {
	var b strings.Builder
	b.WriteString("the credentials in use may not decode authorization messages (sts:DecodeAuthorizationMessage was denied")
	if e.Principal != "" {
		b.WriteString(" for ")
		b.WriteString(e.Principal)
	}
	b.WriteString(")")
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request ID ")
		b.WriteString(e.RequestID)
		b.WriteString(")")
	}
	b.WriteString(".\nAttach this policy to that user or role (or use a profile that has it), then run again:\n")
	b.WriteString(DecodePolicy)
	return b.String()
}

// DecodedError is returned by ParseDecoded: what is wrong and where.
type DecodedError struct {
	// Pointer is the JSON pointer of the offending value ("" for the whole
	// document). When the input was the {"DecodedMessage": "..."} wrapper,
	// the pointer is into the inner document and InWrapper is true.
	Pointer   string
	InWrapper bool
	// Offset is the byte offset of a syntax error, or -1.
	Offset int64
	Msg    string
}

func (e *DecodedError) Error() string {
	where := e.Pointer
	if where == "" {
		where = "/"
	}
	if e.InWrapper {
		where = "DecodedMessage " + where
	}
	if e.Offset >= 0 {
		return fmt.Sprintf("decoded authorization message: %s (at %s, byte %d)", e.Msg, where, e.Offset)
	}
	return fmt.Sprintf("decoded authorization message: %s (at %s)", e.Msg, where)
}
