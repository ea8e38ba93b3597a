package cli

import "runtime/debug"

func init() {
	info, ok := debug.ReadBuildInfo()
	Version = moduleVersion(Version, info, ok)
}

// moduleVersion is denied's version: the one set at build time
// (-ldflags "-X github.com/deniedhq/denied/internal/cli.Version=..."),
// else the main module's version from the build info: the release tag for
// "go install github.com/deniedhq/denied/cmd/denied@v1.2.3", a
// pseudo-version stamped from the VCS for "go build" in a clone; else
// "dev" (tests, builds without module information).
func moduleVersion(set string, info *debug.BuildInfo, ok bool) string {
	if set != "" && set != "dev" {
		return set
	}
	if ok && info != nil && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
