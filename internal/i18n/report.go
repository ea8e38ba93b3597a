package i18n

// Messages of the explain report's frame: labels, decisions, input forms,
// kinds of fixes, decoding outcomes.
func registerReport(register func(map[string]tr)) {
	register(map[string]tr{
		"report.snapshot.heading": {EN: "Against the account snapshot", JA: "アカウントのスナップショットに対する評価", KO: "계정 스냅샷 기준 평가"},
		"report.snapshot.denied": {
			EN: "With the snapshot's policies the engine also refuses the request: %s, in the %s.",
			JA: "スナップショットのポリシーでも、エンジンはこのリクエストを拒否します: %[2]sによる%[1]s。",
			KO: "스냅샷의 정책으로도 엔진은 이 요청을 거부합니다: %[2]s의 %[1]s.",
		},
		"report.snapshot.statement": {
			EN: "Deciding statement: %s %q, statement %s (Sid %s).",
			JA: "決め手となったステートメント: %s %q のステートメント %s (Sid %s)。",
			KO: "결정한 문: %s %q의 문 %s(Sid %s).",
		},
		// The snapshot's fix of a denial that stands, withheld
		// (preflight.Withheld): what the call hides
		// (preflight.withheld.what.*), the call.
		"report.snapshot.fix-withheld": {
			EN: "No fix proposed from the snapshot: it could not read %s (%s was denied when it was taken), so no fix can be verified against the policies that apply; any fix below is planned from the request alone. Collect again with read access, then re-run.",
			JA: "スナップショットからは修正を提案しません: スナップショットは %s を読み取れませんでした (取得時に %s が拒否されました)。そのため、適用されるポリシーに対して修正を検証できません。以下の修正はリクエストのみから計画したものです。読み取り権限を付けて収集し直してから、再実行してください。",
			KO: "스냅샷으로는 수정을 제안하지 않습니다: 스냅샷이 %s을(를) 읽지 못했습니다(스냅샷을 만들 때 %s이(가) 거부되었습니다). 따라서 적용되는 정책에 대해 수정을 검증할 수 없습니다. 아래의 수정은 요청만으로 계획한 것입니다. 읽기 권한으로 다시 수집한 다음 다시 실행하십시오.",
		},
		"report.snapshot.fix-withheld.several": { // the calls, joined (same.withheld.call)
			EN: "No fix proposed from the snapshot: it could not read %s (denied when it was taken), so no fix can be verified against the policies that apply; any fix below is planned from the request alone. Collect again with read access, then re-run.",
			JA: "スナップショットからは修正を提案しません: スナップショットは %s を読み取れませんでした (取得時に拒否されました)。そのため、適用されるポリシーに対して修正を検証できません。以下の修正はリクエストのみから計画したものです。読み取り権限を付けて収集し直してから、再実行してください。",
			KO: "스냅샷으로는 수정을 제안하지 않습니다: 스냅샷이 %s을(를) 읽지 못했습니다(스냅샷을 만들 때 거부되었습니다). 따라서 적용되는 정책에 대해 수정을 검증할 수 없습니다. 아래의 수정은 요청만으로 계획한 것입니다. 읽기 권한으로 다시 수집한 다음 다시 실행하십시오.",
		},
		"report.snapshot.no-allow": {
			EN: "No statement of the %s allows the request.",
			JA: "%sのどのステートメントもこのリクエストを許可していません。",
			KO: "%s의 어떤 문도 이 요청을 허용하지 않습니다.",
		},
		"report.snapshot.allowed": {
			EN: "With the snapshot's policies the engine allows this request: what refused it is not in the snapshot (a session policy, a policy changed since, a VPC endpoint policy, or a snapshot taken without Organizations access).",
			JA: "スナップショットのポリシーではエンジンはこのリクエストを許可します。拒否の原因はスナップショットにありません (セッションポリシー、その後に変更されたポリシー、VPC エンドポイントポリシー、または Organizations にアクセスできずに取得したスナップショット)。",
			KO: "스냅샷의 정책으로는 엔진이 이 요청을 허용합니다. 거부한 원인은 스냅샷에 없습니다(세션 정책, 이후에 바뀐 정책, VPC 엔드포인트 정책, 또는 Organizations에 액세스하지 못하고 만든 스냅샷).",
		},
		// The cause of a finding whose request the snapshot's policies
		// allow (diagnose.Finding.Claimed): the message's claim, not a
		// fact.
		// The title of such a finding when the title has no ".claimed"
		// wording of its own.
		"report.title.claimed": { // the finding's title
			EN: "The message says: %s",
			JA: "メッセージによれば: %s",
			KO: "메시지에 따르면: %s",
		},
		"report.cause.claimed": { // the finding's cause
			EN: "The message says: %s Against the snapshot, though, the engine allows the request: the policies may have changed since, or the snapshot is not of the account or the time of the denial.",
			JA: "メッセージによれば: %sただしスナップショットに対しては、エンジンはこのリクエストを許可します。その後にポリシーが変更されたか、スナップショットが拒否の起きたアカウントまたは時点のものではない可能性があります。",
			KO: "메시지에 따르면: %s 그러나 스냅샷 기준으로는 엔진이 이 요청을 허용합니다. 이후에 정책이 바뀌었거나, 스냅샷이 거부가 일어난 계정 또는 시점의 것이 아닐 수 있습니다.",
		},
		"report.snapshot.unknown-principal": {
			EN: "The snapshot does not hold the principal %s.",
			JA: "スナップショットにプリンシパル %s は含まれていません。",
			KO: "스냅샷에 보안 주체 %s이(가) 없습니다.",
		},
		"report.snapshot.could-not-check": { // why (a could-not-check cause)
			EN: "Could not check against the snapshot: %s",
			JA: "スナップショットに対してチェックできませんでした: %s",
			KO: "스냅샷 기준으로 점검할 수 없었습니다: %s",
		},
		"report.snapshot.from-message": {
			EN: "named in the message",
			JA: "メッセージに記載",
			KO: "메시지에 명시됨",
		},
		"report.snapshot.error": {
			EN: "The request could not be evaluated against the snapshot: %s",
			JA: "スナップショットに対してリクエストを評価できませんでした: %s",
			KO: "스냅샷 기준으로 요청을 평가할 수 없습니다: %s",
		},
		"report.title.none":     {EN: "Access denied", JA: "アクセス拒否", KO: "액세스 거부"},
		"report.who":            {EN: "Who", JA: "拒否された主体", KO: "거부된 주체"},
		"report.action":         {EN: "Action", JA: "アクション", KO: "작업"},
		"report.resource":       {EN: "Resource", JA: "リソース", KO: "리소스"},
		"report.decision":       {EN: "Decision", JA: "判定", KO: "판정"},
		"report.policy":         {EN: "Denying policy", JA: "拒否したポリシー", KO: "거부한 정책"},
		"report.read-from":      {EN: "Read from", JA: "読み取り元", KO: "읽은 형식"},
		"report.decoded":        {EN: "decoded through AWS STS", JA: "AWS STS でデコード済み", KO: "AWS STS로 디코딩함"},
		"report.backup-session": {EN: "(AWS Backup session of the role %s)", JA: "(ロール %s の AWS Backup セッション)", KO: "(역할 %s의 AWS Backup 세션)"},
		"report.cause":          {EN: "Cause", JA: "原因", KO: "원인"},
		"report.checks":         {EN: "What to check", JA: "確認すること", KO: "확인할 사항"},
		"report.notes":          {EN: "Notes", JA: "補足", KO: "참고"},
		"report.unreadable":     {EN: "Could not be read", JA: "読み取れなかった部分", KO: "읽을 수 없었던 부분"},
		"report.fix":            {EN: "Fix %s (%s)", JA: "修正 %s (%s)", KO: "수정 %s (%s)"},
		"report.verified":       {EN: "verified by the engine: %s (%s)", JA: "エンジンで検証済み (%[2]s): %[1]s", KO: "엔진으로 검증됨(%[2]s): %[1]s"},
		"report.verified-with-next": {
			EN: "apply together with the next fix (the %s also refuses)",
			JA: "次の修正と一緒に適用してください (%sも拒否しています)",
			KO: "다음 수정과 함께 적용하세요(%s도 거부합니다)",
		},
		"report.candidate-also": {
			EN: "a candidate: enough alone unless the %s refuses too (the message does not show that policy)",
			JA: "候補: %sも拒否していなければ、これだけで足ります (メッセージにはそのポリシーが示されていません)",
			KO: "후보: %s도 거부하지 않는다면 이것만으로 충분합니다(메시지에는 그 정책이 나와 있지 않습니다)",
		},
		"report.verified-with-next-unknown": {
			EN: "apply together with the next fix unless the %s already allows it (the message does not show that policy)",
			JA: "%sがすでに許可していない限り、次の修正と一緒に適用してください (メッセージにはそのポリシーが示されていません)",
			KO: "%s에서 이미 허용하고 있지 않다면 다음 수정과 함께 적용하세요(메시지에는 그 정책이 나와 있지 않습니다)",
		},
		"report.not-verified":      {EN: "not verified", JA: "未検証", KO: "검증되지 않음"},
		"report.plan.verified":     {EN: "With these fixes applied together the engine answers %s.", JA: "これらの修正をすべて適用すると、エンジンの判定は %s になります。", KO: "이 수정들을 함께 적용하면 엔진의 판정은 %s입니다."},
		"report.plan.not-verified": {EN: "Even with these fixes the request is still refused by the %s.", JA: "これらの修正を適用しても、リクエストは %s でまだ拒否されます。", KO: "이 수정들을 적용해도 요청은 여전히 %s에서 거부됩니다."},
		"report.risk":              {EN: "Risk:", JA: "リスク:", KO: "위험:"},
		"report.render.policy":     {EN: "Policy", JA: "ポリシー", KO: "정책"},
		// How to find a placeholder's value on a fix's comment lines
		// (fixcli.not-runnable-find): "<placeholder>: how", one after the other.
		// A call of a fix withheld for several (preflight.fix-withheld.several).
		"same.withheld.call":        {EN: "%s (%s)", JA: "%s (%s)", KO: "%s(%s)"}, // what it hides, the call
		"same.withheld.comma":       {EN: ", ", JA: "、", KO: ", "},
		"same.audit.to-verify.fact": {EN: "[%s] %s", JA: "[%s] %s", KO: "[%s] %s"}, // condition kind, condition
		"same.audit.to-verify.sep":  {EN: ", ", JA: "、", KO: ", "},                 // between the items of a fact (Markdown)
		"same.fixcli.found":         {EN: "%s: %s", JA: "%s: %s", KO: "%s: %s"},    // placeholder, how to find its value
		"same.fixcli.finds":         {EN: "%s %s", JA: "%s %s", KO: "%s %s"},       // one found, the next
		"same.render.cli":           {EN: "AWS CLI", JA: "AWS CLI", KO: "AWS CLI"},
		"same.render.terraform":     {EN: "Terraform", JA: "Terraform", KO: "Terraform"},
		"same.render.cloudformation": {
			EN: "CloudFormation", JA: "CloudFormation", KO: "CloudFormation",
		},
		"kind.least-privilege": {EN: "least privilege", JA: "最小権限", KO: "최소 권한"},
		"kind.alternative":     {EN: "no policy change", JA: "ポリシー変更なし", KO: "정책 변경 없음"},
		"kind.broad":           {EN: "riskier alternative", JA: "リスクの高い代替案", KO: "위험이 더 큰 대안"},
		"kind.other":           {EN: "other", JA: "その他", KO: "기타"},
		"against.known":        {EN: "against the known policies", JA: "既知のポリシーに対して", KO: "알려진 정책 기준"},
		"against.request":      {EN: "against the request alone: the other policies are not in the message", JA: "リクエストのみに対して: 他のポリシーはメッセージに含まれていません", KO: "요청만 기준: 다른 정책은 메시지에 없습니다"},
		"layer.trust":          {EN: "role trust policy", JA: "ロールの信頼ポリシー", KO: "역할 신뢰 정책"},

		"report.verdict.Allowed":      {EN: "Allowed", JA: "許可", KO: "허용"},
		"report.verdict.ImplicitDeny": {EN: "ImplicitDeny", JA: "暗黙的な拒否", KO: "암시적 거부"},
		"report.verdict.ExplicitDeny": {EN: "ExplicitDeny", JA: "明示的な拒否", KO: "명시적 거부"},

		"decision.ImplicitDeny": {EN: "implicit deny (nothing allows it)", JA: "暗黙的な拒否 (許可するものがない)", KO: "암시적 거부(허용하는 것이 없음)"},
		"decision.ExplicitDeny": {EN: "explicit deny (a Deny statement matched)", JA: "明示的な拒否 (Deny ステートメントが一致)", KO: "명시적 거부(Deny 문이 일치)"},
		"decision.ExplicitDeny.scp": {
			EN: "explicit deny as AWS reports it for SCPs (a Deny statement matched, or no SCP level allows it)",
			JA: "SCP について AWS が報告する明示的な拒否 (Deny ステートメントが一致したか、どの階層の SCP も許可していない)",
			KO: "SCP에 대해 AWS가 보고하는 명시적 거부(Deny 문이 일치했거나 어느 계층의 SCP도 허용하지 않음)",
		},
		"decision.Unknown": {EN: "denied", JA: "拒否", KO: "거부"},
		"decision.":        {EN: "denied", JA: "拒否", KO: "거부"},

		"form.plain":          {EN: "IAM access-denied message", JA: "IAM のアクセス拒否メッセージ", KO: "IAM 액세스 거부 메시지"},
		"form.cli":            {EN: "AWS CLI / boto3 error", JA: "AWS CLI / boto3 のエラー", KO: "AWS CLI / boto3 오류"},
		"form.sdk-go":         {EN: "AWS SDK for Go v2 error", JA: "AWS SDK for Go v2 のエラー", KO: "AWS SDK for Go v2 오류"},
		"form.sdk-js":         {EN: "AWS SDK for JavaScript error", JA: "AWS SDK for JavaScript のエラー", KO: "AWS SDK for JavaScript 오류"},
		"form.terraform":      {EN: "Terraform error", JA: "Terraform のエラー", KO: "Terraform 오류"},
		"form.sdk-go-v1":      {EN: "AWS SDK for Go v1 error", JA: "AWS SDK for Go v1 のエラー", KO: "AWS SDK for Go v1 오류"},
		"form.sdk-java":       {EN: "AWS SDK for Java error", JA: "AWS SDK for Java のエラー", KO: "AWS SDK for Java 오류"},
		"form.sdk-dotnet":     {EN: "AWS SDK for .NET error", JA: "AWS SDK for .NET のエラー", KO: "AWS SDK for .NET 오류"},
		"form.cloudformation": {EN: "CloudFormation stack event", JA: "CloudFormation のスタックイベント", KO: "CloudFormation 스택 이벤트"},
		"form.sdk":            {EN: "AWS SDK error (which SDK is not known)", JA: "AWS SDK のエラー (どの SDK かは不明)", KO: "AWS SDK 오류(어느 SDK인지 알 수 없음)"},
		"form.cloudtrail":     {EN: "CloudTrail event", JA: "CloudTrail イベント", KO: "CloudTrail 이벤트"},
		"form.backup-job":     {EN: "AWS Backup job message", JA: "AWS Backup ジョブのメッセージ", KO: "AWS Backup 작업 메시지"},
		"form.decoded":        {EN: "decoded authorization message", JA: "デコードされた認可メッセージ", KO: "디코딩된 권한 부여 메시지"},
		"form.console":        {EN: "console text with an encoded message", JA: "エンコードされたメッセージを含むコンソールのテキスト", KO: "인코딩된 메시지가 있는 콘솔 텍스트"},
		"form.ec2-encoded":    {EN: "EC2 UnauthorizedOperation error", JA: "EC2 の UnauthorizedOperation エラー", KO: "EC2 UnauthorizedOperation 오류"},
		"form.legacy":         {EN: "access-denied message without a reason", JA: "理由のないアクセス拒否メッセージ", KO: "이유가 없는 액세스 거부 메시지"},

		"decode.err.no-credentials": {
			EN: "Not decoded: no AWS credentials were found. Pass --profile NAME, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (after aws sso login for IAM Identity Center). Explained from the text alone below.",
			JA: "デコードしていません: AWS の認証情報が見つかりません。--profile NAME を指定するか、AWS_PROFILE を設定するか、AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定してください (IAM Identity Center の場合は aws sso login の後)。以下はテキストだけから説明しています。",
			KO: "디코딩하지 않음: AWS 자격 증명을 찾을 수 없습니다. --profile NAME을 지정하거나 AWS_PROFILE을 설정하거나 AWS_ACCESS_KEY_ID와 AWS_SECRET_ACCESS_KEY를 설정하세요(IAM Identity Center라면 aws sso login 후). 아래는 텍스트만으로 설명한 것입니다.",
		},
		"decode.err.denied": {
			EN: "Not decoded: these credentials may not call sts:DecodeAuthorizationMessage. Grant {\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"} or use another principal of the same account.",
			JA: "デコードしていません: この認証情報では sts:DecodeAuthorizationMessage を呼び出せません。{\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"} を付与するか、同じアカウントの別のプリンシパルを使ってください。",
			KO: "디코딩하지 않음: 이 자격 증명으로는 sts:DecodeAuthorizationMessage를 호출할 수 없습니다. {\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"}를 부여하거나 같은 계정의 다른 보안 주체를 사용하세요.",
		},
		"decode.err.invalid": {
			EN: "Not decoded: STS rejected the message as expired or damaged. Copy the whole message again from the original error, soon after it happens.",
			JA: "デコードしていません: STS はメッセージを期限切れまたは破損として拒否しました。エラーが起きた直後に、元のエラーからメッセージ全体をもう一度コピーしてください。",
			KO: "디코딩하지 않음: STS가 메시지를 만료되었거나 손상된 것으로 거부했습니다. 오류가 발생한 직후 원래 오류에서 메시지 전체를 다시 복사하세요.",
		},
		"decode.err.throttled": {
			EN: "Not decoded: STS throttled the request even after retries. Try again in a moment.",
			JA: "デコードしていません: 再試行しても STS がリクエストをスロットリングしました。少し待ってから再試行してください。",
			KO: "디코딩하지 않음: 재시도 후에도 STS가 요청을 제한했습니다. 잠시 후 다시 시도하세요.",
		},
		"decode.err.other": {
			EN: "Not decoded: the call to STS failed.",
			JA: "デコードしていません: STS の呼び出しに失敗しました。",
			KO: "디코딩하지 않음: STS 호출에 실패했습니다.",
		},
		"decode.skipped": {
			EN: "Not decoded (--no-decode): explained from the text alone.",
			JA: "デコードしていません (--no-decode): テキストだけから説明しています。",
			KO: "디코딩하지 않음(--no-decode): 텍스트만으로 설명합니다.",
		},
		"decode.err.truncated": {
			EN: "Not decoded: the encoded message is cut short, and STS cannot decode a partial message.",
			JA: "デコードしていません: エンコードされたメッセージが途中で切れており、STS は不完全なメッセージをデコードできません。",
			KO: "디코딩하지 않음: 인코딩된 메시지가 잘려 있어 STS가 불완전한 메시지를 디코딩할 수 없습니다.",
		},
	})
}
