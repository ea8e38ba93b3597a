package authzmsg

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The hand-written fast paths of the parse (notAuthIndex, ValidAction) and
// the literal pre-checks in front of regexps (mayHoldPlaceholder,
// gluedIsMay, the keys of placeholderSpanREs) must give what the regexps
// give: checked on every message fixture, on what the parse makes of it
// (prepared, collapsed), on each of its tokens and on each suffix at a
// space, on edge cases, and by FuzzFastPaths on anything.

// fastPathEdges are the cases at the edges of the fast paths.
var fastPathEdges = []string{
	"", "not authorized to perform", "NOT AUTHORIZED TO PERFORM: x", "Not AuthoriSed Perform :  y",
	"not authoriſed to perform: s3:GetObject", "not authoriſed to perform", "not authoriſ", "xnot authorized to perform",
	"_not authorized to perform", "énot authorized to perform", "not authorized to performs", "not authorized to perform_",
	"not authorized to performé", "not authorized to  perform", "not authorized  to perform", "not authorized to\tperform",
	"not authorized to to perform", "not authorized to perform\t\n :\f\r x", "not authorized to perform::", "not authorizedto perform",
	"not authorized perform not authorized to perform: a", "not authorized to perform:not authorized to perform:",
	"You are not authorized to perform this operation. User: u is not authorized to perform: a:b",
	"not authorizxd to perform", "not authori", "not author", "not authoriz", "not authorized", "not authorized ",
	"not authorized to", "not authorized to perfor", "nOt AUTHORIZED tO pErFoRm",
	"s3:GetObject", "s3:", ":x", "a:b", "a-:b_", "-a:b", "a:-b", "a:_b", "a:b:c", "a:b c", "A9-z:Z_9-", "é:a", "a:é",
	strings.Repeat("a", 250) + ":b", strings.Repeat("a", 254) + ":b", strings.Repeat("a", 255) + ":b", "a:b\n",
	"xxxx", "xxx", "XxXx", "axxxx", "xxxxa", "1xxxx2", "…", "..", "...", "**", "***", "<a>", "<>", "{a}", "{}", "{a b}",
	"arn:aws:iam::1:user/devis not authorized", "arn:aws:iam::1:user/dev is not authorized", "arn:x_is not authoriSed",
	"is not authori", "xis not authori",
	"User: a", "user:", "user", "users: a", "user x", "user  :  x", "xuser: a", "/user: a", "@user: a", ".user: a", "-user: a", "_user: a",
	" user: a", ":user: a", "user:user: a", "user: user: a", "user:  user x", "éuser: a", "\u212auser: a", "\u017fuser: a", "u\u017fer: a",
	" a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "a\u0085b", "\u3000", "a\vb", " ", "  ", "ab",
	"USER: a", "UsEr\t: a", "\xffuser: a", "\xe2\x84user: a", "\xc5\xbf\xbfuser: a", "a user is user: b user c", "<a b>", "[a b]", `::"a b":`, ": ... :", ": … :", ":...:", ": .. :",
}

// fastPathTexts are the texts the fast paths are compared on.
func fastPathTexts(t testing.TB) []string {
	var base []string
	base = append(base, fuzzSeeds(t)...)
	base = append(base, fastPathEdges...)
	base = append(base, auditMessages(20)...)
	var out []string
	for _, s := range base {
		p := prepareText(s)
		out = append(out, s, p, collapse(p))
	}
	n := len(out)
	for _, s := range out[:n] {
		for _, f := range strings.Fields(s) {
			out = append(out, f, strings.Trim(f, ".,;:()\"'`"))
		}
		for i := 0; i < len(s) && len(out) < 2_000_000; i++ {
			if s[i] == ' ' {
				out = append(out, s[i+1:])
			}
		}
	}
	return out
}

