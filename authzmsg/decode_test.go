package authzmsg

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(messagesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// consoleWithWrappedBlob is a console page in Japanese around an EC2 error
// whose encoded message the console wrapped at 64 columns.
func consoleWithWrappedBlob(t *testing.T) (text, blob string) {
	t.Helper()
	den, err := Parse(readFixture(t, "samples/terraform-ec2-encoded-only.txt"))
	if err != nil {
		t.Fatal(err)
	}
	blob = den.Encoded
	var b strings.Builder
	b.WriteString("インスタンスの起動に失敗しました\nYou are not authorized to perform this operation. Encoded authorization failure message:\n")
	for i := 0; i < len(blob); i += 64 {
		b.WriteString("  " + blob[i:min(i+64, len(blob))] + "\n")
	}
	b.WriteString("詳細については、AWS のドキュメントを参照してください。\n")
	return b.String(), blob
}

// countingDecoder counts calls and answers with a fixed document.
type countingDecoder struct {
	calls int
	doc   string
}

func (c *countingDecoder) DecodeAuthorizationMessage(context.Context, string) (string, error) {
	c.calls++
	return c.doc, nil
}

// TestDecodeMakesNoCallWithoutBlob: a denial without an encoded message, or
// with a truncated one, never reaches the decoder.
func TestDecodeMakesNoCallWithoutBlob(t *testing.T) {
	t.Parallel()
	fake := &countingDecoder{doc: "{}"}
	for _, c := range loadFormCases(t) {
		if c.NoDenial {
			continue
		}
		den, err := Parse(c.Input)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if den.Encoded != "" && !den.EncodedTruncated {
			continue
		}
		err = Decode(context.Background(), fake, den)
		switch {
		case den.Encoded == "" && !errors.Is(err, ErrNoEncoded):
			t.Errorf("%s: Decode = %v, want ErrNoEncoded", c.Name, err)
		case den.EncodedTruncated && !errors.Is(err, ErrInvalidMessage):
			t.Errorf("%s: Decode of a truncated message = %v, want ErrInvalidMessage", c.Name, err)
		}
	}
	if fake.calls != 0 {
		t.Errorf("decoder called %d times; want none", fake.calls)
	}
}

func TestDecodeWithFakeDecoder(t *testing.T) {
	t.Parallel()
	inner := readFixture(t, "decoded/zatoima-inner.json")
	fake := &countingDecoder{doc: inner}
	den, err := Parse(readFixture(t, "samples/terraform-ec2-encoded-only.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if den.Action != "" || den.Principal.ARN != "" {
		t.Fatalf("the encoded-only message should name nobody before decoding: %+v", den)
	}
	if err := Decode(context.Background(), fake, den); err != nil {
		t.Fatal(err)
	}
	if fake.calls != 1 {
		t.Errorf("calls = %d", fake.calls)
	}
	if den.Action != "iam:PassRole" || !den.Principal.IsBackupSession || den.Principal.BackupRole != "AWSBackupROLEEC2" || den.Decision != ImplicitDeny {
		t.Errorf("after Decode: %+v", den)
	}
	if den.Form != FormTerraform {
		t.Errorf("Decode changed the form to %q", den.Form)
	}

	bad := &countingDecoder{doc: `{"allowed": "maybe"}`}
	den2, _ := Parse(readFixture(t, "samples/terraform-ec2-encoded-only.txt"))
	var de *DecodedError
	if err := Decode(context.Background(), bad, den2); !errors.As(err, &de) || de.Pointer != "/allowed" {
		t.Errorf("Decode of a bad document: %v, want a DecodedError at /allowed", err)
	}
}
