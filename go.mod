// AWS SDK for Go v2 pin (used by authzmsg's STS port and internal/collect).
//
// The Go module proxy answers 403 for the newest AWS SDK release: the core
// module github.com/aws/aws-sdk-go-v2 v1.47.8, which config v1.33.16 and
// service/sts v1.51.9 require. So the SDK is pinned to the release before it,
// a set whose go.mod files agree with one another and all download:
//   github.com/aws/aws-sdk-go-v2              v1.47.7
//   github.com/aws/aws-sdk-go-v2/config       v1.33.15 (requires core v1.47.7, sts v1.51.8, smithy-go v1.28.8)
//   github.com/aws/aws-sdk-go-v2/credentials  v1.20.15
//   github.com/aws/aws-sdk-go-v2/service/sts  v1.51.8  (requires core v1.47.7)
//   github.com/aws/aws-sdk-go-v2/service/iam           v1.64.8 (requires core v1.47.7)
//   github.com/aws/aws-sdk-go-v2/service/organizations v1.62.6 (requires core v1.47.7)
//   github.com/aws/aws-sdk-go-v2/service/kms           v1.62.4 (requires core v1.47.7)
//   github.com/aws/aws-sdk-go-v2/service/backup        v1.69.7 (requires core v1.47.7)
//   (their next releases, iam v1.64.9, organizations v1.62.7, kms v1.62.5,
//   backup v1.69.8, require core v1.47.8)
//   github.com/aws/smithy-go                  v1.28.8
// Move them together, and only to versions the proxy serves
// (go list -m -versions MODULE; go mod download MODULE@VERSION).
//
// Text output: github.com/mattn/go-runewidth v0.0.31 (East Asian width;
// it brings clipperhouse/uax29/v2 v2.2.0) and golang.org/x/term v0.48.0
// (terminal width; it brings golang.org/x/sys v0.50.0), the newest the
// proxy serves on 2026-12-02.
//
// CLI: github.com/spf13/cobra v1.10.2 with github.com/spf13/pflag v1.0.10
// (v1.1.0 is served too, but prints every boolean flag as
// --name[=true|false] in the help).

module github.com/deniedhq/denied

go 1.26.8

require (
	github.com/aws/aws-sdk-go-v2 v1.47.7
	github.com/aws/aws-sdk-go-v2/config v1.33.15
	github.com/aws/aws-sdk-go-v2/credentials v1.20.15
	github.com/aws/aws-sdk-go-v2/service/backup v1.69.7
	github.com/aws/aws-sdk-go-v2/service/iam v1.64.8
	github.com/aws/aws-sdk-go-v2/service/kms v1.62.4
	github.com/aws/aws-sdk-go-v2/service/organizations v1.62.6
	github.com/aws/aws-sdk-go-v2/service/sts v1.51.8
	github.com/aws/smithy-go v1.28.8
	github.com/mattn/go-runewidth v0.0.31
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.10
	golang.org/x/term v0.48.0
)

require (
	github.com/aws/aws-sdk-go-v2/feature/ec2/imds v1.20.7 // indirect
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.5.10 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.8.10 // indirect
	github.com/aws/aws-sdk-go-v2/internal/v4a v1.5.10 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/accept-encoding v1.13.24 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/presigned-url v1.14.10 // indirect
	github.com/aws/aws-sdk-go-v2/service/signin v1.12.3 // indirect
	github.com/aws/aws-sdk-go-v2/service/sso v1.39.3 // indirect
	github.com/aws/aws-sdk-go-v2/service/ssooidc v1.44.3 // indirect
	github.com/clipperhouse/uax29/v2 v2.2.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