// checkFastPaths reports where a fast path and its regexp disagree on s.
func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	low := asciiLower(s)
	want := notAuthRE().FindAllStringIndex(s, -1)
	var got [][]int
	for from := 0; ; {
		start, end := notAuthIndex(s, low, from)
		if start < 0 {
			break
		}
		got = append(got, []int{start, end})
		from = end
	}
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("notAuthIndex(%q) = %v, notAuthRE %v", s, got, want)
	}
	wantEnd, wantOK := 0, false
	if all := userLeadRE().FindAllStringIndex(s, -1); all != nil {
		wantEnd, wantOK = all[len(all)-1][1], true
	}
	if end, ok := userLeadEnd(s); end != wantEnd || ok != wantOK {
		t.Errorf("userLeadEnd(%q) = %d, %v; userLeadRE %d, %v", s, end, ok, wantEnd, wantOK)
	}
	if collapsed(s) && collapseRunes(s) != s {
		t.Errorf("collapsed(%q), but collapse gives %q", s, collapseRunes(s))
	}
	if got, want := collapse(s), collapseRunes(s); got != want {
		t.Errorf("collapse(%q) = %q, want %q", s, got, want)
	}
	if got, want := ValidAction(s), len(s) <= 256 && actionRE().MatchString(s); got != want {
		t.Errorf("ValidAction(%q) = %v, actionRE %v", s, got, want)
	}
	if !mayHoldPlaceholder(s) && placeholderRE().MatchString(s) {
		t.Errorf("mayHoldPlaceholder(%q) = false, but placeholderRE matches", s)
	}
	if !gluedIsMay(s) && gluedIsRE().MatchString(s) {
		t.Errorf("gluedIsMay(%q) = false, but gluedIsRE matches", s)
	}
	for _, sp := range placeholderSpanREs() {
		if !sp.may(s) && sp.re.MatchString(s) {
			t.Errorf("%v may(%q) = false, but %v matches", sp.keys, s, sp.re)
		}
	}
}

// collapseRunes is collapse without its fast path.
func collapseRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func TestFastPathsAgree(t *testing.T) {
	texts := fastPathTexts(t)
	if len(texts) < 10_000 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, s := range texts {
		checkFastPaths(t, s)
		if t.Failed() {
			return
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, s := range fastPathEdges {
		f.Add(s)
	}
	f.Fuzz(checkFastPaths)
}

// auditMessages are messages of the shapes an organization audit generates
// (audit.RuleFor parses each distinct one): the sentences of denied
// restores of internal/synthorg's roles, n of them, each naming its role.
func auditMessages(n int) []string {
	shapes := []string{
		"User: arn:aws:sts::%[1]s:assumed-role/%[2]s/AWSBackup-%[2]s is not authorized to perform: iam:PassRole on resource: arn:aws:iam::%[1]s:role/app/%[2]s because no identity-based policy allows the iam:PassRole action",
		"User: arn:aws:sts::%[1]s:assumed-role/%[2]s/AWSBackup-%[2]s is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:%[1]s:instance/* because no identity-based policy allows the ec2:TerminateInstances action",
		"User: arn:aws:sts::%[1]s:assumed-role/%[2]s/AWSBackup-%[2]s is not authorized to perform: ec2:RunInstances because no identity-based policy allows the ec2:RunInstances action",
		"User: arn:aws:sts::%[1]s:assumed-role/%[2]s/AWSBackup-%[2]s is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:us-east-1:%[1]s:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:DescribeKey action",
		"User: arn:aws:sts::%[1]s:assumed-role/%[2]s/AWSBackup-%[2]s is not authorized to perform: backup:CopyIntoBackupVault on resource: arn:aws:backup:us-east-1:%[1]s:backup-vault:Central with an explicit deny in a service control policy",
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(shapes[i%len(shapes)], fmt.Sprintf("2000000%05d", i%97), fmt.Sprintf("svc-restore-%04d", i))
	}
	return out
}

// BenchmarkParseAuditMessages parses 100 of auditMessages.
func BenchmarkParseAuditMessages(b *testing.B) {
	msgs := auditMessages(100)
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			if _, err := Parse(m); err != nil {
				b.Fatal(err)
			}
		}
	}
}
