package i18n

// Messages of `denied audit` (ids "audit.*"): the summary, the causes and
// the findings of an account-wide restore audit.
func init() {
	register(map[string]map[Lang]string{
		"audit.title": {EN: "Restore audit: account %s", JA: "復元監査: アカウント %s", KO: "복원 감사: 계정 %s"},
		"audit.summary": { // recovery points, selections, failing
			EN: "%s recovery point(s) and %s backup selection(s) checked: %s would fail.",
			JA: "復旧ポイント %s 件とバックアップ選択 %s 件をチェックしました: %s 件が失敗します。",
			KO: "복구 지점 %s개와 백업 선택 %s개를 점검했습니다: %s개가 실패합니다.",
		},
		"audit.ok":                 {EN: "Every restore checked would succeed.", JA: "チェックした復元はすべて成功します。", KO: "점검한 모든 복원이 성공합니다."},
		"audit.no-caller":          {EN: "No --as CALLER_ARN: the caller's requests were not checked.", JA: "--as CALLER_ARN がないため、呼び出し元のリクエストはチェックしていません。", KO: "--as CALLER_ARN이 없어 호출자의 요청은 점검하지 않았습니다."},
		"audit.causes":             {EN: "Causes", JA: "原因", KO: "원인"},
		"audit.findings":           {EN: "Findings", JA: "検出事項", KO: "발견 사항"},
		"audit.col.rule":           {EN: "RULE", JA: "ルール", KO: "규칙"},
		"audit.col.action":         {EN: "ACTION", JA: "アクション", KO: "작업"},
		"audit.col.layer":          {EN: "LAYER", JA: "レイヤー", KO: "계층"},
		"audit.col.count":          {EN: "FAILING", JA: "失敗数", KO: "실패 수"},
		"audit.layer.error":        {EN: "could not be checked", JA: "チェック不能", KO: "점검 불가"},
		"audit.item.recoveryPoint": {EN: "Recovery point %s", JA: "復旧ポイント %s", KO: "복구 지점 %s"},
		"audit.item.selection":     {EN: "Backup selection %s", JA: "バックアップ選択 %s", KO: "백업 선택 %s"},
		"audit.operation":          {EN: "Operation: %s", JA: "操作: %s", KO: "작업: %s"},
		"audit.role":               {EN: "Restore role: %s (%s)", JA: "復元ロール: %s (%s)", KO: "복원 역할: %s(%s)"},
		"audit.role.none":          {EN: "Restore role: none found", JA: "復元ロール: 見つかりません", KO: "복원 역할: 찾지 못함"},
		"audit.selection-role":     {EN: "Selection role: %s", JA: "選択のロール: %s", KO: "선택의 역할: %s"},
		"audit.instance-role":      {EN: "Instance role passed to EC2: %s", JA: "EC2 に渡すインスタンスロール: %s", KO: "EC2에 전달하는 인스턴스 역할: %s"},
		"audit.role-source.flag":   {EN: "given with --role", JA: "--role で指定", KO: "--role로 지정"},
		"audit.role-source.recoveryPoint": {
			EN: "the recovery point's role", JA: "復旧ポイントのロール", KO: "복구 지점의 역할",
		},
		"audit.role-source.selection": {
			EN: "the role of the backup selection for its vault", JA: "ボールトを対象とするバックアップ選択のロール", KO: "볼트를 대상으로 하는 백업 선택의 역할",
		},
		"audit.role-source.defaultServiceRole": {
			EN: "the account's AWSBackupDefaultServiceRole", JA: "アカウントの AWSBackupDefaultServiceRole", KO: "계정의 AWSBackupDefaultServiceRole",
		},
		"audit.error": {EN: "Could not be checked: %s", JA: "チェックできませんでした: %s", KO: "점검할 수 없었습니다: %s"},
		"audit.denied": { // principal, action, resource, layer
			EN: "Denied: %s %s on %s (%s)",
			JA: "拒否: %s の %s (%s、%s)",
			KO: "거부: %s의 %s(%s, %s)",
		},
		"audit.aws-says":       {EN: "AWS says: %s", JA: "AWS のメッセージ: %s", KO: "AWS 메시지: %s"},
		"audit.fix":            {EN: "Fix (verified): %s", JA: "修正 (検証済み): %s", KO: "수정(검증됨): %s"},
		"audit.fix.unverified": {EN: "Fix (not verified): %s", JA: "修正 (未検証): %s", KO: "수정(검증되지 않음): %s"},
		"audit.more-detail":    {EN: "Run 'denied check restore --recovery-point ARN --role ROLE' for the policies and commands of a fix.", JA: "修正のポリシーとコマンドは 'denied check restore --recovery-point ARN --role ROLE' で表示できます。", KO: "수정의 정책과 명령은 'denied check restore --recovery-point ARN --role ROLE'로 볼 수 있습니다."},
		"audit.sarif.message": { // action, principal, resource, layer, item
			EN: "%s by %s on %s would be denied (%s): %s",
			JA: "%s (%s、%s) は拒否されます (%s): %s",
			KO: "%s(%s, %s)은(는) 거부됩니다(%s): %s",
		},
		"audit.sarif.error": {EN: "%s could not be checked: %s", JA: "%s はチェックできませんでした: %s", KO: "%s은(는) 점검할 수 없었습니다: %s"},
		"audit.sarif.rule":  {EN: "%s would be denied during an AWS Backup restore", JA: "AWS Backup の復元中に %s が拒否されます", KO: "AWS Backup 복원 중 %s이(가) 거부됩니다"},
		"audit.err.no-snapshot": {
			EN: "audit needs --snapshot FILE (an account snapshot, full or short form)",
			JA: "audit には --snapshot FILE (アカウントのスナップショット、完全形式または短縮形式) が必要です",
			KO: "audit에는 --snapshot FILE(계정 스냅샷, 전체 또는 축약 형식)이 필요합니다",
		},
		"audit.err.role": {EN: "--role %s is not in the snapshot", JA: "--role %s はスナップショットにありません", KO: "--role %s이(가) 스냅샷에 없습니다"},
	})
}
