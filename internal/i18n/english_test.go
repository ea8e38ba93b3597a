package i18n

import (
	"sort"
	"testing"
)

// No Japanese or Korean message of the catalog holds an English
// sentence (what EnglishIn calls one), whatever fills its arguments.
func TestCatalogHasNoEnglish(t *testing.T) {
	ids := IDs()
	sort.Strings(ids)
	for _, id := range ids {
		for _, l := range []Lang{JA, KO} {
			if e := EnglishIn(l, verb().ReplaceAllString(Text(l, id), "X")); len(e) > 0 {
				t.Errorf("%s (%s): English %q in %q", id, l, e, Text(l, id))
			}
		}
	}
	// It can fail.
	if e := EnglishIn(JA, "ロール X は the restore role を渡せません"); len(e) == 0 {
		t.Error("EnglishIn found no English in a Japanese sentence holding some")
	}
}

// A product name with "for" in it and an AWS CLI command with its options
// are not English prose; English words around them still are.
func TestEnglishInNamesAndCommands(t *testing.T) {
	for _, tt := range []struct {
		text    string
		english bool
	}{
		{"Amazon Managed Service for Apache Flink のセッションが拒否しました", false},
		{"値の調べ方: aws sts get-caller-identity --query Account --output text", false},
		{"値の調べ方: aws iam list-users --query 'Users[].[UserName,Arn]' --output text", false},
		{"  --query DecodedMessage --output text | denied explain -", false},
		{"for Apache Flink(Kinesis Data Analytics)가 만든 것입니다", false},
		{"Amazon Managed Service for the restore role を確認", true},
		{"aws sts get-caller-identity を実行し、Account を確認", true},
		{"ロール X は passes no role を渡せません", true},
	} {
		if got := EnglishIn(JA, tt.text); (len(got) > 0) != tt.english {
			t.Errorf("EnglishIn(%q) = %q, want English: %v", tt.text, got, tt.english)
		}
	}
}
