package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestModuleVersion(t *testing.T) {
	t.Parallel()
	bi := func(v string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/deniedhq/denied", Version: v}}
	}
	for _, tt := range []struct {
		set  string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"dev", bi("v0.4.0"), true, "v0.4.0"},
		{"dev", bi("v0.0.0-20261202050000-0123456789ab+dirty"), true, "v0.0.0-20261202050000-0123456789ab+dirty"},
		{"dev", bi("(devel)"), true, "dev"},
		{"dev", nil, false, "dev"},
		{"v1.0.0-rc1", bi("v0.4.0"), true, "v1.0.0-rc1"},
	} {
		if got := moduleVersion(tt.set, tt.info, tt.ok); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt, got, tt.want)
		}
	}
}

// denied version and the SARIF driver say the same version.
func TestVersionCommand(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "version")
	if code != 0 || strings.TrimSpace(out) != "denied "+Version {
		t.Errorf("exit %d: %q", code, out)
	}
	sarif, _, _ := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "sarif")
	if !strings.Contains(sarif, `"version": "`+Version+`"`) {
		t.Errorf("SARIF driver version is not %s", Version)
	}
}
