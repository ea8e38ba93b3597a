package i18n

// Messages of `denied check` (ids "preflight.*"): the summary, the table,
// the failures and the notes of a preflight report.
// The causes check reports of a principal or role not in the snapshot, and
// its "did you mean": audit words its --as and --role alike.
var (
	causeUnknownPrincipal = tr{
		EN: "Principal %s (%s) is not in the snapshot.",
		JA: "プリンシパル %s (%s) がスナップショットにありません。",
		KO: "보안 주체 %s(%s)이(가) 스냅샷에 없습니다.",
	}
	causeUnknownRole = tr{
		EN: "Role %s (%s) is not in the snapshot.",
		JA: "ロール %s (%s) がスナップショットにありません。",
		KO: "역할 %s(%s)이(가) 스냅샷에 없습니다.",
	}
	causeSuggest = tr{EN: "Did you mean %s?", JA: "%s のことですか?", KO: "%s을(를) 의미했습니까?"}
)

// joinTr is a then b, in each language, as check joins a cause and its
// suggestion.
func joinTr(a, b tr) tr {
	return tr{EN: a.EN + " " + b.EN, JA: a.JA + " " + b.JA, KO: a.KO + " " + b.KO}
}

func registerCheck(register func(map[string]tr)) {
	register(map[string]tr{
		"preflight.rule": {
			EN: "Rule: %s (the same ID denied explain and denied audit give)",
			JA: "ルール: %s (denied explain と denied audit でも同じ ID)",
			KO: "규칙: %s (denied explain 및 denied audit와 같은 ID)",
		},
		"preflight.title": {EN: "Check: %s", JA: "チェック: %s", KO: "점검: %s"},
		"preflight.summary": { // passed, total
			EN: "%s of %s requirements pass.",
			JA: "%s / %s 件の要件を満たしています。",
			KO: "%s/%s개 요건을 충족합니다.",
		},
		"preflight.summary.skipped":     {EN: "Not counted: %s requests that apply only in circumstances not given.", JA: "集計外: 指定されていない場合にのみ適用されるリクエスト %s 件。", KO: "집계 제외: 지정되지 않은 경우에만 적용되는 요청 %s개."},
		"preflight.summary.skipped.one": {EN: "Not counted: %s request that applies only in circumstances not given.", JA: "集計外: 指定されていない場合にのみ適用されるリクエスト %s 件。", KO: "집계 제외: 지정되지 않은 경우에만 적용되는 요청 %s개."},
		"preflight.ok":                  {EN: "Every checked request would be allowed.", JA: "チェックしたリクエストはすべて許可されます。", KO: "점검한 모든 요청이 허용됩니다."},
		"preflight.denied":              {EN: "%s requests would be denied.", JA: "%s 件のリクエストが拒否されます。", KO: "%s개 요청이 거부됩니다."},
		"preflight.denied.one":          {EN: "%s request would be denied.", JA: "%s 件のリクエストが拒否されます。", KO: "%s개 요청이 거부됩니다."},
		"preflight.error":               {EN: "The operation could not be checked: %s", JA: "この操作はチェックできませんでした: %s", KO: "이 작업을 점검할 수 없었습니다: %s"},

		"preflight.ignored-flag": { // flag, operation
			EN: "%s is not used by %s: ignored.",
			JA: "%s は %s では使われません: 無視しました。",
			KO: "%s은(는) %s에서 사용되지 않습니다: 무시했습니다.",
		},
		"preflight.unchecked": {
			EN: "%s requests could not be checked: the operation is not proven to work.",
			JA: "%s 件のリクエストをチェックできませんでした: この操作が成功するとは確認できていません。",
			KO: "%s개 요청을 점검할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		"preflight.unchecked.one": {
			EN: "%s request could not be checked: the operation is not proven to work.",
			JA: "%s 件のリクエストをチェックできませんでした: この操作が成功するとは確認できていません。",
			KO: "%s개 요청을 점검할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		// Every request was evaluated, none denied; what is unknown is a
		// condition of the operation (a fact of the snapshot it depends on),
		// not a request: the summary says so and lists each with its cause.
		"preflight.unchecked.conditions": {
			EN: "Every request was checked and none would be denied, but %s conditions of the operation could not be decided: the operation is not proven to work.",
			JA: "すべてのリクエストをチェックし、拒否されるものはありませんが、操作の条件 %s 件を判定できませんでした: この操作が成功するとは確認できていません。",
			KO: "모든 요청을 점검했고 거부되는 요청은 없지만 작업의 조건 %s개를 판정할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		"preflight.unchecked.conditions.one": {
			EN: "Every request was checked and none would be denied, but %s condition of the operation could not be decided: the operation is not proven to work.",
			JA: "すべてのリクエストをチェックし、拒否されるものはありませんが、操作の条件 %s 件を判定できませんでした: この操作が成功するとは確認できていません。",
			KO: "모든 요청을 점검했고 거부되는 요청은 없지만 작업의 조건 %s개를 판정할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		"preflight.unchecked.conditions.also": {
			EN: "%s conditions of the operation could not be decided.",
			JA: "操作の条件 %s 件を判定できませんでした。",
			KO: "작업의 조건 %s개를 판정할 수 없었습니다.",
		},
		"preflight.unchecked.conditions.also.one": {
			EN: "%s condition of the operation could not be decided.",
			JA: "操作の条件 %s 件を判定できませんでした。",
			KO: "작업의 조건 %s개를 판정할 수 없었습니다.",
		},
		"preflight.decide.trust":                  {EN: "The job role's trust policy", JA: "ジョブロールの信頼ポリシー", KO: "작업 역할의 신뢰 정책"},
		"preflight.decide.requests":               {EN: "The requests' policies", JA: "リクエストのポリシー", KO: "요청의 정책"},
		"preflight.decide.keyState":               {EN: "The KMS key's state and Region", JA: "KMS キーの状態とリージョン", KO: "KMS 키의 상태와 리전"},
		"preflight.decide.destinationKeyState":    {EN: "The destination KMS key's state and Region", JA: "送信先 KMS キーの状態とリージョン", KO: "대상 KMS 키의 상태와 리전"},
		"preflight.decide.vaultKeyState":          {EN: "The vault's KMS key state", JA: "ボールトの KMS キーの状態", KO: "볼트 KMS 키의 상태"},
		"preflight.decide.vaultLock":              {EN: "The vault's Vault Lock", JA: "ボールトの Vault Lock", KO: "볼트의 Vault Lock"},
		"preflight.decide.sameOrganization":       {EN: "Both accounts in one organization", JA: "両アカウントが同じ組織に属すること", KO: "두 계정이 같은 조직에 속함"},
		"preflight.decide.destinationVault":       {EN: "The destination vault", JA: "送信先ボールト", KO: "대상 볼트"},
		"preflight.decide.destinationVaultPolicy": {EN: "The destination vault's access policy", JA: "送信先ボールトのアクセスポリシー", KO: "대상 볼트의 액세스 정책"},
		"preflight.decide.sourceKey":              {EN: "The source key's sharing", JA: "送信元キーの共有", KO: "원본 키의 공유"},
		"preflight.decide.crossAccountSetting":    {EN: "The organization's cross-account backup setting", JA: "組織のクロスアカウントバックアップ設定", KO: "조직의 교차 계정 백업 설정"},
		"preflight.unchecked.inputs": {
			EN: "Some inputs could not be checked: the operation is not proven to work.",
			JA: "一部の入力をチェックできませんでした: この操作が成功するとは確認できていません。",
			KO: "일부 입력을 점검할 수 없었습니다: 이 작업이 성공한다고 확인되지 않았습니다.",
		},
		"preflight.unchecked.also":         {EN: "%s more requests could not be checked.", JA: "さらに %s 件のリクエストはチェックできませんでした。", KO: "추가로 %s개 요청은 점검할 수 없었습니다."},
		"preflight.unchecked.also.one":     {EN: "%s more request could not be checked.", JA: "さらに %s 件のリクエストはチェックできませんでした。", KO: "추가로 %s개 요청은 점검할 수 없었습니다."},
		"preflight.causes":                 {EN: "Could not check", JA: "チェックできなかった理由", KO: "점검할 수 없었던 이유"},
		"preflight.cause.unknownPrincipal": causeUnknownPrincipal, // principal, flag
		"preflight.cause.unknownRole":      causeUnknownRole,      // role, flag
		"preflight.cause.unknownVault": {
			EN: "Backup vault %s (%s) is not in the snapshot.",
			JA: "バックアップボールト %s (%s) がスナップショットにありません。",
			KO: "백업 볼트 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownPlan": {
			EN: "Backup plan %s (%s) is not in the snapshot: AWS Backup answers CreateBackupSelection on a plan that does not exist with ResourceNotFoundException.",
			JA: "バックアッププラン %s (%s) がスナップショットにありません: 存在しないプランへの CreateBackupSelection に AWS Backup は ResourceNotFoundException を返します。",
			KO: "백업 계획 %s(%s)이(가) 스냅샷에 없습니다: 존재하지 않는 계획에 대한 CreateBackupSelection에 AWS Backup은 ResourceNotFoundException으로 응답합니다.",
		},
		"preflight.cause.unknownRecoveryPoint": { // recovery point, flag
			EN: "Recovery point %s (%s) is not in the snapshot: neither is the vault whose access policy applies to it.",
			JA: "復旧ポイント %s (%s) がスナップショットにありません: それに適用されるボールトのアクセスポリシーもわかりません。",
			KO: "복구 지점 %s(%s)이(가) 스냅샷에 없습니다: 여기에 적용되는 볼트의 액세스 정책도 알 수 없습니다.",
		},
		"preflight.cause.unknownKey": {
			EN: "KMS key %s (%s) is not in the snapshot.",
			JA: "KMS キー %s (%s) がスナップショットにありません。",
			KO: "KMS 키 %s(%s)이(가) 스냅샷에 없습니다.",
		},
		"preflight.cause.unknownKeyState": { // key, flag
			EN: "State of KMS key %s (%s) is unknown: the snapshot does not record it.",
			JA: "KMS キー %s (%s) の状態は不明です: スナップショットに記録されていません。",
			KO: "KMS 키 %s(%s)의 상태를 알 수 없습니다: 스냅샷에 기록되어 있지 않습니다.",
		},
		"preflight.cause.unknownKeyState.unreadable": { // key, flag, api
			EN: "State of KMS key %s (%s) is unknown: %s was denied when the snapshot was taken.",
			JA: "KMS キー %s (%s) の状態は不明です: スナップショット取得時に %s が拒否されました。",
			KO: "KMS 키 %s(%s)의 상태를 알 수 없습니다: 스냅샷을 만들 때 %s이(가) 거부되었습니다.",
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
		"preflight.cause.outsideSnapshot": { // account, what (flag)
			EN: "%[2]s is a fact of account %[1]s, outside the snapshot: check with an organization snapshot (denied collect --org).",
			JA: "%[2]s はアカウント %[1]s の情報で、スナップショットの外にあります: 組織のスナップショット (denied collect --org) でチェックしてください。",
			KO: "%[2]s은(는) 계정 %[1]s의 정보로 스냅샷 밖에 있습니다: 조직 스냅샷(denied collect --org)으로 점검하십시오.",
		},
		"preflight.cause.settingNotRecorded": { // setting
			EN: "AWS Backup's organization setting %s is not in the organization snapshot: it holds no answer of backup:DescribeGlobalSettings naming it (written by an older denied or another tool); collect the organization again (denied collect --org).",
			JA: "AWS Backup の組織設定 %s は組織のスナップショットにありません: この設定を含む backup:DescribeGlobalSettings の応答がありません (古い denied または別のツールで作成されたもの)。組織を収集し直してください (denied collect --org)。",
			KO: "AWS Backup 조직 설정 %s이(가) 조직 스냅샷에 없습니다: 이 설정이 담긴 backup:DescribeGlobalSettings 응답이 없습니다(이전 버전의 denied 또는 다른 도구로 작성됨). 조직을 다시 수집하십시오(denied collect --org).",
		},
		"preflight.cause.orgAccountsUnlisted": { // account, organization
			EN: "Whether account %s is a member of organization %s is unknown: the snapshot does not list the organization's accounts (in the short form, list them in org.accounts).",
			JA: "アカウント %s が組織 %s のメンバーかどうかは不明です: スナップショットに組織のアカウント一覧がありません (短い形式では org.accounts に列挙してください)。",
			KO: "계정 %s이(가) 조직 %s의 구성원인지 알 수 없습니다: 스냅샷에 조직의 계정 목록이 없습니다(짧은 형식에서는 org.accounts에 나열하십시오).",
		},
		"preflight.cause.accountNotCollected": { // account, why
			EN: "Account %s is not in the organization snapshot (%s).",
			JA: "アカウント %s は組織のスナップショットにありません (%s)。",
			KO: "계정 %s이(가) 조직 스냅샷에 없습니다(%s).",
		},
		"preflight.cause.resourcePolicyMayDeny": { // policy (preflight.unheld.*)
			EN: "The principal's policies in the snapshot allow the request, but the snapshot does not hold %s, which may deny it (across accounts it must also allow it).",
			JA: "スナップショットにあるプリンシパルのポリシーはこのリクエストを許可しますが、%sはスナップショットに含まれていません。そのポリシーがリクエストを拒否している可能性があります (アカウント間ではそのポリシーも許可する必要があります)。",
			KO: "스냅샷에 있는 보안 주체의 정책은 이 요청을 허용하지만, 스냅샷에 %s이(가) 없습니다. 그 정책이 요청을 거부할 수 있습니다(계정 간에는 그 정책도 허용해야 합니다).",
		},
		"preflight.cause.resourcePolicyMayAllow": { // policy (preflight.unheld.*)
			EN: "Nothing of the principal's policies in the snapshot allows the request, but the snapshot does not hold %s, which may allow it: within one account an allow in either the identity-based or the resource-based policy suffices.",
			JA: "スナップショットにあるプリンシパルのポリシーはどれもこのリクエストを許可していませんが、%sはスナップショットに含まれていません。そのポリシーがリクエストを許可している可能性があります: 同じアカウント内では、アイデンティティベースのポリシーとリソースベースのポリシーのどちらかが許可すれば十分です。",
			KO: "스냅샷에 있는 보안 주체의 어떤 정책도 이 요청을 허용하지 않지만, 스냅샷에 %s이(가) 없습니다. 그 정책이 요청을 허용할 수 있습니다: 같은 계정 안에서는 자격 증명 기반 정책과 리소스 기반 정책 중 하나만 허용해도 됩니다.",
		},
		"preflight.cause.short.resourcePolicyMayDeny":  {EN: "resource policy not in the snapshot", JA: "リソースポリシーがスナップショットにない", KO: "리소스 정책이 스냅샷에 없음"},
		"preflight.cause.short.resourcePolicyMayAllow": {EN: "resource policy not in the snapshot", JA: "リソースポリシーがスナップショットにない", KO: "리소스 정책이 스냅샷에 없음"},
		// The resource-based policies no snapshot holds (account.UnheldPolicy): resource ARN.
		"preflight.unheld.bucketPolicy":      {EN: "the bucket policy of %s", JA: "%s のバケットポリシー", KO: "%s의 버킷 정책"},
		"preflight.unheld.accessPointPolicy": {EN: "the access point policy of %s", JA: "%s のアクセスポイントポリシー", KO: "%s의 액세스 포인트 정책"},
		"preflight.unheld.queuePolicy":       {EN: "the queue policy of %s", JA: "%s のキューポリシー", KO: "%s의 대기열 정책"},
		"preflight.unheld.topicPolicy":       {EN: "the topic policy of %s", JA: "%s のトピックポリシー", KO: "%s의 주제 정책"},
		"preflight.unheld.functionPolicy":    {EN: "the function policy of %s", JA: "%s の関数ポリシー", KO: "%s의 함수 정책"},
		"preflight.unheld.secretPolicy":      {EN: "the resource policy of secret %s", JA: "シークレット %s のリソースポリシー", KO: "보안 암호 %s의 리소스 정책"},
		"preflight.unheld.repositoryPolicy":  {EN: "the repository policy of %s", JA: "%s のリポジトリポリシー", KO: "%s의 리포지토리 정책"},
		"preflight.unheld.resourcePolicy":    {EN: "the resource-based policy of %s", JA: "%s のリソースベースのポリシー", KO: "%s의 리소스 기반 정책"},
		"preflight.plan.unheld": { // policy (preflight.unheld.*)
			EN: "Fix plan verified against the policies the snapshot holds; %s is not held and may still deny the request.",
			JA: "この修正プランはスナップショットにあるポリシーに対して検証済みです。%sはスナップショットに含まれておらず、リクエストを拒否する可能性が残っています。",
			KO: "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 %s이(가) 없으며, 그 정책이 여전히 요청을 거부할 수 있습니다.",
		},
		"preflight.plan.unheld.unverified": { // policy (preflight.unheld.*)
			EN: "Fix plan evaluated against the policies the snapshot holds (they still refuse the request with it); %s is not held and may deny the request too.",
			JA: "この修正プランはスナップショットにあるポリシーに対して評価しました (適用してもそれらのポリシーはまだリクエストを拒否します)。%sはスナップショットに含まれておらず、そのポリシーもリクエストを拒否する可能性があります。",
			KO: "이 수정 계획은 스냅샷에 있는 정책 기준으로 평가되었습니다(적용해도 그 정책들이 여전히 요청을 거부합니다). 스냅샷에 %s이(가) 없으며, 그 정책도 요청을 거부할 수 있습니다.",
		},
		"preflight.verify.unheld": { // policy (preflight.unheld.*)
			EN: "No snapshot holds %s: it must not deny the requests on it (across accounts it must also allow them); the fix plans above are verified without it.",
			JA: "%sはどのスナップショットにも含まれていません: そのポリシーがこのリソースへのリクエストを拒否しないこと (アカウント間では許可すること) を確認してください。上の修正プランはそのポリシーなしで検証されています。",
			KO: "%s은(는) 어떤 스냅샷에도 없습니다: 그 정책이 이 리소스에 대한 요청을 거부하지 않는지(계정 간에는 허용하는지) 확인하십시오. 위의 수정 계획은 그 정책 없이 검증되었습니다.",
		},
		"preflight.unchecked.failure": { // n, principal, action, resource
			EN: "Could not check %s: %s %s on %s",
			JA: "チェック不能 %s: %s の %s (%s)",
			KO: "점검 불가 %s: %s의 %s(%s)",
		},
		"preflight.cause.short.outsideSnapshot":     {EN: "fact of another account", JA: "別アカウントの情報", KO: "다른 계정의 정보"},
		"preflight.cause.short.accountNotCollected": {EN: "account not collected", JA: "アカウント未収集", KO: "계정 미수집"},
		"preflight.cause.short.settingNotRecorded":  {EN: "setting not recorded", JA: "設定が記録されていない", KO: "설정이 기록되지 않음"},
		"preflight.cause.short.orgAccountsUnlisted": {EN: "organization's accounts not listed", JA: "組織のアカウント一覧がない", KO: "조직 계정 목록 없음"},
		"preflight.hidden.backupSettings":           {EN: "AWS Backup's organization settings", JA: "AWS Backup の組織設定", KO: "AWS Backup 조직 설정"},
		"preflight.cause.suggest":                   causeSuggest,

		"preflight.cause.short.unknownPrincipal":       {EN: "principal not in the snapshot", JA: "プリンシパルがスナップショットにない", KO: "보안 주체가 스냅샷에 없음"},
		"preflight.cause.short.unknownRole":            {EN: "role not in the snapshot", JA: "ロールがスナップショットにない", KO: "역할이 스냅샷에 없음"},
		"preflight.cause.short.unknownVault":           {EN: "vault not in the snapshot", JA: "ボールトがスナップショットにない", KO: "볼트가 스냅샷에 없음"},
		"preflight.cause.short.unknownPlan":            {EN: "plan not in the snapshot", JA: "プランがスナップショットにない", KO: "계획이 스냅샷에 없음"},
		"preflight.cause.short.unknownRecoveryPoint":   {EN: "recovery point not in the snapshot", JA: "復旧ポイントがスナップショットにない", KO: "복구 지점이 스냅샷에 없음"},
		"preflight.cause.short.unknownKey":             {EN: "key not in the snapshot", JA: "キーがスナップショットにない", KO: "키가 스냅샷에 없음"},
		"preflight.cause.short.unknownKeyState":        {EN: "key state unknown", JA: "キーの状態が不明", KO: "키 상태를 알 수 없음"},
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

		"preflight.param.recoveryPoint": {EN: "recoveryPoint", JA: "復旧ポイント (--recovery-point)", KO: "복구 지점(--recovery-point)"},
		"preflight.param.resourceArn":   {EN: "resourceArn", JA: "保護対象リソース (--resource-arn)", KO: "보호 대상 리소스(--resource-arn)"},

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
		"preflight.note.destination-key": { // vault, key
			EN: "Destination vault %s is encrypted with %s (from the destination account's snapshot).",
			JA: "送信先ボールト %s は %s で暗号化されています (送信先アカウントのスナップショットより)。",
			KO: "대상 볼트 %s은(는) %s(으)로 암호화되어 있습니다(대상 계정의 스냅샷 기준).",
		},
		"preflight.note.instance-profile.given": { // profile, role
			EN: "Instance profile %s carries role %s, which the restore role passes to EC2.",
			JA: "インスタンスプロファイル %s はロール %s を持ち、復元ロールがそれを EC2 に渡します。",
			KO: "인스턴스 프로파일 %s은(는) 역할 %s을(를) 가지며, 복원 역할이 이를 EC2에 전달합니다.",
		},

		"preflight.summary.conditions":            {EN: "%s of %s conditions decided from the snapshot hold.", JA: "スナップショットから判定した条件 %s / %s 件が成り立ちます。", KO: "스냅샷으로 판정한 조건 %s/%s개가 성립합니다."},
		"preflight.summary.conditions.failed":     {EN: "%s do not hold or could not be decided.", JA: "%s 件は成り立たないか判定できません。", KO: "%s개는 성립하지 않거나 판정할 수 없습니다."},
		"preflight.summary.conditions.failed.one": {EN: "%s does not hold or could not be decided.", JA: "%s 件は成り立たないか判定できません。", KO: "%s개는 성립하지 않거나 판정할 수 없습니다."},
		"preflight.conditions.failed":             {EN: "%s conditions would fail the operation.", JA: "%s 件の条件により操作が失敗します。", KO: "%s개 조건 때문에 작업이 실패합니다."},
		"preflight.conditions.failed.one":         {EN: "%s condition would fail the operation.", JA: "%s 件の条件により操作が失敗します。", KO: "%s개 조건 때문에 작업이 실패합니다."},
		"preflight.decided":                       {EN: "Conditions decided from the snapshot", JA: "スナップショットから判定した条件", KO: "스냅샷으로 판정한 조건"},
		"preflight.cond.status.allowed":           {EN: "holds", JA: "成立", KO: "성립"},
		"preflight.cond.status.denied":            {EN: "FAILS", JA: "不成立", KO: "불성립"},
		"preflight.cond.status.couldNotCheck":     {EN: "could not check", JA: "チェック不能", KO: "점검 불가"},
		"preflight.cond.unknown":                  {EN: "could not be decided", JA: "判定できません", KO: "판정할 수 없음"},
		"preflight.cond.by-requests":              {EN: "no layer denies any of the %s requests it applies to", JA: "対象の %s 件のリクエストを拒否するレイヤーはありません", KO: "해당하는 %s개 요청을 거부하는 계층이 없습니다"},
		"preflight.cond.by-requests.one":          {EN: "no layer denies the %s request it applies to", JA: "対象の %s 件のリクエストを拒否するレイヤーはありません", KO: "해당하는 %s개 요청을 거부하는 계층이 없습니다"},
		"preflight.cond.denied-by":                {EN: "%s on %s is denied by the %s", JA: "%s (%s) が%sで拒否されます", KO: "%s(%s)이(가) %s에서 거부됩니다"}, // action, resource, layer name
		"preflight.cond.key-state":                {EN: "key %s is %s", JA: "キー %s の状態は %s です", KO: "키 %s의 상태는 %s입니다"},
		"preflight.cond.key-region":               {EN: "key %s is in %s, not %s", JA: "キー %s は %s にあり、%s ではありません", KO: "키 %s은(는) %s에 있으며 %s이(가) 아닙니다"},
		"preflight.cond.key-ok":                   {EN: "key %s is enabled and in the Region", JA: "キー %s は有効で同じリージョンにあります", KO: "키 %s은(는) 활성화되어 있고 같은 리전에 있습니다"},
		"preflight.cond.key-aws-managed":          {EN: "key %s is an AWS managed key, which AWS KMS keeps enabled (AWS managed keys cannot be disabled)", JA: "キー %s は AWS マネージドキーで、AWS KMS が常に有効にしています (AWS マネージドキーは無効化できません)", KO: "키 %s은(는) AWS 관리형 키이며 AWS KMS가 항상 활성화해 둡니다(AWS 관리형 키는 비활성화할 수 없음)"},
		"preflight.cond.fix":                      {EN: "Fix: %s", JA: "修正: %s", KO: "수정: %s"},
		"preflight.fix.enable-key": { // command, key's account
			EN: "enable the key, with the credentials of account %[2]s: %[1]s",
			JA: "アカウント %[2]s の認証情報でキーを有効にします: %[1]s",
			KO: "계정 %[2]s의 자격 증명으로 키를 활성화합니다: %[1]s",
		},
		"preflight.fix.cancel-key-deletion": { // commands, key's account
			EN: "cancel the key's deletion, then enable it (a key whose deletion is cancelled is Disabled), with the credentials of account %[2]s: %[1]s",
			JA: "アカウント %[2]s の認証情報でキーの削除をキャンセルしてから有効にします (削除をキャンセルしたキーは Disabled になります): %[1]s",
			KO: "계정 %[2]s의 자격 증명으로 키 삭제를 취소한 다음 활성화합니다(삭제를 취소한 키는 Disabled 상태가 됩니다): %[1]s",
		},
		"preflight.fix.import-key-material": { // key
			EN: "import the key material of %s again (aws kms get-parameters-for-import, then aws kms import-key-material with the wrapped material): until then AWS KMS refuses to use it",
			JA: "%s のキーマテリアルを再度インポートします (aws kms get-parameters-for-import の後、ラップしたマテリアルで aws kms import-key-material)。それまで AWS KMS はこのキーを使用しません",
			KO: "%s의 키 구성 요소를 다시 가져옵니다(aws kms get-parameters-for-import 후 래핑한 구성 요소로 aws kms import-key-material). 그때까지 AWS KMS는 이 키를 사용하지 않습니다",
		},
		"preflight.fix.connect-key-store": { // command finding the key store
			EN: "reconnect the key's custom key store (aws kms connect-custom-key-store --custom-key-store-id with the ID that %s prints)",
			JA: "キーのカスタムキーストアを再接続します (%s が出力する ID を指定して aws kms connect-custom-key-store --custom-key-store-id)",
			KO: "키의 사용자 지정 키 스토어를 다시 연결합니다(%s이(가) 출력하는 ID로 aws kms connect-custom-key-store --custom-key-store-id)",
		},
		"preflight.cond.no-lock":                {EN: "vault %s has no Vault Lock", JA: "ボールト %s に Vault Lock はありません", KO: "볼트 %s에 Vault Lock이 없습니다"},
		"preflight.cond.lock-immutable":         {EN: "vault %s has a compliance-mode Vault Lock, immutable since %s", JA: "ボールト %s にはコンプライアンスモードの Vault Lock があり、%s 以降は変更できません", KO: "볼트 %s에는 규정 준수 모드 Vault Lock이 있으며 %s 이후 변경할 수 없습니다"},
		"preflight.cond.lock-changeable":        {EN: "vault %s has a Vault Lock (%s) that can still be changed", JA: "ボールト %s の Vault Lock (%s) はまだ変更できます", KO: "볼트 %s의 Vault Lock(%s)은 아직 변경할 수 있습니다"},
		"preflight.cond.no-org":                 {EN: "account %s is not in an organization", JA: "アカウント %s は組織に属していません", KO: "계정 %s은(는) 조직에 속해 있지 않습니다"},
		"preflight.cond.not-member":             {EN: "account %s is not a member of organization %s", JA: "アカウント %s は組織 %s のメンバーではありません", KO: "계정 %s은(는) 조직 %s의 구성원이 아닙니다"},
		"preflight.cond.same-org":               {EN: "accounts %s and %s are both in organization %s", JA: "アカウント %s と %s はどちらも組織 %s に属しています", KO: "계정 %s와(과) %s은(는) 모두 조직 %s에 속합니다"},
		"preflight.cond.cross-account-enabled":  {EN: "the organization's AWS Backup setting %s is true", JA: "組織の AWS Backup 設定 %s は true です", KO: "조직의 AWS Backup 설정 %s이(가) true입니다"},
		"preflight.cond.cross-account-disabled": {EN: "the organization's AWS Backup setting %s is %s: cross-account copies are refused", JA: "組織の AWS Backup 設定 %s は %s です: クロスアカウントコピーは拒否されます", KO: "조직의 AWS Backup 설정 %s이(가) %s입니다: 교차 계정 복사가 거부됩니다"},
		"preflight.cond.fully-managed":          {EN: "%s is fully managed by AWS Backup", JA: "%s は AWS Backup で完全に管理されます", KO: "%s은(는) AWS Backup이 완전히 관리합니다"},
		"preflight.cond.dest-aws-key":           {EN: "destination vault %s is encrypted with the AWS managed key %s, which cannot be shared for %s", JA: "送信先ボールト %s は AWS マネージドキー %s で暗号化されており、%s では共有できません", KO: "대상 볼트 %s은(는) AWS 관리형 키 %s(으)로 암호화되어 %s에는 공유할 수 없습니다"},
		"preflight.cond.dest-default":           {EN: "destination vault %s is the default vault, which cannot receive cross-account copies of %s", JA: "送信先ボールト %s はデフォルトボールトで、%s のクロスアカウントコピーを受け取れません", KO: "대상 볼트 %s은(는) 기본 볼트이며 %s의 교차 계정 복사본을 받을 수 없습니다"},
		"preflight.cond.dest-not-default":       {EN: "destination vault %s is not the default vault", JA: "送信先ボールト %s はデフォルトボールトではありません", KO: "대상 볼트 %s은(는) 기본 볼트가 아닙니다"},
		"preflight.cond.source-aws-key":         {EN: "source key %s is an AWS managed key, which cannot be shared with another account", JA: "送信元キー %s は AWS マネージドキーで、他のアカウントと共有できません", KO: "원본 키 %s은(는) AWS 관리형 키이며 다른 계정과 공유할 수 없습니다"},
		"preflight.cond.source-key-admits":      {EN: "the key policy of %s lets account %s use it", JA: "%s のキーポリシーはアカウント %s の利用を許可しています", KO: "%s의 키 정책이 계정 %s의 사용을 허용합니다"},
		"preflight.cond.source-key-denies":      {EN: "the key policy of %s does not let account %s use it", JA: "%s のキーポリシーはアカウント %s の利用を許可していません", KO: "%s의 키 정책이 계정 %s의 사용을 허용하지 않습니다"},

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
		// A denial that stands on policies an unreadable call left
		// incomplete has no fix (preflight.Withheld): what the call hides
		// (preflight.withheld.what.*), the call.
		"preflight.fix-withheld": {
			EN: "No fix proposed: the snapshot could not read %s (%s was denied when it was taken), so no fix can be verified against the policies that apply; collect again with read access, then re-run.",
			JA: "修正は提案しません: スナップショットは %s を読み取れませんでした (取得時に %s が拒否されました)。そのため、適用されるポリシーに対して修正を検証できません。読み取り権限を付けて収集し直してから、再実行してください。",
			KO: "수정을 제안하지 않습니다: 스냅샷이 %s을(를) 읽지 못했습니다(스냅샷을 만들 때 %s이(가) 거부되었습니다). 따라서 적용되는 정책에 대해 수정을 검증할 수 없습니다. 읽기 권한으로 다시 수집한 다음 다시 실행하십시오.",
		},
		// A fix withheld for several unreadable calls (Withheld.Calls):
		// each named, "A (api1) and B (api2)".
		"preflight.fix-withheld.several": { // the calls, joined
			EN: "No fix proposed: the snapshot could not read %s (denied when it was taken), so no fix can be verified against the policies that apply; collect again with read access, then re-run.",
			JA: "修正は提案しません: スナップショットは %s を読み取れませんでした (取得時に拒否されました)。そのため、適用されるポリシーに対して修正を検証できません。読み取り権限を付けて収集し直してから、再実行してください。",
			KO: "수정을 제안하지 않습니다: 스냅샷이 %s을(를) 읽지 못했습니다(스냅샷을 만들 때 거부되었습니다). 따라서 적용되는 정책에 대해 수정을 검증할 수 없습니다. 읽기 권한으로 다시 수집한 다음 다시 실행하십시오.",
		},
		"preflight.withheld.and":               {EN: " and ", JA: "と", KO: " 및 "},
		"preflight.withheld.what.iam":          {EN: "the IAM users, roles and their policies", JA: "IAM ユーザー、ロールとそのポリシー", KO: "IAM 사용자, 역할 및 정책"},
		"preflight.withheld.what.scps":         {EN: "the SCPs", JA: "SCP", KO: "SCP"},
		"preflight.withheld.what.organization": {EN: "the organization's SCPs and RCPs", JA: "組織の SCP と RCP", KO: "조직의 SCP 및 RCP"},
		"preflight.no-fix":                     {EN: "No fix could be planned: %s", JA: "修正を計画できませんでした: %s", KO: "수정을 계획할 수 없었습니다: %s"},
		"preflight.to-verify":                  {EN: "To verify (facts no snapshot holds, or circumstances not given)", JA: "要確認 (スナップショットにない事実、または指定されていない状況)", KO: "확인 필요(스냅샷에 없는 사실 또는 지정되지 않은 상황)"},
		"preflight.when":                       {EN: "(when: %s)", JA: "(条件: %s)", KO: "(조건: %s)"},

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
