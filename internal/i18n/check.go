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
		"preflight.summary.skipped": {EN: "Not counted: %s request(s) that apply only in circumstances not given.", JA: "集計外: 指定されていない場合にのみ適用されるリクエスト %s 件。", KO: "집계 제외: 지정되지 않은 경우에만 적용되는 요청 %s개."},
		"preflight.ok":              {EN: "Every checked request would be allowed.", JA: "チェックしたリクエストはすべて許可されます。", KO: "점검한 모든 요청이 허용됩니다."},
		"preflight.denied":          {EN: "%s request(s) would be denied.", JA: "%s 件のリクエストが拒否されます。", KO: "%s개 요청이 거부됩니다."},
		"preflight.error":           {EN: "The operation could not be checked: %s", JA: "この操作はチェックできませんでした: %s", KO: "이 작업을 점검할 수 없었습니다: %s"},

		"preflight.unchecked": {
			EN: "%s request(s) could not be checked: the operation is not proven to work.",
			JA: "%s 件のリクエストをチェックできませんでした: この操作が成功するとは確認できていません。",
			KO: "%s개 요청을 점검할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		"preflight.unchecked.also": {EN: "%s more could not be checked.", JA: "さらに %s 件はチェックできませんでした。", KO: "추가로 %s개는 점검할 수 없었습니다."},
		"preflight.causes":         {EN: "Could not check", JA: "チェックできなかった理由", KO: "점검할 수 없었던 이유"},
		"preflight.cause.unknownPrincipal": { // principal, flag
			EN: "Principal %s (%s) is not in the snapshot.",
			JA: "プリンシパル %s (%s) がスナップショットにありません。",
			KO: "보안 주체 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownRole": {
			EN: "Role %s (%s) is not in the snapshot.",
			JA: "ロール %s (%s) がスナップショットにありません。",
			KO: "역할 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownVault": {
			EN: "Backup vault %s (%s) is not in the snapshot.",
			JA: "バックアップボールト %s (%s) がスナップショットにありません。",
			KO: "백업 볼트 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownKey": {
			EN: "KMS key %s (%s) is not in the snapshot.",
			JA: "KMS キー %s (%s) がスナップショットにありません。",
			KO: "KMS 키 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownInstanceProfile": {
			EN: "Instance profile %s (%s) is not in the snapshot or has no role.",
			JA: "インスタンスプロファイル %s (%s) がスナップショットにないか、ロールがありません。",
			KO: "인스턴스 프로파일 %s(%s)이(가) 스냅샷에 없거나 역할이 없습니다.",
		},
		"preflight.cause.unreadable": { // what, api
			EN: "%s unknown: %s was denied when the snapshot was taken.",
			JA: "%s は不明です: スナップショット取得時に %s が拒否されました。",
			KO: "%s을(를) 알 수 없습니다: 스냅샷을 만들 때 %s이(가) 거부되었습니다.",
		},
		"preflight.cause.missingParameter": {EN: "Missing %s.", JA: "%s が指定されていません。", KO: "%s이(가) 지정되지 않았습니다."},
		"preflight.cause.evaluationError":  {EN: "The engine could not evaluate a request: %s", JA: "エンジンがリクエストを評価できませんでした: %s", KO: "엔진이 요청을 평가할 수 없었습니다: %s"},
		"preflight.cause.suggest":          {EN: "Did you mean %s?", JA: "%s のことですか?", KO: "%s을(를) 의미했습니까?"},

		"preflight.cause.short.unknownPrincipal":       {EN: "principal not in the snapshot", JA: "プリンシパルがスナップショットにない", KO: "보안 주체가 스냅샷에 없음"},
		"preflight.cause.short.unknownRole":            {EN: "role not in the snapshot", JA: "ロールがスナップショットにない", KO: "역할이 스냅샷에 없음"},
		"preflight.cause.short.unknownVault":           {EN: "vault not in the snapshot", JA: "ボールトがスナップショットにない", KO: "볼트가 스냅샷에 없음"},
		"preflight.cause.short.unknownKey":             {EN: "key not in the snapshot", JA: "キーがスナップショットにない", KO: "키가 스냅샷에 없음"},
		"preflight.cause.short.unknownInstanceProfile": {EN: "instance profile not in the snapshot", JA: "インスタンスプロファイルがスナップショットにない", KO: "인스턴스 프로파일이 스냅샷에 없음"},
		"preflight.cause.short.unreadable":             {EN: "snapshot could not read a policy", JA: "スナップショットがポリシーを読めなかった", KO: "스냅샷이 정책을 읽지 못함"},
		"preflight.cause.short.missingParameter":       {EN: "missing parameter", JA: "パラメータ不足", KO: "매개변수 누락"},
		"preflight.cause.short.evaluationError":        {EN: "evaluation error", JA: "評価エラー", KO: "평가 오류"},

		"preflight.hidden.iam":             {EN: "IAM users, roles and their policies", JA: "IAM ユーザー、ロールとそのポリシー", KO: "IAM 사용자, 역할 및 정책"},
		"preflight.hidden.organization":    {EN: "The organization (its SCPs and RCPs)", JA: "組織 (SCP と RCP)", KO: "조직(SCP 및 RCP)"},
		"preflight.hidden.scps":            {EN: "SCPs", JA: "SCP", KO: "SCP"},
		"preflight.hidden.kmsKeys":         {EN: "KMS keys", JA: "KMS キー", KO: "KMS 키"},
		"preflight.hidden.keyPolicies":     {EN: "KMS key policies", JA: "KMS キーポリシー", KO: "KMS 키 정책"},
		"preflight.hidden.backupVaults":    {EN: "Backup vaults", JA: "バックアップボールト", KO: "백업 볼트"},
		"preflight.hidden.vaultDetails":    {EN: "Backup vault details (key, Vault Lock)", JA: "バックアップボールトの詳細 (キー、Vault Lock)", KO: "백업 볼트 세부 정보(키, Vault Lock)"},
		"preflight.hidden.vaultPolicies":   {EN: "Backup vault access policies", JA: "バックアップボールトのアクセスポリシー", KO: "백업 볼트 액세스 정책"},
		"preflight.hidden.recoveryPoints":  {EN: "Recovery points", JA: "復旧ポイント", KO: "복구 지점"},
		"preflight.hidden.restoreMetadata": {EN: "Restore metadata", JA: "復元メタデータ", KO: "복원 메타데이터"},
		"preflight.hidden.backupPlans":     {EN: "Backup plans and selections", JA: "バックアッププランと選択", KO: "백업 계획 및 선택"},
		"preflight.verdict.CouldNotCheck":  {EN: "could not check", JA: "チェック不能", KO: "점검 불가"},
		"preflight.note.what-if": { // parameter, value
			EN: "What-if: %s is a representative value (%s), not an existing resource; policies scoped to specific resources may decide differently.",
			JA: "仮定: %s は代表値 (%s) で、実在するリソースではありません。特定のリソースに限定したポリシーでは判定が異なる場合があります。",
			KO: "가정: %s은(는) 대표 값(%s)이며 실제 리소스가 아닙니다. 특정 리소스로 한정된 정책에서는 판정이 다를 수 있습니다.",
		},

		"preflight.list.title":         {EN: "Operations denied check knows", JA: "denied check が扱う操作", KO: "denied check가 다루는 작업"},
		"preflight.list.aliases":       {EN: "Short names: %s.", JA: "短縮名: %s。", KO: "짧은 이름: %s."},
		"preflight.list.decided":       {EN: "Conditions decided from a snapshot: %s of %s (the rest are listed to verify).", JA: "スナップショットから判定する条件: %s / %s (残りは要確認として表示)。", KO: "스냅샷으로 판정하는 조건: %s/%s(나머지는 확인 필요로 표시)."},
		"preflight.list.types":         {EN: "Resource types (--resource-type accepts any of these, in any case):", JA: "リソースタイプ (--resource-type は大文字小文字を問わずいずれも可):", KO: "리소스 유형(--resource-type은 대소문자 구분 없이 모두 허용):"},
		"preflight.list.col.operation": {EN: "OPERATION", JA: "操作", KO: "작업"},
		"preflight.list.col.type":      {EN: "RESOURCE TYPE", JA: "リソースタイプ", KO: "리소스 유형"},
		"preflight.list.col.requests":  {EN: "IAM REQUESTS", JA: "IAM リクエスト", KO: "IAM 요청"},
		"preflight.list.col.decided":   {EN: "CONDITIONS DECIDED/LISTED", JA: "判定する条件/全条件", KO: "판정 조건/전체 조건"},
		"preflight.list.col.flags":     {EN: "FLAGS", JA: "フラグ", KO: "플래그"},
		"preflight.list.col.aws":       {EN: "AWS BACKUP VALUE", JA: "AWS Backup の値", KO: "AWS Backup 값"},
		"preflight.list.col.aliases":   {EN: "ALSO", JA: "別名", KO: "별칭"},
		"preflight.note.instance-profile.given": { // profile, role
			EN: "Instance profile %s carries role %s, which the restore role passes to EC2.",
			JA: "インスタンスプロファイル %s はロール %s を持ち、復元ロールがそれを EC2 に渡します。",
			KO: "인스턴스 프로파일 %s은(는) 역할 %s을(를) 가지며, 복원 역할이 이를 EC2에 전달합니다.",
		},

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
		"preflight.verdict.Skipped":      {EN: "not applicable", JA: "対象外", KO: "해당 없음"},
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
