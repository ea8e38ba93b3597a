package i18n

// Messages of `denied audit` (ids "audit.*"): the summary, the causes and
// the findings of an account-wide restore audit, the causes that leave an
// item unchecked, and the rule descriptions of SARIF.
func registerAudit(register func(map[string]tr)) {
	m := map[string]tr{
		"audit.title": {EN: "Restore audit: account %s", JA: "復元監査: アカウント %s", KO: "복원 감사: 계정 %s"},
		// The summary's counts of things, each in its singular or plural
		// (i18n.N: "1 recovery point", "2 recovery points"), then the
		// sentence that holds them.
		"audit.count.recovery-points":     {EN: "%s recovery points", JA: "復旧ポイント %s 件", KO: "복구 지점 %s개"},
		"audit.count.recovery-points.one": {EN: "%s recovery point", JA: "復旧ポイント %s 件", KO: "복구 지점 %s개"},
		"audit.count.selections":          {EN: "%s backup selections", JA: "バックアップ選択 %s 件", KO: "백업 선택 %s개"},
		"audit.count.selections.one":      {EN: "%s backup selection", JA: "バックアップ選択 %s 件", KO: "백업 선택 %s개"},
		"audit.count.copy-rules":          {EN: "%s copy rules", JA: "コピールール %s 件", KO: "복사 규칙 %s개"},
		"audit.count.copy-rules.one":      {EN: "%s copy rule", JA: "コピールール %s 件", KO: "복사 규칙 %s개"},
		"audit.count.unreadable":          {EN: "%s unreadable parts", JA: "スナップショットの読み取れなかった部分 %s 件", KO: "스냅샷에서 읽지 못한 부분 %s개"},
		"audit.count.unreadable.one":      {EN: "%s unreadable part", JA: "スナップショットの読み取れなかった部分 %s 件", KO: "스냅샷에서 읽지 못한 부분 %s개"},
		"audit.summary": { // recovery points, selections, unreadable parts (audit.count.*), passed, failed, unchecked
			EN: "%s, %s and %s of the snapshot: %s pass, %s would fail, %s could not be checked.",
			JA: "%s、%s、%s: 成功 %s 件、失敗 %s 件、チェック不能 %s 件。",
			KO: "%s, %s, %s: 성공 %s개, 실패 %s개, 점검 불가 %s개.",
		},
		"audit.summary.copy": { // recovery points, selections, copy rules, unreadable parts (audit.count.*), passed, failed, unchecked
			EN: "%s, %s, %s and %s of the snapshot: %s pass, %s would fail, %s could not be checked.",
			JA: "%s、%s、%s、%s: 成功 %s 件、失敗 %s 件、チェック不能 %s 件。",
			KO: "%s, %s, %s, %s: 성공 %s개, 실패 %s개, 점검 불가 %s개.",
		},
		"audit.summary.ignored":  {EN: "%s ignored (ignore file).", JA: "%s 件は無視しました (無視ファイル)。", KO: "%s개는 무시했습니다(무시 파일)."},
		"audit.summary.filtered": {EN: "%s below --severity.", JA: "%s 件は --severity の対象外です。", KO: "%s개는 --severity 대상이 아닙니다."},
		"audit.nothing":          {EN: "Nothing to audit: the snapshot has no recovery points, backup selections or copy rules, and no AWS Backup call was recorded as unreadable.", JA: "監査する対象がありません: スナップショットに復旧ポイント、バックアップ選択、コピールールがなく、読み取れなかった AWS Backup の呼び出しも記録されていません。", KO: "감사할 대상이 없습니다: 스냅샷에 복구 지점, 백업 선택, 복사 규칙이 없고 읽을 수 없었던 AWS Backup 호출도 기록되지 않았습니다."},
		"audit.ok": {
			EN: "Every restore checked would succeed against what the snapshot holds.",
			JA: "チェックした復元は、スナップショットの内容に照らしてすべて成功します。",
			KO: "점검한 모든 복원이 스냅샷의 내용에 비추어 성공합니다.",
		},
		// A clean audit whose items depend on facts no snapshot holds:
		// items (audit.to-verify.count.items), facts
		// (audit.to-verify.count.facts), and " (an S3 bucket policy
		// among them)" (audit.to-verify.bucket) or "". i18n.N on the
		// items.
		"audit.ok.to-verify": {
			EN: "Every restore checked would succeed against what the snapshot holds; %s depend on %s no snapshot holds%s, not verified: \"To verify\" lists each with the items it concerns (denied check restore --recovery-point ARN lists those of one restore).",
			JA: "チェックした復元は、スナップショットの内容に照らしてすべて成功します。%sが、スナップショットにない %s%sに依存し、それは確認していません: 「要確認」に事実ごとに関係する項目とともに一覧があります (1 つの復元については denied check restore --recovery-point ARN が一覧します)。",
			KO: "점검한 모든 복원이 스냅샷의 내용에 비추어 성공합니다. %s가 스냅샷에 없는 %s%s에 의존하며 이는 확인하지 않았습니다: \"확인 필요\"에 사실마다 관련 항목과 함께 목록이 있습니다(한 복원에 대해서는 denied check restore --recovery-point ARN이 목록을 보여 줍니다).",
		},
		"audit.ok.to-verify.one": {
			EN: "Every restore checked would succeed against what the snapshot holds; %s depends on %s no snapshot holds%s, not verified: \"To verify\" lists each with the item it concerns (denied check restore --recovery-point ARN lists those of one restore).",
			JA: "チェックした復元は、スナップショットの内容に照らしてすべて成功します。%sが、スナップショットにない %s%sに依存し、それは確認していません: 「要確認」に事実ごとに関係する項目とともに一覧があります (1 つの復元については denied check restore --recovery-point ARN が一覧します)。",
			KO: "점검한 모든 복원이 스냅샷의 내용에 비추어 성공합니다. %s가 스냅샷에 없는 %s%s에 의존하며 이는 확인하지 않았습니다: \"확인 필요\"에 사실마다 관련 항목과 함께 목록이 있습니다(한 복원에 대해서는 denied check restore --recovery-point ARN이 목록을 보여 줍니다).",
		},
		"audit.ok.to-verify.summary": { // as audit.ok.to-verify (--summary)
			EN: "Every restore checked would succeed against what the snapshot holds; %s depend on %s no snapshot holds%s, not verified: without --summary, \"To verify\" lists each with the items it concerns.",
			JA: "チェックした復元は、スナップショットの内容に照らしてすべて成功します。%sが、スナップショットにない %s%sに依存し、それは確認していません: --summary なしの場合、「要確認」に事実ごとに関係する項目とともに一覧があります。",
			KO: "점검한 모든 복원이 스냅샷의 내용에 비추어 성공합니다. %s가 스냅샷에 없는 %s%s에 의존하며 이는 확인하지 않았습니다: --summary 없이 실행하면 \"확인 필요\"에 사실마다 관련 항목과 함께 목록이 있습니다.",
		},
		"audit.ok.to-verify.summary.one": {
			EN: "Every restore checked would succeed against what the snapshot holds; %s depends on %s no snapshot holds%s, not verified: without --summary, \"To verify\" lists each with the item it concerns.",
			JA: "チェックした復元は、スナップショットの内容に照らしてすべて成功します。%sが、スナップショットにない %s%sに依存し、それは確認していません: --summary なしの場合、「要確認」に事実ごとに関係する項目とともに一覧があります。",
			KO: "점검한 모든 복원이 스냅샷의 내용에 비추어 성공합니다. %s가 스냅샷에 없는 %s%s에 의존하며 이는 확인하지 않았습니다: --summary 없이 실행하면 \"확인 필요\"에 사실마다 관련 항목과 함께 목록이 있습니다.",
		},
		"audit.to-verify.count.items":     {EN: "%s items", JA: "%s 件の項目", KO: "항목 %s개"},
		"audit.to-verify.count.items.one": {EN: "%s item", JA: "%s 件の項目", KO: "항목 %s개"},
		"audit.to-verify.count.facts":     {EN: "%s facts", JA: "%s 件の事実", KO: "사실 %s개"},
		"audit.to-verify.count.facts.one": {EN: "%s fact", JA: "%s 件の事実", KO: "사실 %s개"},
		"audit.to-verify.bucket":          {EN: " (an S3 bucket policy among them)", JA: " (S3 バケットポリシーを含む)", KO: "(S3 버킷 정책 포함)"},
		"audit.to-verify": { // condition kind, condition (SARIF, JUnit: one item's facts)
			EN: "To verify [%s]: %s", JA: "要確認 [%s]: %s", KO: "확인 필요 [%s]: %s",
		},
		// The section of text and Markdown that lists each distinct fact
		// to verify once, with the items it concerns.
		"audit.to-verify.title": {
			EN: "To verify (facts no snapshot holds, or circumstances not given)",
			JA: "要確認 (スナップショットにない事実、または指定されていない状況)",
			KO: "확인 필요(스냅샷에 없는 사실 또는 지정되지 않은 상황)",
		},
		"audit.to-verify.intro": { // items, facts (audit.to-verify.count.*); i18n.N on the items
			EN: "%s depend on %s, not verified (not a failure, nor a cause of could-not-check). Each fact is listed once, with the items it concerns (facts that concern the same items together):",
			JA: "%sが %sに依存します: 確認していませんが、失敗でもチェック不能の原因でもありません。事実ごとに 1 回、関係する項目とともに示します (同じ項目に関係する事実はまとめて示します):",
			KO: "%s가 %s에 의존합니다: 확인하지 않았지만 실패도 점검 불가의 원인도 아닙니다. 사실마다 한 번씩 관련 항목과 함께 보여 줍니다(같은 항목에 관련된 사실은 함께 보여 줍니다):",
		},
		"audit.to-verify.intro.one": {
			EN: "%s depends on %s, not verified (not a failure, nor a cause of could-not-check). Each fact is listed once, with the item it concerns:",
			JA: "%sが %sに依存します: 確認していませんが、失敗でもチェック不能の原因でもありません。事実ごとに 1 回、関係する項目とともに示します (同じ項目に関係する事実はまとめて示します):",
			KO: "%s가 %s에 의존합니다: 확인하지 않았지만 실패도 점검 불가의 원인도 아닙니다. 사실마다 한 번씩 관련 항목과 함께 보여 줍니다(같은 항목에 관련된 사실은 함께 보여 줍니다):",
		},
		"audit.to-verify.items":     {EN: "%s items concerned:", JA: "関係する項目 %s 件:", KO: "관련 항목 %s개:"},
		"audit.to-verify.items.one": {EN: "%s item concerned:", JA: "関係する項目 %s 件:", KO: "관련 항목 %s개:"},
		"audit.to-verify.more": {
			EN: "and %s more items (--format json gives every item's toVerify)",
			JA: "ほか %s 件の項目 (--format json で各項目の toVerify を出力します)",
			KO: "외 항목 %s개(--format json으로 각 항목의 toVerify를 출력합니다)",
		},
		"audit.to-verify.more.one": {
			EN: "and %s more item (--format json gives every item's toVerify)",
			JA: "ほか %s 件の項目 (--format json で各項目の toVerify を出力します)",
			KO: "외 항목 %s개(--format json으로 각 항목의 toVerify를 출력합니다)",
		},
		"audit.ok.suppressed": {
			EN: "Nothing reported would fail; the ignored and filtered items were not proven to succeed.",
			JA: "報告対象に失敗するものはありません。無視・除外した項目の成功は確認していません。",
			KO: "보고 대상 중 실패하는 것은 없습니다. 무시하거나 제외한 항목의 성공은 확인하지 않았습니다.",
		},
		"audit.not-proven": {
			EN: "Not proven: %s items could not be checked; the audit cannot tell whether those restores work (exit 4).",
			JA: "未確認: %s 件をチェックできなかったため、すべての復元が成功するとは言えません (終了コード 4)。",
			KO: "확인되지 않음: %s개를 점검할 수 없어 모든 복원이 성공한다고 할 수 없습니다(종료 코드 4).",
		},
		"audit.not-proven.one": {
			EN: "Not proven: %s item could not be checked; the audit cannot tell whether every restore works (exit 4).",
			JA: "未確認: %s 件をチェックできなかったため、すべての復元が成功するとは言えません (終了コード 4)。",
			KO: "확인되지 않음: %s개를 점검할 수 없어 모든 복원이 성공한다고 할 수 없습니다(종료 코드 4).",
		},
		"audit.no-caller": {EN: "No --as CALLER_ARN: the caller's requests were not checked.", JA: "--as CALLER_ARN がないため、呼び出し元のリクエストはチェックしていません。", KO: "--as CALLER_ARN이 없어 호출자의 요청은 점검하지 않았습니다."},
		"audit.causes":    {EN: "Causes", JA: "原因", KO: "원인"},
		"audit.causes.total": {
			EN: "Each item is counted under its first cause: %s would fail + %s could not be checked = %s items.",
			JA: "各項目は最初の原因で 1 回だけ数えています: 失敗 %s 件 + チェック不能 %s 件 = %s 件。",
			KO: "각 항목은 첫 번째 원인으로 한 번만 셉니다: 실패 %s개 + 점검 불가 %s개 = %s개.",
		},
		"audit.causes.total.one": {
			EN: "Each item is counted under its first cause: %s would fail + %s could not be checked = %s item.",
			JA: "各項目は最初の原因で 1 回だけ数えています: 失敗 %s 件 + チェック不能 %s 件 = %s 件。",
			KO: "각 항목은 첫 번째 원인으로 한 번만 셉니다: 실패 %s개 + 점검 불가 %s개 = %s개.",
		},
		"audit.findings":               {EN: "Findings", JA: "検出事項", KO: "발견 사항"},
		"audit.col.rule":               {EN: "RULE", JA: "ルール", KO: "규칙"},
		"audit.col.severity":           {EN: "SEVERITY", JA: "重大度", KO: "심각도"},
		"audit.col.result":             {EN: "RESULT", JA: "結果", KO: "결과"},
		"audit.col.action":             {EN: "ACTION", JA: "アクション", KO: "작업"},
		"audit.col.layer":              {EN: "LAYER", JA: "レイヤー", KO: "계층"},
		"audit.col.count":              {EN: "ITEMS", JA: "項目数", KO: "항목 수"},
		"audit.result.pass":            {EN: "pass", JA: "成功", KO: "성공"},
		"audit.result.fail":            {EN: "would fail", JA: "失敗", KO: "실패"},
		"audit.result.could-not-check": {EN: "could not be checked", JA: "チェック不能", KO: "점검 불가"},
		"audit.result.ignored":         {EN: "ignored", JA: "無視", KO: "무시"},
		"audit.result.filtered":        {EN: "below --severity", JA: "--severity 対象外", KO: "--severity 대상 아님"},
		"audit.item.recoveryPoint":     {EN: "Recovery point %s", JA: "復旧ポイント %s", KO: "복구 지점 %s"},
		// The organization summary's counts (i18n.N), then its sentences.
		"audit.org.count.items":          {EN: "%s items", JA: "%s 項目", KO: "항목 %s개"},
		"audit.org.count.items.one":      {EN: "%s item", JA: "%s 項目", KO: "항목 %s개"},
		"audit.org.count.accounts":       {EN: "%s accounts", JA: "%s アカウント", KO: "계정 %s개"},
		"audit.org.count.accounts.one":   {EN: "%s account", JA: "%s アカウント", KO: "계정 %s개"},
		"audit.org.count.copy-rules":     {EN: "%s copy rules", JA: "コピールール %s", KO: "복사 규칙 %s개"},
		"audit.org.count.copy-rules.one": {EN: "%s copy rule", JA: "コピールール %s", KO: "복사 규칙 %s개"},
		"audit.org.title":                {EN: "Organization audit: %s, %s audited, %s not audited", JA: "組織の監査: %s、監査済み %s、未監査 %s", KO: "조직 감사: %s, 감사 %s개, 미감사 %s개"}, // accounts (audit.org.count.accounts), audited, not audited
		"audit.org.summary":              {EN: "%s: %s would fail, %s could not be checked (%s).", JA: "%s: 失敗 %s、チェック不能 %s (%s)。", KO: "%s: 실패 %s개, 점검 불가 %s개(%s)."},  // items, failed, unchecked, copy rules (audit.org.count.*)
		"audit.org.cause":                {EN: "%s %s: %s in %s", JA: "%s %s: %s (%s)", KO: "%s %s: %s(%s)"},                                                           // rule, action, items, accounts (audit.org.count.*)
		"audit.org.cause.rule":           {EN: "%s: %s in %s", JA: "%s: %s (%s)", KO: "%s: %s(%s)"},                                                                    // rule, items, accounts (audit.org.count.*)
		"audit.org.not-audited":          {EN: "Account %s not audited (%s): %s", JA: "アカウント %s は監査されていません (%s): %s", KO: "계정 %s은(는) 감사되지 않았습니다(%s): %s"},
		"audit.item.copyRule":            {EN: "Copy rule %s", JA: "コピールール %s", KO: "복사 규칙 %s"},
		"audit.copy-condition":           {EN: "[%s] the copy would fail: %s", JA: "[%s] コピーは失敗します: %s", KO: "[%s] 복사가 실패합니다: %s"},
		"audit.item.selection":           {EN: "Backup selection %s", JA: "バックアップ選択 %s", KO: "백업 선택 %s"},
		"audit.item.snapshot":            {EN: "Snapshot: %s", JA: "スナップショット: %s", KO: "스냅샷: %s"},
		"audit.operation":                {EN: "Operation: %s", JA: "操作: %s", KO: "작업: %s"},
		"audit.role":                     {EN: "Restore role: %s (%s)", JA: "復元ロール: %s (%s)", KO: "복원 역할: %s(%s)"},
		"audit.role.none":                {EN: "Restore role: none found", JA: "復元ロール: 見つかりません", KO: "복원 역할: 찾지 못함"},
		"audit.selection-role":           {EN: "Selection role: %s", JA: "選択のロール: %s", KO: "선택의 역할: %s"},
		"audit.instance-role":            {EN: "Instance role passed to EC2: %s", JA: "EC2 に渡すインスタンスロール: %s", KO: "EC2에 전달하는 인스턴스 역할: %s"},
		"audit.role-source.flag":         {EN: "given with --role", JA: "--role で指定", KO: "--role로 지정"},
		"audit.role-source.recoveryPoint": {
			EN: "the recovery point's role", JA: "復旧ポイントのロール", KO: "복구 지점의 역할",
		},
		"audit.role-source.selection": {
			EN: "the role of the backup selection for its vault", JA: "ボールトを対象とするバックアップ選択のロール", KO: "볼트를 대상으로 하는 백업 선택의 역할",
		},
		"audit.role-source.selection-own": {EN: "the selection's role", JA: "バックアップ選択のロール", KO: "백업 선택의 역할"},
		"audit.role-source.defaultServiceRole": {
			EN: "the account's AWSBackupDefaultServiceRole", JA: "アカウントの AWSBackupDefaultServiceRole", KO: "계정의 AWSBackupDefaultServiceRole",
		},
		"audit.role-source.none": {EN: "none found", JA: "見つかりません", KO: "찾지 못함"},
		"audit.unchecked":        {EN: "Could not be checked [%s]: %s", JA: "チェック不能 [%s]: %s", KO: "점검 불가 [%s]: %s"},
		"audit.denied": { // rule, principal, action, resource, layer
			EN: "Denied [%s]: %s %s on %s (%s)",
			JA: "拒否 [%s]: %s の %s (%s、%s)",
			KO: "거부 [%s]: %s의 %s(%s, %s)",
		},
		"audit.key-state": { // rule, what decided it (key and state)
			EN: "[%s] a KMS key the operation uses is not enabled, and AWS KMS refuses every use of it: %s",
			JA: "[%s] 操作が使う KMS キーが有効ではなく、AWS KMS はその使用をすべて拒否します: %s",
			KO: "[%s] 작업이 사용하는 KMS 키가 활성화되어 있지 않아 AWS KMS가 그 사용을 모두 거부합니다: %s",
		},
		"audit.remedy": {EN: "Fix: %s", JA: "修正: %s", KO: "수정: %s"},
		"audit.sarif.copy-condition": { // condition, what decided it, item
			EN: "A condition of the copy fails (%s — %s): %s would fail.",
			JA: "コピーの条件が満たされません (%s — %s)。%s は失敗します。",
			KO: "복사 조건이 충족되지 않습니다(%s — %s). %s은(는) 실패합니다.",
		},
		"audit.sarif.key-state": { // what decided it (key and state), item
			EN: "A KMS key the operation uses is not enabled (%s): %s would fail.",
			JA: "操作が使う KMS キーが有効ではありません (%s)。%s は失敗します。",
			KO: "작업이 사용하는 KMS 키가 활성화되어 있지 않습니다(%s). %s은(는) 실패합니다.",
		},
		"audit.rule.kms.key-state": {
			EN: "A KMS key the operation uses is not enabled (disabled, pending deletion, pending import or unavailable)",
			JA: "操作が使う KMS キーが有効ではありません (無効、削除保留中、インポート保留中、または使用不可)",
			KO: "작업이 사용하는 KMS 키가 활성화되어 있지 않습니다(비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가)",
		},
		"audit.aws-says":       {EN: "AWS says: %s", JA: "AWS のメッセージ: %s", KO: "AWS 메시지: %s"},
		"audit.fix":            {EN: "Fix (verified): %s", JA: "修正 (検証済み): %s", KO: "수정(검증됨): %s"},
		"audit.fix.unverified": {EN: "Fix (not verified): %s", JA: "修正 (未検証): %s", KO: "수정(검증되지 않음): %s"},
		// A bad line of an --ignore-file (after "FILE:LINE: ").
		"audit.ignore.fields": { // fields on the line
			EN: "want RULE-ID RESOURCE EXPIRES REASON (a reason is required), got %s fields",
			JA: "RULE-ID RESOURCE EXPIRES REASON の形式で記述してください (理由は必須です)。フィールドは %s 個です",
			KO: "RULE-ID RESOURCE EXPIRES REASON 형식이어야 합니다(이유는 필수입니다). 필드가 %s개입니다",
		},
		"audit.ignore.fields.one": {
			EN: "want RULE-ID RESOURCE EXPIRES REASON (a reason is required), got %s field",
			JA: "RULE-ID RESOURCE EXPIRES REASON の形式で記述してください (理由は必須です)。フィールドは %s 個です",
			KO: "RULE-ID RESOURCE EXPIRES REASON 형식이어야 합니다(이유는 필수입니다). 필드가 %s개입니다",
		},
		"audit.ignore.expiry": {
			EN: "expiry %q is not a date YYYY-MM-DD",
			JA: "有効期限 %q は YYYY-MM-DD 形式の日付ではありません",
			KO: "만료일 %q은(는) YYYY-MM-DD 형식의 날짜가 아닙니다",
		},
		"audit.ignore.too-large": {
			EN: "the file is larger than %d MiB (the limit of an ignore file)",
			JA: "ファイルが %d MiB (無視ファイルの上限) を超えています",
			KO: "파일이 %d MiB(무시 파일의 한도)보다 큽니다",
		},
		"audit.ignore.line-too-long": {
			EN: "the line is longer than %d MiB (the limit of a line)",
			JA: "行が %d MiB (1 行の上限) を超えています",
			KO: "줄이 %d MiB(한 줄의 한도)보다 깁니다",
		},
		"audit.ignore.both-any": {
			EN: "an entry must name a rule ID or a resource (not both \"*\")",
			JA: "エントリにはルール ID かリソースを指定してください (両方を \"*\" にはできません)",
			KO: "항목에는 규칙 ID나 리소스를 지정해야 합니다(둘 다 \"*\"일 수는 없습니다)",
		},
		"audit.ignored-because": {EN: "(ignored: %s)", JA: "(無視: %s)", KO: "(무시: %s)"},
		"audit.below-severity":  {EN: "(below --severity)", JA: "(--severity 対象外)", KO: "(--severity 대상 아님)"},
		"audit.more-detail":     {EN: "Run 'denied check restore --recovery-point ARN --role ROLE' for the policies and commands of a fix.", JA: "修正のポリシーとコマンドは 'denied check restore --recovery-point ARN --role ROLE' で表示できます。", KO: "수정의 정책과 명령은 'denied check restore --recovery-point ARN --role ROLE'로 볼 수 있습니다."},
		"audit.sarif.message": { // action, principal, resource, layer, item
			EN: "%s by %s on %s would be denied (%s): %s.",
			JA: "%s (%s、%s) は拒否されます (%s)。対象: %s。",
			KO: "%s(%s, %s)은(는) 거부됩니다(%s). 대상: %s.",
		},
		"audit.sarif.truncated": {
			EN: "warning: %s SARIF results, more than GitHub code scanning accepts in a run: the %s most severe are written (the JSON report has them all)",
			JA: "警告: SARIF の結果が %s 件あり、GitHub のコードスキャンが 1 回の実行で受け付ける数を超えています。重大度の高い %s 件を書き出します (JSON レポートにはすべて含まれます)",
			KO: "경고: SARIF 결과가 %s개로 GitHub 코드 스캐닝이 한 실행에서 받는 수를 넘습니다. 심각도가 높은 %s개를 씁니다(JSON 보고서에는 모두 있습니다)",
		},
		"audit.sarif.role":      {EN: "role %s", JA: "ロール %s", KO: "역할 %s"},
		"audit.sarif.unchecked": {EN: "%s could not be checked: %s", JA: "%s はチェックできませんでした: %s", KO: "%s은(는) 점검할 수 없었습니다: %s"},
		// JUnit: the body of a <failure>, <error> or <skipped> element is
		// what GitLab shows (it ignores the message attribute), so each
		// says the cause, the fix and the facts to verify itself.
		"audit.junit.fix": { // policy kind (audit.policy-kind.*), what the fix changes
			EN: "Fix (verified), %s: %s", JA: "修正 (検証済み)、%s: %s", KO: "수정(검증됨), %s: %s",
		},
		"audit.junit.fix.unverified": {
			EN: "Fix (not verified), %s: %s", JA: "修正 (未検証)、%s: %s", KO: "수정(검증되지 않음), %s: %s",
		},
		"audit.junit.cli": {EN: "AWS CLI (runnable as it is):", JA: "AWS CLI (そのまま実行できます):", KO: "AWS CLI(그대로 실행할 수 있음):"},
		"audit.junit.cli.placeholders": { // the placeholders
			EN: "Its AWS CLI command needs %s, which the snapshot does not hold: 'denied check restore --recovery-point ARN --role ROLE' prints it with how to find each value.",
			JA: "AWS CLI コマンドにはスナップショットにない %s が必要です: 'denied check restore --recovery-point ARN --role ROLE' で、各値の調べ方とともに表示できます。",
			KO: "AWS CLI 명령에 스냅샷에 없는 %s이(가) 필요합니다: 'denied check restore --recovery-point ARN --role ROLE'로 각 값을 찾는 방법과 함께 볼 수 있습니다.",
		},
		"audit.junit.call-error": { // unreadable call, the error AWS returned
			EN: "%s returned: %s", JA: "%s のエラー: %s", KO: "%s 오류: %s",
		},
		// SARIF: each distinct fact group once, with the items it
		// concerns as the notification's locations.
		"audit.sarif.to-verify.group": { // items (audit.to-verify.count.items), the facts; i18n.N on the items
			EN: "To verify, facts no snapshot holds (not verified, not a failure), for %s (the locations): %s",
			JA: "要確認、スナップショットにない事実 (未確認、失敗ではありません)。対象は %s (位置を参照): %s",
			KO: "확인 필요, 스냅샷에 없는 사실(확인하지 않음, 실패 아님). 대상은 %s(위치 참고): %s",
		},
		// SARIF: the distinct fixes of a rule's results, once each, in
		// the rule's help; a result names its fix by reference.
		"audit.sarif.fixes": {EN: "Fixes of this run's results", JA: "この実行の結果の修正", KO: "이 실행 결과의 수정"},
		"audit.sarif.fix-ref": { // fix reference (fix-1)
			EN: "(%s: its command is in the rule's help)", JA: "(%s: コマンドはルールのヘルプにあります)", KO: "(%s: 명령은 규칙 도움말에 있습니다)",
		},
		// The kind of policy a fix changes (fix.TargetKind), as every
		// rendering names it (fix.PolicyKindID): the JSON report's
		// render.policyKind (in English), the JUnit and SARIF fix
		// summaries; "none" for a fix that changes no policy, as the
		// text and Markdown reports head it too.
		"audit.policy-kind.roleInlinePolicy": {
			EN: "identity-based policy (inline policy of an IAM role)", JA: "アイデンティティベースのポリシー (IAM ロールのインラインポリシー)", KO: "자격 증명 기반 정책(IAM 역할의 인라인 정책)",
		},
		"audit.policy-kind.userInlinePolicy": {
			EN: "identity-based policy (inline policy of an IAM user)", JA: "アイデンティティベースのポリシー (IAM ユーザーのインラインポリシー)", KO: "자격 증명 기반 정책(IAM 사용자의 인라인 정책)",
		},
		"audit.policy-kind.managedPolicy": {
			EN: "identity-based policy (customer managed policy)", JA: "アイデンティティベースのポリシー (カスタマー管理ポリシー)", KO: "자격 증명 기반 정책(고객 관리형 정책)",
		},
		"audit.policy-kind.managedPolicy.aws": {
			EN: "identity-based policy (AWS managed policy: a customer managed copy replaces it)", JA: "アイデンティティベースのポリシー (AWS 管理ポリシー: カスタマー管理のコピーで置き換えます)", KO: "자격 증명 기반 정책(AWS 관리형 정책: 고객 관리형 사본으로 대체합니다)",
		},
		"audit.policy-kind.identityPolicy": {
			EN: "identity-based policy (inline or managed)", JA: "アイデンティティベースのポリシー (インラインまたは管理)", KO: "자격 증명 기반 정책(인라인 또는 관리형)",
		},
		"audit.policy-kind.permissionsBoundary": {
			EN: "permissions boundary (managed policy)", JA: "アクセス許可の境界 (管理ポリシー)", KO: "권한 경계(관리형 정책)",
		},
		"audit.policy-kind.permissionsBoundary.aws": {
			EN: "permissions boundary (AWS managed policy: a customer managed copy replaces it)", JA: "アクセス許可の境界 (AWS 管理ポリシー: カスタマー管理のコピーで置き換えます)", KO: "권한 경계(AWS 관리형 정책: 고객 관리형 사본으로 대체합니다)",
		},
		"audit.policy-kind.sessionPolicy":            {EN: "session policy", JA: "セッションポリシー", KO: "세션 정책"},
		"audit.policy-kind.serviceControlPolicy":     {EN: "service control policy (SCP)", JA: "サービスコントロールポリシー (SCP)", KO: "서비스 제어 정책(SCP)"},
		"audit.policy-kind.resourceControlPolicy":    {EN: "resource control policy (RCP)", JA: "リソースコントロールポリシー (RCP)", KO: "리소스 제어 정책(RCP)"},
		"audit.policy-kind.kmsKeyPolicy":             {EN: "KMS key policy", JA: "KMS キーポリシー", KO: "KMS 키 정책"},
		"audit.policy-kind.trustPolicy":              {EN: "role trust policy", JA: "ロールの信頼ポリシー", KO: "역할 신뢰 정책"},
		"audit.policy-kind.backupVaultPolicy":        {EN: "AWS Backup vault access policy", JA: "AWS Backup ボールトのアクセスポリシー", KO: "AWS Backup 볼트 액세스 정책"},
		"audit.policy-kind.bucketPolicy":             {EN: "S3 bucket policy", JA: "S3 バケットポリシー", KO: "S3 버킷 정책"},
		"audit.policy-kind.lambdaFunctionPolicy":     {EN: "Lambda function policy (resource-based)", JA: "Lambda 関数ポリシー (リソースベース)", KO: "Lambda 함수 정책(리소스 기반)"},
		"audit.policy-kind.lambdaLayerVersionPolicy": {EN: "Lambda layer version policy (resource-based)", JA: "Lambda レイヤーバージョンポリシー (リソースベース)", KO: "Lambda 계층 버전 정책(리소스 기반)"},
		"audit.policy-kind.vpcEndpointPolicy":        {EN: "VPC endpoint policy", JA: "VPC エンドポイントポリシー", KO: "VPC 엔드포인트 정책"},
		"audit.policy-kind.resourcePolicy":           {EN: "resource-based policy", JA: "リソースベースのポリシー", KO: "리소스 기반 정책"},
		"audit.policy-kind.none":                     {EN: "no policy change: a change to the request", JA: "ポリシー変更なし: リクエストの変更", KO: "정책 변경 없음: 요청 변경"},
		"audit.rule.some-request": {
			EN: "A request the restore needs", JA: "復元に必要なリクエスト", KO: "복원에 필요한 요청",
		},
		"audit.rule.help.fail": {
			EN: "An AWS Backup restore (or the backup selection's role) needs this request and the account's policies, as the snapshot holds them, deny it. The result names the denying policy layer and a fix verified against the snapshot; 'denied check restore --recovery-point ARN --role ROLE' prints the policy and the commands. Ignore a finding you accept with an --ignore-file entry (rule ID, resource, expiry date, reason).",
			JA: "AWS Backup の復元 (またはバックアップ選択のロール) にこのリクエストが必要ですが、スナップショットにあるアカウントのポリシーが拒否します。結果には拒否したポリシーレイヤーと、スナップショットで検証した修正が示されます。'denied check restore --recovery-point ARN --role ROLE' でポリシーとコマンドを表示できます。受け入れる検出事項は --ignore-file のエントリ (ルール ID、リソース、期限、理由) で無視できます。",
			KO: "AWS Backup 복원(또는 백업 선택의 역할)에 이 요청이 필요하지만 스냅샷에 있는 계정의 정책이 거부합니다. 결과에는 거부한 정책 계층과 스냅샷으로 검증한 수정이 표시됩니다. 'denied check restore --recovery-point ARN --role ROLE'로 정책과 명령을 볼 수 있습니다. 받아들이는 발견 사항은 --ignore-file 항목(규칙 ID, 리소스, 만료일, 이유)으로 무시할 수 있습니다.",
		},
		"audit.rule.help.unchecked": {
			EN: "The snapshot does not hold what this result depends on, so denied cannot tell whether the restore works: it is reported as could-not-check (exit 4), never as success. Take the snapshot again with the missing permission (see 'denied check collect --as ARN'), or correct the name the snapshot does not know.",
			JA: "この結果が依存する情報がスナップショットにないため、復元が成功するか判断できません。成功ではなくチェック不能 (終了コード 4) として報告します。不足している権限を付けてスナップショットを取り直すか ('denied check collect --as ARN' を参照)、スナップショットにない名前を修正してください。",
			KO: "이 결과가 의존하는 정보가 스냅샷에 없어 복원이 성공할지 판단할 수 없습니다. 성공이 아니라 점검 불가(종료 코드 4)로 보고합니다. 부족한 권한으로 스냅샷을 다시 만들거나('denied check collect --as ARN' 참고), 스냅샷에 없는 이름을 고치세요.",
		},
		"audit.rule.severity": {EN: "Severity: %s.", JA: "重大度: %s。", KO: "심각도: %s."},
		"audit.rule.docs":     {EN: "denied audit: rules, severities and exit codes", JA: "denied audit: ルール、重大度、終了コード", KO: "denied audit: 규칙, 심각도, 종료 코드"},
		"audit.err.no-snapshot": {
			EN: "audit needs --snapshot FILE (an account snapshot, full or short form; - reads standard input) or --live (read the account itself, read-only)",
			JA: "audit には --snapshot FILE (アカウントのスナップショット、完全形式または短縮形式、- は標準入力) または --live (アカウント自体を読み取り専用で読む) が必要です",
			KO: "audit에는 --snapshot FILE(계정 스냅샷, 전체 또는 축약 형식, -는 표준 입력) 또는 --live(계정 자체를 읽기 전용으로 읽기)가 필요합니다",
		},
		"audit.ignore.expired": { // file:line, rule, resource, date
			EN: "warning: %s: the ignore entry for %s on %s expired on %s; it no longer ignores anything",
			JA: "警告: %s: %s (%s) の無視エントリは %s に期限切れになりました。もう何も無視しません",
			KO: "경고: %s: %s(%s)의 무시 항목이 %s에 만료되었습니다. 더 이상 아무것도 무시하지 않습니다",
		},

		// Causes that leave an item unchecked.
		"audit.gap.no-role": {
			EN: "no restore role: the recovery point names none, no backup selection covers its vault, and the snapshot has no AWSBackupDefaultServiceRole (give one with --role)",
			JA: "復元ロールがありません: 復旧ポイントにロールがなく、ボールトを対象とするバックアップ選択もなく、AWSBackupDefaultServiceRole もスナップショットにありません (--role で指定してください)",
			KO: "복원 역할이 없습니다: 복구 지점에 역할이 없고, 볼트를 대상으로 하는 백업 선택도 없으며, 스냅샷에 AWSBackupDefaultServiceRole도 없습니다(--role로 지정하세요)",
		},
		"audit.gap.unknown-role": { // role, source
			EN: "role %s (%s) is not in the snapshot", JA: "ロール %s (%s) はスナップショットにありません", KO: "역할 %s(%s)이(가) 스냅샷에 없습니다",
		},
		// --role and --as not in the snapshot, worded as check words them.
		"audit.gap.unknown-role.flag":         causeUnknownRole,                       // role, flag
		"audit.gap.unknown-role.flag.suggest": joinTr(causeUnknownRole, causeSuggest), // role, flag, likely role
		"audit.gap.unknown-principal.flag":    causeUnknownPrincipal,                  // principal, flag
		"audit.gap.unknown-role.suggest": { // role, source, likely role
			EN: "role %s (%s) is not in the snapshot; did you mean %s?", JA: "ロール %s (%s) はスナップショットにありません。%s のことですか?", KO: "역할 %s(%s)이(가) 스냅샷에 없습니다. %s을(를) 말씀하신 건가요?",
		},
		"audit.gap.unknown-vault": {
			EN: "vault %s is not in the snapshot", JA: "ボールト %s はスナップショットにありません", KO: "볼트 %s이(가) 스냅샷에 없습니다",
		},
		"audit.gap.unknown-vault.region": { // vault, the recovery point's Region, the Regions of same-named vaults
			EN: "vault %s is not in the snapshot in %s, the recovery point's Region; the vaults of that name in %s are other vaults",
			JA: "ボールト %s (復旧ポイントのリージョン %s) はスナップショットにありません。%s にある同名のボールトは別のボールトです",
			KO: "볼트 %s(복구 지점의 리전 %s)이(가) 스냅샷에 없습니다. %s에 있는 같은 이름의 볼트는 다른 볼트입니다",
		},
		"audit.gap.unknown-key": {
			EN: "KMS key %s is not in the snapshot", JA: "KMS キー %s はスナップショットにありません", KO: "KMS 키 %s이(가) 스냅샷에 없습니다",
		},
		"audit.gap.unknown-key-state": {
			EN: "the state of KMS key %s is not in the snapshot", JA: "KMS キー %s の状態はスナップショットにありません", KO: "KMS 키 %s의 상태가 스냅샷에 없습니다",
		},
		"audit.gap.unknown-key-policy": {
			EN: "the key policy of KMS key %s is not in the snapshot", JA: "KMS キー %s のキーポリシーはスナップショットにありません", KO: "KMS 키 %s의 키 정책이 스냅샷에 없습니다",
		},
		"audit.gap.unknown-instance-profile": {
			EN: "instance profile %s of the recovery point is not in the snapshot", JA: "復旧ポイントのインスタンスプロファイル %s はスナップショットにありません", KO: "복구 지점의 인스턴스 프로필 %s이(가) 스냅샷에 없습니다",
		},
		"audit.gap.unmapped-resource-type": {
			EN: "no restore operation is known for resource type %q", JA: "リソースタイプ %q の復元操作は不明です", KO: "리소스 유형 %q의 복원 작업을 알 수 없습니다",
		},
		"audit.gap.not-evaluated": {
			EN: "not evaluated: %s", JA: "評価できませんでした: %s", KO: "평가할 수 없었습니다: %s",
		},
		"audit.gap.copy-no-type": { // vault
			EN: "vault %s holds no recovery point: the resource types it will copy, and their requests, are not known", JA: "ボールト %s に復旧ポイントがありません: コピーされるリソースタイプとそのリクエストは不明です", KO: "볼트 %s에 복구 지점이 없습니다: 복사될 리소스 유형과 그 요청을 알 수 없습니다",
		},
		"audit.gap.setting-not-recorded": { // setting
			EN: "AWS Backup's organization setting %s is not in the organization snapshot: it holds no answer of backup:DescribeGlobalSettings naming it (written by an older denied or another tool); collect the organization again (denied collect --org)",
			JA: "AWS Backup の組織設定 %s は組織のスナップショットにありません: この設定を含む backup:DescribeGlobalSettings の応答がありません (古い denied または別のツールで作成されたもの)。組織を収集し直してください (denied collect --org)",
			KO: "AWS Backup 조직 설정 %s이(가) 조직 스냅샷에 없습니다: 이 설정이 담긴 backup:DescribeGlobalSettings 응답이 없습니다(이전 버전의 denied 또는 다른 도구로 작성됨). 조직을 다시 수집하십시오(denied collect --org)",
		},
		"audit.gap.org-accounts-unlisted": { // account, organization
			EN: "whether account %s is a member of organization %s is unknown: the snapshot does not list the organization's accounts (in the short form, list them in org.accounts)",
			JA: "アカウント %s が組織 %s のメンバーかどうかは不明です: スナップショットに組織のアカウント一覧がありません (短い形式では org.accounts に列挙してください)",
			KO: "계정 %s이(가) 조직 %s의 구성원인지 알 수 없습니다: 스냅샷에 조직의 계정 목록이 없습니다(짧은 형식에서는 org.accounts에 나열하십시오)",
		},
		"audit.gap.outside-snapshot": { // account, what
			EN: "%[2]s is a fact of account %[1]s, outside the snapshot: audit an organization snapshot (denied collect --org)", JA: "%[2]s はアカウント %[1]s の情報で、スナップショットの外にあります: 組織のスナップショット (denied collect --org) を監査してください", KO: "%[2]s은(는) 계정 %[1]s의 정보로 스냅샷 밖에 있습니다: 조직 스냅샷(denied collect --org)을 감사하십시오",
		},
		"audit.gap.resource-policy.may-deny": { // resource
			EN: "the snapshot does not hold the resource-based policy of %s (an S3 bucket policy, ...): it may deny requests the principal's policies allow",
			JA: "%s のリソースベースのポリシー (S3 のバケットポリシーなど) はスナップショットに含まれていません: プリンシパルのポリシーが許可するリクエストを拒否している可能性があります",
			KO: "%s의 리소스 기반 정책(S3 버킷 정책 등)은 스냅샷에 없습니다: 보안 주체의 정책이 허용하는 요청을 거부할 수 있습니다",
		},
		"audit.gap.resource-policy.may-allow": { // resource
			EN: "the snapshot does not hold the resource-based policy of %s (an S3 bucket policy, ...): within one account it may allow requests nothing of the principal's policies allows",
			JA: "%s のリソースベースのポリシー (S3 のバケットポリシーなど) はスナップショットに含まれていません: 同じアカウント内では、プリンシパルのポリシーが許可していないリクエストを許可している可能性があります",
			KO: "%s의 리소스 기반 정책(S3 버킷 정책 등)은 스냅샷에 없습니다: 같은 계정 안에서는 보안 주체의 정책이 허용하지 않는 요청을 허용할 수 있습니다",
		},
		"audit.gap.account-not-collected": { // account, why
			EN: "account %s is not in the organization snapshot (%s)", JA: "アカウント %s は組織のスナップショットにありません (%s)", KO: "계정 %s이(가) 조직 스냅샷에 없습니다(%s)",
		},
		"audit.gap.service-linked": { // action, resource
			EN: "%s on %s by the AWS Backup service-linked role is not evaluated", JA: "AWS Backup のサービスリンクロールによる %s (%s) は評価していません", KO: "AWS Backup 서비스 연결 역할의 %s(%s)은(는) 평가하지 않았습니다",
		},
	}
	// The snapshot's unreadable list: what it leaves unknown, and the call.
	for _, u := range []struct {
		id   string
		what [3]string
	}{
		{"unreadable-scps", [3]string{"SCPs unknown", "SCP が不明", "SCP를 알 수 없음"}},
		{"unreadable-iam", [3]string{"IAM roles and policies unknown", "IAM のロールとポリシーが不明", "IAM 역할과 정책을 알 수 없음"}},
		{"unreadable-kms", [3]string{"KMS keys or key policies unknown", "KMS キーまたはキーポリシーが不明", "KMS 키 또는 키 정책을 알 수 없음"}},
		{"unreadable-vaults", [3]string{"backup vaults and their access policies unknown", "バックアップボールトとアクセスポリシーが不明", "백업 볼트와 액세스 정책을 알 수 없음"}},
		{"unreadable-restore-metadata", [3]string{"the EC2 instance profile of the recovery point unknown", "復旧ポイントの EC2 インスタンスプロファイルが不明", "복구 지점의 EC2 인스턴스 프로필을 알 수 없음"}},
		{"unreadable-recovery-points", [3]string{"recovery points unknown (the snapshot may lack some)", "復旧ポイントが不明 (スナップショットにないものがある可能性があります)", "복구 지점을 알 수 없음(스냅샷에 없는 것이 있을 수 있음)"}},
		{"unreadable-selections", [3]string{"backup plans and selections unknown (the snapshot may lack some)", "バックアッププランと選択が不明 (スナップショットにないものがある可能性があります)", "백업 계획과 선택을 알 수 없음(스냅샷에 없는 것이 있을 수 있음)"}},
		{"unreadable", [3]string{"part of the account unknown", "アカウントの一部が不明", "계정의 일부를 알 수 없음"}},
	} {
		m["audit.gap."+u.id+".denied"] = tr{
			EN: u.what[0] + ": %s was denied when the snapshot was taken",
			JA: u.what[1] + ": スナップショット取得時に %s が拒否されました",
			KO: u.what[2] + ": 스냅샷을 만들 때 %s이(가) 거부되었습니다",
		}
		m["audit.gap."+u.id+".failed"] = tr{
			EN: u.what[0] + ": %s failed when the snapshot was taken (%s)",
			JA: u.what[1] + ": スナップショット取得時に %s が失敗しました (%s)",
			KO: u.what[2] + ": 스냅샷을 만들 때 %s이(가) 실패했습니다(%s)",
		}
		m["audit.rule.unchecked."+u.id] = tr{
			EN: u.what[0] + ": a call the collector makes failed, so results that depend on it could not be checked",
			JA: u.what[1] + ": 収集時の呼び出しが失敗したため、それに依存する結果はチェックできません",
			KO: u.what[2] + ": 수집 시 호출이 실패하여 이에 의존하는 결과는 점검할 수 없습니다",
		}
	}
	for id, s := range map[string][3]string{
		"no-role":                  {"No restore role could be chosen", "復元ロールを選べません", "복원 역할을 고를 수 없습니다"},
		"unknown-role":             {"A role the restore uses is not in the snapshot", "復元で使うロールがスナップショットにありません", "복원에 쓰는 역할이 스냅샷에 없습니다"},
		"unknown-vault":            {"The recovery point's vault is not in the snapshot", "復旧ポイントのボールトがスナップショットにありません", "복구 지점의 볼트가 스냅샷에 없습니다"},
		"unknown-key":              {"The recovery point's KMS key is not in the snapshot", "復旧ポイントの KMS キーがスナップショットにありません", "복구 지점의 KMS 키가 스냅샷에 없습니다"},
		"unknown-key-policy":       {"The KMS key policy is not in the snapshot", "KMS キーポリシーがスナップショットにありません", "KMS 키 정책이 스냅샷에 없습니다"},
		"unknown-instance-profile": {"The EC2 instance profile is not in the snapshot", "EC2 インスタンスプロファイルがスナップショットにありません", "EC2 인스턴스 프로필이 스냅샷에 없습니다"},
		"unknown-principal":        {"A principal is not in the snapshot", "プリンシパルがスナップショットにありません", "보안 주체가 스냅샷에 없습니다"},
		"unmapped-resource-type":   {"No restore operation is known for the resource type", "リソースタイプの復元操作が不明です", "리소스 유형의 복원 작업을 알 수 없습니다"},
		"resource-policy":          {"A resource-based policy is not in the snapshot", "リソースベースのポリシーがスナップショットにありません", "리소스 기반 정책이 스냅샷에 없습니다"},
		"not-evaluated":            {"A request could not be evaluated", "リクエストを評価できませんでした", "요청을 평가할 수 없었습니다"},
		"service-linked-role":      {"A service-linked role request is not evaluated", "サービスリンクロールのリクエストは評価していません", "서비스 연결 역할 요청은 평가하지 않았습니다"},
	} {
		m["audit.rule.unchecked."+id] = tr{EN: s[0], JA: s[1], KO: s[2]}
	}
	register(m)
}
