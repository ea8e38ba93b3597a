package authzmsg

import (
	"context"
	"errors"
	"fmt"
)

// Decoder decodes encoded authorization failure messages: the port to
// sts:DecodeAuthorizationMessage.
type Decoder interface {
	// DecodeAuthorizationMessage returns the decoded document (a JSON
	// string) for an encoded message.
	DecodeAuthorizationMessage(ctx context.Context, encoded string) (string, error)
}

// Decode decodes den.Encoded through d, reads the document into den.Decoded
// and fills the principal, action, resource, request context and decision
// from it. It makes no call when the denial has no encoded message
// (ErrNoEncoded) or only a truncated one (ErrInvalidMessage).
func Decode(ctx context.Context, d Decoder, den *Denial) error {
	if den == nil {
		return errors.New("authzmsg.Decode: no denial")
	}
	if den.Encoded == "" {
		return ErrNoEncoded
	}
	if den.EncodedTruncated {
		return fmt.Errorf("%w: the encoded message in this text is truncated; copy it whole from the original error (CloudTrail keeps only the first 1,024 characters of errorMessage)", ErrInvalidMessage)
	}
	if d == nil {
		return errors.New("authzmsg.Decode: no decoder")
	}
	text, err := d.DecodeAuthorizationMessage(ctx, CleanEncoded(den.Encoded))
	if err != nil {
		return err
	}
	dd, err := ParseDecoded([]byte(text))
	if err != nil {
		return fmt.Errorf("reading the document STS decoded: %w", err)
	}
	den.applyDecoded(dd)
	finish(den)
	return nil
}
