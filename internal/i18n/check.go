package i18n

// Messages of `denied check` (ids "preflight.*"): the summary, the table,
// the failures and the notes of a preflight report.
func init() {
	register(map[string]map[Lang]string{
		"preflight.title": {EN: "Check: %s", JA: "チェック: %s", KO: "점검: %s"},
		"preflight.summary": { // passed, total
			EN: "%s of %s requirements pass.",
			JA: "%s / %s 件の要件を満たしています。",
			KO: "%s/%s개 요건을 충족합니다.",
		},
		"preflight.summary.skipped": {EN: "%s not checked (see the notes).", JA: "%s 件は未チェックです (補足を参照)。", KO: "%s개는 점검하지 않았습니다(참고 참조)."},
		"preflight.ok":              {EN: "Every checked request would be allowed.", JA: "チェックしたリクエストはすべて許可されます。", KO: "점검한 모든 요청이 허용됩니다."},
		"preflight.denied":          {EN: "%s request(s) would be denied.", JA: "%s 件のリクエストが拒否されます。", KO: "%s개 요청이 거부됩니다."},
		"preflight.error":           {EN: "The operation could not be checked: %s", JA: "この操作はチェックできませんでした: %s", KO: "이 작업을 점검할 수 없었습니다: %s"},

		"preflight.col.principal": {EN: "PRINCIPAL", JA: "プリンシパル", KO: "보안 주체"},
		"preflight.col.action":    {EN: "ACTION", JA: "アクション", KO: "작업"},
		"preflight.col.resource":  {EN: "RESOURCE", JA: "リソース", KO: "리소스"},
		"preflight.col.verdict":   {EN: "VERDICT", JA: "判定", KO: "판정"},
		"preflight.col.layer":     {EN: "LAYER", JA: "レイヤー", KO: "계층"},

		"preflight.principal.caller":            {EN: "caller", JA: "呼び出し元", KO: "호출자"},
		"preflight.principal.jobRole":           {EN: "job role", JA: "ジョブロール", KO: "작업 역할"},
		"preflight.principal.serviceLinkedRole": {EN: "service-linked role", JA: "サービスリンクロール", KO: "서비스 연결 역할"},
		"preflight.principal.service":           {EN: "AWS Backup (trust)", JA: "AWS Backup (信頼)", KO: "AWS Backup(신뢰)"},

		"preflight.verdict.Allowed":      {EN: "allowed", JA: "許可", KO: "허용"},
		"preflight.verdict.ImplicitDeny": {EN: "implicit deny", JA: "暗黙的な拒否", KO: "암시적 거부"},
		"preflight.verdict.ExplicitDeny": {EN: "explicit deny", JA: "明示的な拒否", KO: "명시적 거부"},
		"preflight.verdict.Skipped":      {EN: "not checked", JA: "未チェック", KO: "점검 안 함"},
		"preflight.verdict.Error":        {EN: "error", JA: "エラー", KO: "오류"},

		"preflight.failure": { // n, principal, action, resource
			EN: "Denied %s: %s %s on %s",
			JA: "拒否 %s: %s の %s (%s)",
			KO: "거부 %s: %s의 %s(%s)",
		},
		"preflight.aws-says":      {EN: "AWS says:", JA: "AWS のメッセージ:", KO: "AWS 메시지:"},
		"preflight.deciding":      {EN: "Deciding statement: %s", JA: "判定を決めたステートメント: %s", KO: "판정을 결정한 문: %s"},
		"preflight.deciding.none": {EN: "Deciding layer: %s (no statement allows the request)", JA: "判定を決めたレイヤー: %s (リクエストを許可するステートメントがありません)", KO: "판정을 결정한 계층: %s(요청을 허용하는 문이 없음)"},
		"preflight.no-fix":        {EN: "No fix could be planned: %s", JA: "修正を計画できませんでした: %s", KO: "수정을 계획할 수 없었습니다: %s"},
		"preflight.to-verify":     {EN: "To verify (conditions the engine does not decide)", JA: "要確認 (エンジンが判定しない条件)", KO: "확인 필요(엔진이 판정하지 않는 조건)"},
		"preflight.when":          {EN: "(when: %s)", JA: "(条件: %s)", KO: "(조건: %s)"},

		"preflight.note.no-caller": {
			EN: "No --as PRINCIPAL_ARN: the caller's requests were not checked.",
			JA: "--as PRINCIPAL_ARN がないため、呼び出し元のリクエストはチェックしていません。",
			KO: "--as PRINCIPAL_ARN이 없어 호출자의 요청은 점검하지 않았습니다.",
		},
		"preflight.note.no-role": {
			EN: "No --role ARN: the job role's requests were not checked.",
			JA: "--role ARN がないため、ジョブロールのリクエストはチェックしていません。",
			KO: "--role ARN이 없어 작업 역할의 요청은 점검하지 않았습니다.",
		},
		"preflight.note.instance-profile": { // profile, role
			EN: "The recovery point's restore metadata names the instance profile %s; its role %s is passed to EC2 (use --instance-role none to restore without it).",
			JA: "復旧ポイントの復元メタデータにインスタンスプロファイル %s が記録されています。そのロール %s が EC2 に渡されます (なしで復元するには --instance-role none)。",
			KO: "복구 지점의 복원 메타데이터에 인스턴스 프로파일 %s이(가) 기록되어 있습니다. 그 역할 %s이(가) EC2에 전달됩니다(없이 복원하려면 --instance-role none).",
		},
		"preflight.skip.no-caller":         {EN: "no caller given (--as)", JA: "呼び出し元の指定なし (--as)", KO: "호출자 지정 없음(--as)"},
		"preflight.skip.no-role":           {EN: "job role not in the snapshot", JA: "ジョブロールがスナップショットにない", KO: "작업 역할이 스냅샷에 없음"},
		"preflight.skip.service-linked":    {EN: "service-linked role not checked", JA: "サービスリンクロールは未チェック", KO: "서비스 연결 역할은 점검 안 함"},
		"preflight.skip.when":              {EN: "applies only in some cases", JA: "特定の場合のみ適用", KO: "일부 경우에만 적용"},
		"preflight.skip.unknown-principal": {EN: "principal not in the snapshot", JA: "プリンシパルがスナップショットにない", KO: "보안 주체가 스냅샷에 없음"},

		"preflight.err.no-snapshot": {
			EN: "checking against a live account is not available yet: pass --snapshot FILE (an account snapshot; 'denied collect' will write one from a live account later)",
			JA: "稼働中のアカウントに対するチェックはまだ利用できません: --snapshot FILE (アカウントのスナップショット) を指定してください (稼働中のアカウントからは、今後 'denied collect' で作成できるようになります)",
			KO: "실제 계정에 대한 점검은 아직 지원하지 않습니다: --snapshot FILE(계정 스냅샷)을 지정하세요(실제 계정의 스냅샷은 나중에 'denied collect'로 만들 수 있습니다)",
		},
	})
}
