package i18n

import "strings"

// Messages of the fixes (package fix): Fix.TitleMsg, Fix.RiskMsg and the
// notes ("fixnote." + Note.ID). Arguments are noted where a message takes
// them; an argument starting with "@" is a phrase of this catalog (the
// "fix.noun.", "fix.scope." and "fix.name-unknown" messages).
//
// Sentences that name a policy come in one message per form of the name
// (fixTargets), built from the sentence frames below, as the diagnosis
// messages are built per layer.
func registerFix(register func(map[string]tr)) {
	m := map[string]tr{
		// Phrases passed as "@" arguments.
		"fix.name-unknown": {EN: "(name unknown)", JA: "(名前不明)", KO: "(이름 알 수 없음)"},
		"fix.no-sid":       {EN: "(without Sid)", JA: "(Sid なし)", KO: "(Sid 없음)"},

		"fix.noun.inline-policy":        {EN: "inline policy", JA: "インラインポリシー", KO: "인라인 정책"},
		"fix.noun.managed-policy":       {EN: "managed policy", JA: "管理ポリシー", KO: "관리형 정책"},
		"fix.noun.identity-policy":      {EN: "identity-based policy", JA: "アイデンティティベースのポリシー", KO: "자격 증명 기반 정책"},
		"fix.noun.permissions-boundary": {EN: "permissions boundary", JA: "アクセス許可の境界", KO: "권한 경계"},
		"fix.noun.session-policy":       {EN: "session policy", JA: "セッションポリシー", KO: "세션 정책"},
		"fix.noun.scp":                  {EN: "SCP", JA: "サービスコントロールポリシー", KO: "서비스 제어 정책"},
		"fix.noun.rcp":                  {EN: "RCP", JA: "リソースコントロールポリシー", KO: "리소스 제어 정책"},
		"fix.noun.key-policy":           {EN: "key policy", JA: "キーポリシー", KO: "키 정책"},
		"fix.noun.trust-policy":         {EN: "trust policy", JA: "信頼ポリシー", KO: "신뢰 정책"},
		"fix.noun.vault-access-policy":  {EN: "vault access policy", JA: "バックアップボールトのアクセスポリシー", KO: "백업 볼트 액세스 정책"},
		"fix.noun.bucket-policy":        {EN: "bucket policy", JA: "バケットポリシー", KO: "버킷 정책"},
		"fix.noun.vpce-policy":          {EN: "VPC endpoint policy", JA: "VPC エンドポイントポリシー", KO: "VPC 엔드포인트 정책"},
		"fix.noun.function-policy":      {EN: "Lambda function policy", JA: "Lambda 関数ポリシー", KO: "Lambda 함수 정책"},
		"fix.noun.layer-policy":         {EN: "Lambda layer version policy", JA: "Lambda レイヤーバージョンポリシー", KO: "Lambda 계층 버전 정책"},
		"fix.noun.resource-policy":      {EN: "resource-based policy", JA: "リソースベースのポリシー", KO: "리소스 기반 정책"},

		// What a narrowed Deny still applies to ("every other ...") and is
		// lifted for ("this request's ...").
		"fix.scope.resource":           {EN: "resource", JA: "リソース", KO: "리소스"},
		"fix.scope.principal":          {EN: "principal", JA: "プリンシパル", KO: "보안 주체"},
		"fix.scope.resource-principal": {EN: "resource and principal", JA: "リソースとプリンシパル", KO: "리소스와 보안 주체"},

		// Titles that name no policy form.
		"fix.title.widen-session-policy": { // action, resource
			EN: "Add a statement allowing %s on %s to the session policy",
			JA: "%s (%s) を許可するステートメントをセッションポリシーに追加します",
			KO: "%s(%s)을(를) 허용하는 문을 세션 정책에 추가합니다",
		},
		"fix.title.scp-add-allow": { // action, resource, SCP name, root/OU/account it is attached to
			EN: "Add an Allow for %s on %s to the SCP %s attached to %s (no policy at that level allows it)",
			JA: "%s (%s) を許可するステートメントを SCP %s (アタッチ先: %s) に追加します (その階層には許可するポリシーがありません)",
			KO: "%s(%s)을(를) 허용하는 문을 SCP %s(연결 대상: %s)에 추가합니다(해당 계층에 이를 허용하는 정책이 없습니다)",
		},
		"fix.title.scp-add-allow.level-unknown": { // action, resource, SCP name
			EN: "Add an Allow for %s on %s to the SCP %s attached to the level (no policy at that level allows it)",
			JA: "%s (%s) を許可するステートメントを、その階層にアタッチされた SCP %s に追加します (その階層には許可するポリシーがありません)",
			KO: "%s(%s)을(를) 허용하는 문을 해당 계층에 연결된 SCP %s에 추가합니다(해당 계층에 이를 허용하는 정책이 없습니다)",
		},
		"fix.title.key-policy-delegate-to-iam": { // account
			EN: "Let IAM policies of account %s grant use of the key (the statement AWS puts in a default key policy)",
			JA: "アカウント %s の IAM ポリシーでキーの使用を許可できるようにします (AWS がデフォルトのキーポリシーに入れるステートメント)",
			KO: "계정 %s의 IAM 정책으로 키 사용 권한을 부여할 수 있게 합니다(AWS가 기본 키 정책에 넣는 문)",
		},
		"fix.title.restore-without-instance-role": { // the instance's role
			EN: "Restore with \"Proceed with no IAM role\", then attach the instance profile of %s to the restored instance",
			JA: "[IAM ロールなしで続行] を選んで復元し、その後 %s のインスタンスプロファイルを復元したインスタンスにアタッチします",
			KO: "IAM 역할 없이 진행(Proceed with no IAM role)을 선택해 복원한 다음, %s의 인스턴스 프로파일을 복원된 인스턴스에 연결합니다",
		},

		"fix.condition.absent": {EN: "the request has no value for it", JA: "リクエストにはその値がありません", KO: "요청에 해당 값이 없습니다"},
		"fix.title.meet-condition": { // Sid or #index, policy, operator, key, values, the request's value or @fix.condition.absent
			EN: "Make the request meet the condition of statement %s in %s: %s %s %s (now: %s)",
			JA: "ステートメント %s (%s) の条件を満たすようにリクエストを送ります: %s %s %s (現在: %s)",
			KO: "문 %s(%s)의 조건을 충족하도록 요청을 보냅니다: %s %s %s(현재: %s)",
		},
		"fix.title.avoid-deny-condition": { // Sid or #index, policy, operator, key, values, the request's value or @fix.condition.absent
			EN: "Send the request so that the condition of the Deny %s in %s no longer holds: %s %s %s (now: %s)",
			JA: "Deny %s (%s) の条件が成り立たないようにリクエストを送ります: %s %s %s (現在: %s)",
			KO: "Deny %s(%s)의 조건이 성립하지 않도록 요청을 보냅니다: %s %s %s(현재: %s)",
		},
		// Risks.
		"fix.risk.allow-public": { // action, resource
			EN: "The request is anonymous: allowing it lets anyone on the internet, without credentials, call %s on %s. Sign the request with AWS credentials instead, unless the resource is meant to be public.",
			JA: "このリクエストは匿名です: 許可すると、インターネット上の誰もが認証情報なしで %s (%s) を呼び出せるようになります。リソースを公開するつもりでない限り、代わりに AWS の認証情報でリクエストに署名してください。",
			KO: "이 요청은 익명입니다: 허용하면 인터넷의 누구나 자격 증명 없이 %s(%s)을(를) 호출할 수 있게 됩니다. 리소스를 공개할 의도가 아니라면 대신 AWS 자격 증명으로 요청에 서명하세요.",
		},
		"fix.risk.key-policy-delegate-to-iam": { // account, action
			EN: "Every principal of account %s whose IAM policies allow kms actions on this key can then use and manage it (kms:* includes PutKeyPolicy and ScheduleKeyDeletion), so control of the key moves from the key policy to whoever can edit IAM policies; the requester still needs an identity policy allowing %s.",
			JA: "アカウント %s のプリンシパルのうち、IAM ポリシーでこのキーに対する kms アクションを許可されているものはすべて、このキーを使用・管理できるようになります (kms:* には PutKeyPolicy と ScheduleKeyDeletion が含まれます)。キーの管理はキーポリシーから、IAM ポリシーを編集できる人の手に移ります。リクエスト元には引き続き、%s を許可するアイデンティティベースのポリシーが必要です。",
			KO: "계정 %s의 보안 주체 중 IAM 정책에서 이 키에 대한 kms 작업이 허용된 보안 주체는 모두 이 키를 사용하고 관리할 수 있게 됩니다(kms:*에는 PutKeyPolicy와 ScheduleKeyDeletion이 포함됩니다). 따라서 키에 대한 통제권이 키 정책에서 IAM 정책을 편집할 수 있는 사람에게로 넘어갑니다. 요청자에게는 여전히 %s을(를) 허용하는 자격 증명 기반 정책이 필요합니다.",
		},
		"fix.risk.drops-condition": { // Sid or #index, policy, the failed conditions
			EN: "Statement %s of %s allows this request only when its condition holds (%s); an Allow without that condition drops what the policy's author required on purpose.",
			JA: "ステートメント %s (%s) は、条件 (%s) が満たされる場合にだけこのリクエストを許可します。条件のない Allow は、ポリシーの作成者が意図して求めたものを取り除いてしまいます。",
			KO: "문 %s(%s)은(는) 조건(%s)이 충족될 때만 이 요청을 허용합니다. 조건이 없는 Allow는 정책 작성자가 의도적으로 요구한 것을 없애 버립니다.",
		},
		"fix.risk.vault-policy-remove-deny": {
			EN: "Removes the Deny for every principal and every request it covers, not only this one: vault access policies often deny deleting recovery points or changing the vault to protect backups, and that protection goes with it.",
			JA: "このリクエストだけでなく、この Deny が対象とするすべてのプリンシパルとすべてのリクエストについて Deny がなくなります。バックアップボールトのアクセスポリシーは、バックアップを保護するために復旧ポイントの削除やボールトの変更を拒否していることが多く、その保護も失われます。",
			KO: "이 요청뿐 아니라 이 Deny가 적용되는 모든 보안 주체와 모든 요청에 대해 Deny가 제거됩니다. 백업 볼트 액세스 정책은 백업을 보호하기 위해 복구 시점 삭제나 볼트 변경을 거부하는 경우가 많으며, 그 보호도 함께 사라집니다.",
		},

		// Notes: "fixnote." + Note.ID.
		"fixnote.garbled-name": { // the garbled names as Go strings, the placeholders
			EN: "Garbled in the message (invalid UTF-8 or control characters): %s. That is not the real name: the commands name %s in its place and are not runnable until it is replaced by the real one, which the command given for the placeholder finds. The policy document keeps the text as the message gave it.",
			JA: "メッセージ中で文字化けしています (不正な UTF-8 または制御文字): %s。これは実際の名前ではありません: コマンドでは代わりに %s としており、実際の名前に置き換えるまで実行できません (実際の名前はプレースホルダーに示したコマンドで確認できます)。ポリシードキュメントにはメッセージのままのテキストを残しています。",
			KO: "메시지에서 깨진 이름입니다(잘못된 UTF-8 또는 제어 문자): %s. 실제 이름이 아니므로 명령에서는 그 자리에 %s을(를) 썼으며, 실제 이름으로 바꾸기 전에는 실행할 수 없습니다(실제 이름은 자리 표시자에 제시한 명령으로 확인할 수 있습니다). 정책 문서에는 메시지에 있던 텍스트를 그대로 두었습니다.",
		},
		"fixnote.garbled-name-text": { // the garbled names as Go strings
			EN: "Garbled in the message (invalid UTF-8 or control characters): %s. That is not the real name: the policy and the text above keep it as the message gave it; replace it by the real one before using them.",
			JA: "メッセージ中で文字化けしています (不正な UTF-8 または制御文字): %s。これは実際の名前ではありません: 上のポリシーとテキストはメッセージのままにしています。使う前に実際の名前に置き換えてください。",
			KO: "메시지에서 깨진 이름입니다(잘못된 UTF-8 또는 제어 문자): %s. 실제 이름이 아닙니다: 위의 정책과 텍스트는 메시지에 있던 그대로 두었으니, 사용하기 전에 실제 이름으로 바꾸세요.",
		},
		"fixnote.federated-user": {
			EN: "A federated user has the permissions of the IAM user that called GetFederationToken, within the session policy: put this inline policy on that IAM user.",
			JA: "フェデレーティッドユーザーは、GetFederationToken を呼び出した IAM ユーザーのアクセス許可を、セッションポリシーの範囲内で持ちます: このインラインポリシーはその IAM ユーザーに追加してください。",
			KO: "페더레이션 사용자는 세션 정책의 범위 안에서 GetFederationToken을 호출한 IAM 사용자의 권한을 가집니다: 이 인라인 정책은 해당 IAM 사용자에게 추가하세요.",
		},
		"fixnote.session-policy-caller": {
			EN: "The session policy is passed by whoever calls AssumeRole or GetFederationToken (a script, an SDK profile, an identity provider): widen it there; no policy in the account changes.",
			JA: "セッションポリシーは、AssumeRole または GetFederationToken を呼び出す側 (スクリプト、SDK のプロファイル、ID プロバイダー) が渡します: そこで範囲を広げてください。アカウント内のポリシーは変わりません。",
			KO: "세션 정책은 AssumeRole 또는 GetFederationToken을 호출하는 쪽(스크립트, SDK 프로필, 자격 증명 공급자)이 전달합니다: 그곳에서 범위를 넓히세요. 계정의 정책은 바뀌지 않습니다.",
		},
		"fixnote.document-unknown": { // @fix.noun.*
			EN: "The current %s is not known: the document shown holds only the statement to add. Add it to the current document's Statement list; the update replaces the whole document.",
			JA: "現在の%sは不明です: 表示しているドキュメントには、追加するステートメントだけが含まれています。現在のドキュメントの Statement リストに追加してください。更新するとドキュメント全体が置き換わります。",
			KO: "현재 %s 문서를 알 수 없습니다: 표시된 문서에는 추가할 문만 들어 있습니다. 현재 문서의 Statement 목록에 추가하세요. 업데이트하면 문서 전체가 바뀝니다.",
		},
		"fixnote.function-policy-add-permission": { // function ARN
			EN: "aws lambda add-permission adds this one statement to the Lambda function policy (resource-based) of %s and keeps the statements already there: no whole document is submitted (Terraform's aws_lambda_permission and CloudFormation's AWS::Lambda::Permission are one statement each).",
			JA: "aws lambda add-permission は、%s の Lambda 関数ポリシー (リソースベース) にこのステートメントを 1 つ追加し、既存のステートメントはそのまま残します: ドキュメント全体を送信することはありません (Terraform の aws_lambda_permission と CloudFormation の AWS::Lambda::Permission も、それぞれステートメント 1 つです)。",
			KO: "aws lambda add-permission은 %s의 Lambda 함수 정책(리소스 기반)에 이 문 하나를 추가하고 기존 문은 그대로 둡니다: 문서 전체를 제출하지 않습니다(Terraform의 aws_lambda_permission과 CloudFormation의 AWS::Lambda::Permission도 각각 문 하나입니다).",
		},
		"fixnote.function-policy-source-unknown": { // service principal, the same
			EN: "The principal is the service %s, and the request does not say which resource it calls for: give the ARN of the resource that invokes the function as --source-arn (Terraform source_arn, CloudFormation SourceArn), or its account as --source-account; without them, resources of any account could invoke the function through %s.",
			JA: "プリンシパルはサービス %[1]s ですが、どのリソースのための呼び出しかはリクエストからわかりません: 関数を呼び出すリソースの ARN を --source-arn (Terraform では source_arn、CloudFormation では SourceArn) に、またはそのアカウントを --source-account に指定してください。指定しないと、どのアカウントのリソースからでも %[2]s を通じて関数を呼び出せてしまいます。",
			KO: "보안 주체는 서비스 %[1]s이지만, 어떤 리소스를 위한 호출인지는 요청에서 알 수 없습니다: 함수를 호출하는 리소스의 ARN을 --source-arn(Terraform source_arn, CloudFormation SourceArn)으로, 또는 그 계정을 --source-account로 지정하세요. 지정하지 않으면 어느 계정의 리소스든 %[2]s을(를) 통해 함수를 호출할 수 있습니다.",
		},
		"fixnote.function-policy-account-principal": { // account, action
			EN: "add-permission takes no condition on aws:PrincipalArn, the key a policy names an IAM Identity Center role by (its path and suffix vary): the statement names account %s, and the role's permission set (its identity-based policy) must allow %s.",
			JA: "add-permission は aws:PrincipalArn の条件を受け付けません (IAM Identity Center のロールはパスとサフィックスが変わるため、ポリシーではこの条件キーで指定します): ステートメントではアカウント %[1]s を指定します。ロールの許可セット (アイデンティティベースのポリシー) で %[2]s を許可する必要があります。",
			KO: "add-permission은 aws:PrincipalArn 조건을 받지 않습니다(IAM Identity Center 역할은 경로와 접미사가 바뀌므로 정책에서는 이 조건 키로 지정합니다): 문은 계정 %[1]s을(를) 지정하며, 역할의 권한 세트(자격 증명 기반 정책)가 %[2]s을(를) 허용해야 합니다.",
		},
		"fixnote.layer-policy-add-permission": { // layer version ARN
			EN: "aws lambda add-layer-version-permission adds this one statement to the Lambda layer version policy (resource-based) of %s and keeps the statements already there: no whole document is submitted (Terraform's aws_lambda_layer_version_permission and CloudFormation's AWS::Lambda::LayerVersionPermission are one statement each). Each layer version has its own policy: a new version starts with none.",
			JA: "aws lambda add-layer-version-permission は、%s の Lambda レイヤーバージョンポリシー (リソースベース) にこのステートメントを 1 つ追加し、既存のステートメントはそのまま残します: ドキュメント全体を送信することはありません (Terraform の aws_lambda_layer_version_permission と CloudFormation の AWS::Lambda::LayerVersionPermission も、それぞれステートメント 1 つです)。ポリシーはレイヤーのバージョンごとにあり、新しいバージョンには何もありません。",
			KO: "aws lambda add-layer-version-permission은 %s의 Lambda 계층 버전 정책(리소스 기반)에 이 문 하나를 추가하고 기존 문은 그대로 둡니다: 문서 전체를 제출하지 않습니다(Terraform의 aws_lambda_layer_version_permission과 CloudFormation의 AWS::Lambda::LayerVersionPermission도 각각 문 하나입니다). 정책은 계층 버전마다 따로 있으며, 새 버전에는 정책이 없습니다.",
		},
		"fixnote.layer-policy-account-principal": { // account, action
			EN: "add-layer-version-permission grants an account ID or \"*\", never one role or user: the statement names account %s, and the caller's identity-based policy in that account must allow %s too (for all the accounts of an organization: --principal '*' --organization-id with the organization's ID, from aws organizations describe-organization).",
			JA: "add-layer-version-permission で許可できるのはアカウント ID か \"*\" で、ロールやユーザーは指定できません: ステートメントではアカウント %[1]s を指定します。そのアカウントの呼び出し元のアイデンティティベースのポリシーでも %[2]s を許可する必要があります (組織のすべてのアカウントに許可するには --principal '*' と --organization-id に組織の ID を指定します。ID は aws organizations describe-organization で確認できます)。",
			KO: "add-layer-version-permission은 계정 ID 또는 \"*\"만 허용할 수 있고 역할이나 사용자는 지정할 수 없습니다: 문은 계정 %[1]s을(를) 지정하며, 그 계정의 호출자 자격 증명 기반 정책도 %[2]s을(를) 허용해야 합니다(조직의 모든 계정에 허용하려면 --principal '*'와 --organization-id에 조직 ID를 지정하세요. ID는 aws organizations describe-organization으로 확인할 수 있습니다).",
		},
		"fixnote.deny-unknown": { // @fix.noun.*, action, condition operator, key, value
			EN: "The denying statement is not known. Fetch the %s, find the Deny that matches %s, and add to its Condition block: {%q: {%q: %q}}. Do not delete the statement: it is there on purpose.",
			JA: "拒否しているステートメントは不明です。%sを取得し、%s に一致する Deny を見つけて、その Condition ブロックに追加してください: {%q: {%q: %q}}。ステートメントは削除しないでください: 意図して置かれているものです。",
			KO: "거부하는 문을 알 수 없습니다. %s 문서를 가져와 %s과(와) 일치하는 Deny를 찾고, 그 Condition 블록에 추가하세요: {%q: {%q: %q}}. 문을 삭제하지 마세요: 의도적으로 둔 것입니다.",
		},
		"fixnote.federated-subject-unknown": { // condition key, its placeholder
			EN: "A web identity or SAML request carries no aws:PrincipalArn, so the Deny is narrowed by the caller's subject, %[1]s, which the request does not give: replace %[2]s with the subject of the caller's token or SAML assertion. Until then the fix is a candidate, not verified, and not runnable as it is.",
			JA: "Web ID または SAML のリクエストには aws:PrincipalArn が含まれないため、Deny は呼び出し元のサブジェクト %[1]s で絞り込みますが、リクエストにはその値がありません: %[2]s を呼び出し元のトークンまたは SAML アサーションのサブジェクトに置き換えてください。それまでこの修正は候補であり、検証されておらず、そのままでは実行できません。",
			KO: "웹 자격 증명 또는 SAML 요청에는 aws:PrincipalArn이 없으므로 Deny는 호출자의 주체 %[1]s(으)로 좁히지만, 요청에 그 값이 없습니다: %[2]s을(를) 호출자의 토큰 또는 SAML 어설션의 주체로 바꾸세요. 그때까지 이 수정은 후보이며, 검증되지 않았고, 그대로는 실행할 수 없습니다.",
		},
		"fixnote.deny-on-purpose": { // @fix.scope.*, the same @fix.scope.*
			EN: "This Deny was written on purpose: the change keeps it for every other %s and only lifts it for this request's %s. Check with the policy's owner; deleting the statement would lift it for everyone.",
			JA: "この Deny は意図して書かれたものです: 変更後も他のすべての%sには適用され、このリクエストの%sに対してだけ解除されます。ポリシーの所有者に確認してください。ステートメントを削除すると、すべてのユーザーに対して解除されてしまいます。",
			KO: "이 Deny는 의도적으로 작성된 것입니다: 변경 후에도 다른 모든 %s에는 계속 적용되며, 이 요청의 %s에 대해서만 해제됩니다. 정책 소유자와 확인하세요. 문을 삭제하면 모든 사용자에게 해제됩니다.",
		},
		"fixnote.several-denies": { // count
			EN: "%s Deny statements of this policy match the request; each is narrowed the same way.",
			JA: "このポリシーの %s 個の Deny ステートメントがリクエストに一致します。いずれも同じ方法で絞り込みます。",
			KO: "이 정책의 Deny 문 %s개가 요청과 일치합니다. 모두 같은 방식으로 좁힙니다.",
		},
		"fixnote.aws-managed-boundary": {
			EN: "The permissions boundary is an AWS managed policy, which cannot be changed: create a customer managed copy with this change and set it as the boundary instead.",
			JA: "アクセス許可の境界は AWS 管理ポリシーのため変更できません: この変更を加えたカスタマー管理のコピーを作成し、代わりにそれを境界に設定してください。",
			KO: "권한 경계가 AWS 관리형 정책이라 변경할 수 없습니다: 이 변경을 적용한 고객 관리형 사본을 만들어 대신 경계로 설정하세요.",
		},
		"fixnote.aws-managed-policy": {
			EN: "This is an AWS managed policy, which cannot be changed: detach it and attach a customer managed copy with this change.",
			JA: "これは AWS 管理ポリシーのため変更できません: デタッチして、この変更を加えたコピーをカスタマー管理ポリシーとしてアタッチしてください。",
			KO: "이 정책은 AWS 관리형 정책이라 변경할 수 없습니다: 분리한 다음, 이 변경을 적용한 사본을 고객 관리형 정책으로 연결하세요.",
		},
		"fixnote.no-policy-change": { // restore role, the instance's role ARN
			EN: "No policy changes: the restore role %s passes no role to EC2, so it makes no iam:PassRole request. Whoever attaches the instance profile afterwards needs ec2:AssociateIamInstanceProfile and iam:PassRole on %s.",
			JA: "ポリシーは変更しません: 復元ロール %s は EC2 にロールを渡さないため、iam:PassRole リクエストを行いません。あとでインスタンスプロファイルをアタッチする人には、ec2:AssociateIamInstanceProfile と、%s に対する iam:PassRole が必要です。",
			KO: "정책을 변경하지 않습니다: 복원 역할 %s은(는) EC2에 역할을 전달하지 않으므로 iam:PassRole 요청을 하지 않습니다. 나중에 인스턴스 프로파일을 연결하는 사람에게는 ec2:AssociateIamInstanceProfile과 %s에 대한 iam:PassRole이 필요합니다.",
		},
		"fixnote.managed-restores-policy-allows-passrole": {
			EN: "The AWS managed policy AWSBackupServiceRolePolicyForRestores allows this iam:PassRole since its version v25 of 2025-11-10 (statement CreateClusterIAMPerms: any role, when iam:PassedToService is ec2.amazonaws.com, eks.amazonaws.com, pods.eks.amazonaws.com or backup.amazonaws.com). A restore role that has that managed policy attached and is still refused points at a permissions boundary or an SCP, not at the role's own policies.",
			JA: "AWS 管理ポリシー AWSBackupServiceRolePolicyForRestores は、2025-11-10 のバージョン v25 以降、この iam:PassRole を許可しています (ステートメント CreateClusterIAMPerms: iam:PassedToService が ec2.amazonaws.com、eks.amazonaws.com、pods.eks.amazonaws.com、backup.amazonaws.com のいずれかなら、どのロールでも)。この管理ポリシーがアタッチされているのにまだ拒否される復元ロールは、ロール自身のポリシーではなく、アクセス許可の境界か SCP が原因です。",
			KO: "AWS 관리형 정책 AWSBackupServiceRolePolicyForRestores는 2025-11-10의 버전 v25부터 이 iam:PassRole을 허용합니다(문 CreateClusterIAMPerms: iam:PassedToService가 ec2.amazonaws.com, eks.amazonaws.com, pods.eks.amazonaws.com 또는 backup.amazonaws.com이면 모든 역할). 이 관리형 정책이 연결되어 있는데도 여전히 거부되는 복원 역할은 역할 자체의 정책이 아니라 권한 경계나 SCP가 원인입니다.",
		},
		"fixnote.service-linked-role": { // the role's name
			EN: "%s is a service-linked role: AWS owns its permissions policy, which cannot be changed, so no fix edits it; a resource's policy that must admit it (a KMS key policy) names it by its ARN under /aws-service-role/, which the session ARN does not give (aws iam get-role).",
			JA: "%s はサービスリンクロールです: そのアクセス許可ポリシーは AWS が所有していて変更できないため、それを編集する修正はありません。これを許可する必要があるリソースのポリシー (KMS キーポリシーなど) では /aws-service-role/ の下の ARN で指定しますが、セッションの ARN にはそのパスがありません (aws iam get-role)。",
			KO: "%s은(는) 서비스 연결 역할입니다: 권한 정책은 AWS가 소유하며 변경할 수 없으므로 이를 편집하는 수정은 없습니다. 이 역할을 허용해야 하는 리소스 정책(KMS 키 정책 등)은 /aws-service-role/ 아래의 ARN으로 지정하지만, 세션 ARN에는 그 경로가 없습니다(aws iam get-role).",
		},
		"fixnote.anonymous-request": {
			EN: "The request is anonymous (unsigned). No least-privilege policy change can let it through without opening the resource to everyone: sign the request with AWS credentials, and if it is still refused, explain the signed request.",
			JA: "このリクエストは匿名 (署名なし) です。リソースを全員に公開せずにこれを通せる最小権限のポリシー変更はありません: AWS の認証情報でリクエストに署名し、それでも拒否される場合は、署名したリクエストについて explain を実行してください。",
			KO: "이 요청은 익명(서명 없음)입니다. 리소스를 모두에게 공개하지 않고 이 요청을 통과시킬 수 있는 최소 권한 정책 변경은 없습니다: AWS 자격 증명으로 요청에 서명하고, 그래도 거부되면 서명된 요청에 대해 explain을 실행하세요.",
		},
		"fixnote.not-verified": { // the evaluation error
			EN: "The case with the fix applied cannot be evaluated: %s",
			JA: "修正を適用したケースを評価できません: %s",
			KO: "수정을 적용한 케이스를 평가할 수 없습니다: %s",
		},
		"fixnote.passed-to-service-inferred": { // service principal
			EN: "The request does not carry iam:PassedToService. AWS Backup restore sessions pass an instance's role to EC2, so the fixes name %s and are verified with that value in the request context.",
			JA: "リクエストに iam:PassedToService が含まれていません。AWS Backup の復元セッションはインスタンスのロールを EC2 に渡すため、修正では %s を指定し、リクエストコンテキストにその値を入れて検証しています。",
			KO: "요청에 iam:PassedToService가 없습니다. AWS Backup 복원 세션은 인스턴스의 역할을 EC2에 전달하므로, 수정에서는 %s을(를) 지정하고 요청 컨텍스트에 그 값을 넣어 검증합니다.",
		},
		"fixnote.passed-to-service-unknown": { // placeholder service principal
			EN: "The request does not say which service the role is passed to: the fix's iam:PassedToService condition names %s; replace it with that service's principal (backup.amazonaws.com for AWS Backup, ec2.amazonaws.com for an EC2 instance profile) before applying it. The fix is verified with that value in the request context.",
			JA: "リクエストからは、ロールがどのサービスに渡されるかがわかりません: 修正の iam:PassedToService 条件は %s を指定しています。適用する前に、そのサービスのプリンシパル (AWS Backup なら backup.amazonaws.com、EC2 インスタンスプロファイルなら ec2.amazonaws.com) に置き換えてください。修正はリクエストコンテキストにその値を入れて検証しています。",
			KO: "요청에는 역할이 어느 서비스에 전달되는지 나와 있지 않습니다: 수정의 iam:PassedToService 조건은 %s을(를) 지정합니다. 적용하기 전에 해당 서비스의 보안 주체(AWS Backup이면 backup.amazonaws.com, EC2 인스턴스 프로필이면 ec2.amazonaws.com)로 바꾸세요. 수정은 요청 컨텍스트에 그 값을 넣어 검증합니다.",
		},
		"fixnote.deny-statement-known": { // Sid or "(without Sid)", @fix.noun.*
			EN: "The decoded message names the Deny statement %s but not the %s that holds it: find it there and put the statement shown in its place (keep the policy's other statements).",
			JA: "デコードしたメッセージは Deny ステートメント %s を示していますが、それを含む%sは示していません: そのポリシーの中でステートメントを見つけ、表示したステートメントに置き換えてください (ポリシーの他のステートメントはそのまま残します)。",
			KO: "디코딩한 메시지에는 Deny 문 %s은(는) 나와 있지만 이를 포함한 %s은(는) 나와 있지 않습니다: 그 정책에서 문을 찾아 표시된 문으로 바꾸세요(정책의 다른 문은 그대로 둡니다).",
		},
		"fixnote.rcp-guardrail.organization": { // organization IDs, condition key
			EN: "This RCP is a data perimeter: it denies principals outside %s (%s). Meet it first (call from an account of the organization, or copy the data through one); exempting this principal comes second, and only with the policy owner's agreement.",
			JA: "この RCP はデータ境界です: %s の外のプリンシパルを拒否します (%s)。まずこれを満たしてください (組織のアカウントから呼び出すか、組織のアカウントを経由してデータをコピーします)。このプリンシパルを除外するのはその次で、ポリシーの所有者の合意がある場合に限ります。",
			KO: "이 RCP는 데이터 경계입니다: %s 외부의 보안 주체를 거부합니다(%s). 먼저 이를 충족하세요(조직의 계정에서 호출하거나 조직의 계정을 거쳐 데이터를 복사합니다). 이 보안 주체를 예외로 두는 것은 그다음이며, 정책 소유자가 동의한 경우에만 해당합니다.",
		},
		"fixnote.rcp-guardrail.tls": { // condition key
			EN: "This RCP requires encrypted transport (%s): send the request over HTTPS with a current TLS version; an exemption is not the fix.",
			JA: "この RCP は暗号化された通信を要求しています (%s): 最新の TLS バージョンの HTTPS でリクエストを送ってください。除外は修正ではありません。",
			KO: "이 RCP는 암호화된 전송을 요구합니다(%s): 최신 TLS 버전의 HTTPS로 요청을 보내세요. 예외는 수정이 아닙니다.",
		},
		"fixnote.rcp-guardrail.sse-kms": { // condition key
			EN: "This RCP requires server-side encryption with KMS (%s): request it in the upload (aws s3 cp --sse aws:kms --sse-kms-key-id KEY, or the x-amz-server-side-encryption: aws:kms header) or set SSE-KMS as the bucket's default encryption; exempting this principal comes second.",
			JA: "この RCP は KMS によるサーバー側の暗号化を要求しています (%s): アップロードで指定するか (aws s3 cp --sse aws:kms --sse-kms-key-id KEY、または x-amz-server-side-encryption: aws:kms ヘッダー)、バケットのデフォルト暗号化を SSE-KMS にしてください。このプリンシパルを除外するのはその次です。",
			KO: "이 RCP는 KMS를 사용한 서버 측 암호화를 요구합니다(%s): 업로드에서 지정하거나(aws s3 cp --sse aws:kms --sse-kms-key-id KEY 또는 x-amz-server-side-encryption: aws:kms 헤더) 버킷의 기본 암호화를 SSE-KMS로 설정하세요. 이 보안 주체를 예외로 두는 것은 그다음입니다.",
		},
		"fixnote.rcp-guardrail.network": { // condition key
			EN: "This RCP limits where requests may come from (%s): send the request from the organization's networks or VPC endpoints; exempting this principal comes second.",
			JA: "この RCP はリクエストの送信元を制限しています (%s): 組織のネットワークまたは VPC エンドポイントからリクエストを送ってください。このプリンシパルを除外するのはその次です。",
			KO: "이 RCP는 요청을 보낼 수 있는 위치를 제한합니다(%s): 조직의 네트워크나 VPC 엔드포인트에서 요청을 보내세요. 이 보안 주체를 예외로 두는 것은 그다음입니다.",
		},
		"fixnote.condition-on-purpose": {
			EN: "The allowing statement states this condition on purpose (MFA, a network, a tag, a Region...): send the request so that it holds (sign in with MFA, call from the network, tag the resource) instead of dropping it.",
			JA: "許可しているステートメントは、この条件を意図して指定しています (MFA、ネットワーク、タグ、リージョンなど): 条件を外すのではなく、条件が満たされるようにリクエストを送ってください (MFA でサインインする、そのネットワークから呼び出す、リソースにタグを付けるなど)。",
			KO: "허용하는 문은 이 조건을 의도적으로 지정했습니다(MFA, 네트워크, 태그, 리전 등): 조건을 없애지 말고 조건이 충족되도록 요청을 보내세요(MFA로 로그인, 해당 네트워크에서 호출, 리소스에 태그 지정 등).",
		},
		"fixnote.deny-guardrail": { // the condition keys
			EN: "This Deny enforces a guardrail on how the request is sent (%s): sending it so (over TLS, from the network, with MFA, in the Region, encrypted) is the first fix; an exemption from the guardrail comes second, and only with the policy owner's agreement.",
			JA: "この Deny はリクエストの送り方についてのガードレール (%s) を課しています: そのとおりに送る (TLS で、そのネットワークから、MFA 付きで、そのリージョンで、暗号化して) ことが最初の修正です。ガードレールの適用除外はその次で、ポリシーの所有者の同意がある場合に限ります。",
			KO: "이 Deny는 요청을 보내는 방식에 대한 가드레일(%s)을 적용합니다: 그대로 보내는 것(TLS로, 해당 네트워크에서, MFA로, 해당 리전에서, 암호화하여)이 첫 번째 수정입니다. 가드레일 적용 제외는 그다음이며, 정책 소유자가 동의한 경우에만 가능합니다.",
		},
		"fixnote.deny-condition-on-purpose": {
			EN: "The Deny states this condition on purpose: send the request so that it does not hold (over TLS, from the allowed network or Region, with MFA, with the required encryption or tags) instead of exempting anyone from it.",
			JA: "この Deny は条件を意図して指定しています: 誰かを適用除外にするのではなく、条件が成り立たないようにリクエストを送ってください (TLS で、許可されたネットワークやリージョンから、MFA 付きで、必要な暗号化やタグを付けて)。",
			KO: "이 Deny는 조건을 의도적으로 지정했습니다: 누군가를 적용 제외하지 말고 조건이 성립하지 않도록 요청을 보내세요(TLS로, 허용된 네트워크나 리전에서, MFA로, 필요한 암호화나 태그를 붙여).",
		},
		"fixnote.candidate-resource": {
			EN: "Candidate: the fix if the role's trust policy does not trust the caller (the message does not say it is the refusing policy; read the trust policy first).",
			JA: "候補: ロールの信頼ポリシーが呼び出し元を信頼していない場合の修正です (メッセージはこれが拒否したポリシーだとは言っていません。先に信頼ポリシーを確認してください)。",
			KO: "후보: 역할의 신뢰 정책이 호출자를 신뢰하지 않는 경우의 수정입니다(메시지는 이 정책이 거부했다고 말하지 않습니다. 먼저 신뢰 정책을 확인하세요).",
		},
		"fixnote.candidate-identity": {
			EN: "Candidate: the fix if the caller's identity-based policies do not allow the request (the message does not say it is the refusing policy; simulate the caller's policies first).",
			JA: "候補: 呼び出し元のアイデンティティベースのポリシーがリクエストを許可していない場合の修正です (メッセージはこれが拒否したポリシーだとは言っていません。先に呼び出し元のポリシーをシミュレートしてください)。",
			KO: "후보: 호출자의 자격 증명 기반 정책이 요청을 허용하지 않는 경우의 수정입니다(메시지는 이 정책이 거부했다고 말하지 않습니다. 먼저 호출자의 정책을 시뮬레이션하세요).",
		},
		"fixnote.sso-permission-set": {
			EN: "This role belongs to an IAM Identity Center permission set, which creates and owns it: IAM refuses changes to the role itself. Add the statement to the permission set instead (its inline policy, or a customer managed policy it references; aws sso-admin put-inline-policy-to-permission-set, then provision the permission set), from the Identity Center administration account.",
			JA: "このロールは IAM Identity Center の権限セットが作成・所有するロールで、IAM はロール自体への変更を拒否します。代わりに権限セットにステートメントを追加してください (インラインポリシー、または権限セットが参照するカスタマー管理ポリシー。aws sso-admin put-inline-policy-to-permission-set の後に権限セットをプロビジョニング)。操作は Identity Center の管理アカウントから行います。",
			KO: "이 역할은 IAM Identity Center 권한 세트가 만들고 소유하는 역할이며, IAM은 역할 자체에 대한 변경을 거부합니다. 대신 권한 세트에 문을 추가하세요(인라인 정책 또는 권한 세트가 참조하는 고객 관리형 정책. aws sso-admin put-inline-policy-to-permission-set 후 권한 세트를 프로비저닝). 작업은 Identity Center 관리 계정에서 합니다.",
		},
		"fixnote.service-session.cognito-identity": {
			EN: "The session is an Amazon Cognito identity pool session (CognitoIdentityCredentials). In the enhanced (simplified) authflow, Cognito passes a session policy of its own to the credentials of unauthenticated identities, which allows only a fixed list of services; no policy you own widens it. Call the action from authenticated identities, through a backend, or use the basic (classic) authflow (GetOpenIdToken, then AssumeRoleWithWebIdentity), where only the role's policies apply.",
			JA: "このセッションは Amazon Cognito ID プールのセッション (CognitoIdentityCredentials) です。拡張 (簡略化) 認証フローでは、Cognito は未認証 ID の認証情報に独自のセッションポリシーを渡し、決まった一覧のサービスしか許可しません。お使いのアカウントのどのポリシーを変えても広がりません。認証済み ID から、またはバックエンド経由でアクションを呼び出すか、ロールのポリシーだけが適用される基本 (クラシック) 認証フロー (GetOpenIdToken の後に AssumeRoleWithWebIdentity) を使ってください。",
			KO: "이 세션은 Amazon Cognito 자격 증명 풀 세션(CognitoIdentityCredentials)입니다. 향상된(간소화된) 인증 흐름에서 Cognito는 인증되지 않은 자격 증명의 자격 증명에 자체 세션 정책을 전달하며, 이 정책은 정해진 목록의 서비스만 허용합니다. 사용자가 소유한 어떤 정책으로도 넓힐 수 없습니다. 인증된 자격 증명에서 또는 백엔드를 통해 작업을 호출하거나, 역할의 정책만 적용되는 기본(클래식) 인증 흐름(GetOpenIdToken 후 AssumeRoleWithWebIdentity)을 사용하세요.",
		},
		"fixnote.service-session.kinesisanalytics": {
			EN: "The session belongs to Amazon Managed Service for Apache Flink (Kinesis Data Analytics), which creates it with a session policy of its own (for example FlinkApplicationStateSession, for the service-owned bucket that holds the application's state). That policy is not yours to change: access your own resources with the application's service execution role instead, and keep within the service's limits for the state it manages.",
			JA: "このセッションは Amazon Managed Service for Apache Flink (Kinesis Data Analytics) のもので、サービスが独自のセッションポリシーを付けて作成します (たとえば FlinkApplicationStateSession は、アプリケーションの状態を保存するサービス所有のバケット用です)。このポリシーは利用者が変更できるものではありません: 自分のリソースにはアプリケーションのサービス実行ロールでアクセスし、サービスが管理する状態についてはサービスの制限の範囲内で使ってください。",
			KO: "이 세션은 Amazon Managed Service for Apache Flink(Kinesis Data Analytics)의 세션으로, 서비스가 자체 세션 정책을 붙여 만듭니다(예: FlinkApplicationStateSession은 애플리케이션 상태를 저장하는 서비스 소유 버킷용입니다). 이 정책은 사용자가 변경할 수 있는 것이 아닙니다: 자신의 리소스에는 애플리케이션의 서비스 실행 역할로 액세스하고, 서비스가 관리하는 상태는 서비스의 제한 범위 안에서 사용하세요.",
		},
		"fixnote.role-path": { // role ARN
			EN: "The session's role is %s (a session ARN does not carry the role's path); the fixes name that ARN and are verified with it as aws:PrincipalArn.",
			JA: "セッションのロールは %s です (セッションの ARN にはロールのパスが含まれません)。修正ではこの ARN を指定し、これを aws:PrincipalArn として検証しています。",
			KO: "세션의 역할은 %s입니다(세션 ARN에는 역할의 경로가 포함되지 않습니다). 수정에서는 이 ARN을 지정하고, 이를 aws:PrincipalArn으로 사용해 검증합니다.",
		},
	}

	// The identity-policy fix and the passrole-any-role risk, per
	// principal: "role", "user", "federated" (the IAM user that called
	// GetFederationToken, which has no name).
	principals := []struct {
		form string
		// on: "on role %s"; subject: "The role %s" (start of a sentence).
		on, subject [3]string
	}{
		{"role", [3]string{"on role %s", "をロール %s に", "을(를) 역할 %s에"}, [3]string{"The role %s", "ロール %s は", "역할 %s은(는)"}},
		{"user", [3]string{"on user %s", "をユーザー %s に", "을(를) 사용자 %s에"}, [3]string{"The user %s", "ユーザー %s は", "사용자 %s은(는)"}},
		{"federated", [3]string{"on the IAM user that called GetFederationToken", "を、GetFederationToken を呼び出した IAM ユーザーに", "을(를) GetFederationToken을 호출한 IAM 사용자에"},
			[3]string{"The IAM user that called GetFederationToken", "GetFederationToken を呼び出した IAM ユーザーは", "GetFederationToken을 호출한 IAM 사용자는"}},
		// a principal whose kind (user or role) the message does not say
		{"principal", [3]string{"on the denied principal (an IAM user or role: the message does not say which)", "を、拒否されたプリンシパル (IAM ユーザーまたはロール: メッセージからはどちらか分かりません) に", "을(를) 거부된 보안 주체(IAM 사용자 또는 역할: 메시지로는 어느 쪽인지 알 수 없습니다)에"},
			[3]string{"The denied principal (an IAM user or role)", "拒否されたプリンシパル (IAM ユーザーまたはロール) は", "거부된 보안 주체(IAM 사용자 또는 역할)는"}},
	}
	crossAccount := [3]string{
		" (the requester's account must allow a cross-account request too)",
		" (クロスアカウントのリクエストは、リクエスト元のアカウントでも許可されている必要があります)",
		" (교차 계정 요청은 요청자의 계정에서도 허용되어야 합니다)",
	}
	for _, p := range principals {
		// action, resource, policy name[, principal name]
		title := [3]string{
			"Allow %s on %s in a new inline policy %s " + p.on[0],
			"%s (%s) を許可する新しいインラインポリシー %s " + p.on[1] + "追加します",
			"%s(%s)을(를) 허용하는 새 인라인 정책 %s" + p.on[2] + " 추가합니다",
		}
		// account, policy name[, principal name]
		m["fix.title.passrole-any-role."+p.form] = langs([3]string{
			"Allow iam:PassRole on every role of account %s in a new inline policy %s " + p.on[0] + " (the fix some articles give)",
			"アカウント %s のすべてのロールに対する iam:PassRole を許可する新しいインラインポリシー %s " + p.on[1] + "追加します (一部の記事が紹介している修正)",
			"계정 %s의 모든 역할에 대해 iam:PassRole을 허용하는 새 인라인 정책 %s" + p.on[2] + " 추가합니다(일부 글에서 제시하는 수정)",
		})
		id := "fix.title.identity-inline-allow." + p.form
		m[id] = langs(title)
		m[id+".cross-account"] = langs([3]string{title[0] + crossAccount[0], title[1] + crossAccount[1], title[2] + crossAccount[2]})
		// [principal name,] account, service
		m["fix.risk.passrole-any-role."+p.form] = langs([3]string{
			p.subject[0] + " could pass any role of account %s, administrator roles included, and with no iam:PassedToService condition to any service, not only %s: whoever can start a restore with it, or assume it, could launch an instance that runs as an administrator role. That is a privilege escalation path; the least-privilege fix names the one role and the one service.",
			p.subject[1] + "、アカウント %s のどのロールでも (管理者ロールも含めて) 渡せるようになり、iam:PassedToService 条件がないため、%s だけでなくどのサービスにも渡せます。これを使って復元を開始できる人や、これを引き受けられる人は、管理者ロールとして実行されるインスタンスを起動できてしまいます。これは権限昇格の経路です。最小権限の修正では、1 つのロールと 1 つのサービスだけを指定します。",
			p.subject[2] + " 계정 %s의 모든 역할(관리자 역할 포함)을 전달할 수 있게 되며, iam:PassedToService 조건이 없으므로 %s뿐 아니라 모든 서비스에 전달할 수 있습니다. 이를 사용해 복원을 시작하거나 이를 수임할 수 있는 사람은 누구나 관리자 역할로 실행되는 인스턴스를 시작할 수 있습니다. 이는 권한 에스컬레이션 경로입니다. 최소 권한 수정은 하나의 역할과 하나의 서비스만 지정합니다.",
		})
	}

	// How a narrowed Deny still applies: to every resource but the
	// request's, to every principal but the requester, or both (one
	// statement each way).
	hows := []struct {
		form string
		text [3]string
	}{
		{"resource", [3]string{"everything but %s", "%s 以外のすべてのリソース", "%s 이외의 모든 리소스"}},
		{"principal", [3]string{"every principal but %s", "%s 以外のすべてのプリンシパル", "%s 이외의 모든 보안 주체"}},
		{"resource-principal", [3]string{"everything but %s; every principal but %s", "%s 以外のすべてのリソース、および %s 以外のすべてのプリンシパル", "%s 이외의 모든 리소스 및 %s 이외의 모든 보안 주체"}},
	}

	// Sentences that name a policy, one message per form of the name.
	for _, t := range fixTargets {
		f := t.text
		// principal ARN, target
		m["fix.title.except."+t.form] = langs([3]string{
			"Except %s from the Deny in " + f[0],
			jaCat("%s を", f[1], "の Deny の対象から除外します"),
			"%s을(를) " + f[2] + "의 Deny 대상에서 제외합니다",
		})
		// Sid or #index, target
		m["fix.title.remove-deny."+t.form] = langs([3]string{
			"Remove the Deny %s from " + f[0],
			jaCat("Deny %s を", f[1], "から削除します"),
			"Deny %s을(를) " + f[2] + "에서 제거합니다",
		})
		// Sid or #index, target, how
		for _, h := range hows {
			m["fix.title.narrow."+t.form+"."+h.form] = langs([3]string{
				"Narrow the Deny %s in " + f[0] + " so that it applies to " + h.text[0],
				jaCat("Deny %s を、", f[1], "内で", h.text[1], "にだけ適用されるように絞り込みます"),
				"Deny %s을(를) " + f[2] + " 안에서 " + h.text[2] + "에만 적용되도록 좁힙니다",
			})
		}
		switch {
		case t.resource:
			// principal ARN, target, action
			m["fix.title.add-principal."+t.form] = langs([3]string{
				"Add %s to " + f[0] + ", allowing %s",
				jaCat("%s を", f[1], "に追加し、%s を許可します"),
				"%s을(를) " + f[2] + "에 추가하여 %s을(를) 허용합니다",
			})
		case t.form == "boundary" || t.form == "vpce-policy":
			// action, resource, target
			m["fix.title.add-statement."+t.form] = langs([3]string{
				"Add a statement allowing %s on %s to " + f[0],
				jaCat("%s (%s) を許可するステートメントを", f[1], "に追加します"),
				"%s(%s)을(를) 허용하는 문을 " + f[2] + "에 추가합니다",
			})
		}
	}
	register(m)
}

// fixTargets are the forms in which a fix names the policy it changes,
// with the arguments each takes, in English, Japanese and Korean.
var fixTargets = []struct {
	form     string
	text     [3]string
	resource bool // a resource-based policy
}{
	{"inline-role", [3]string{"the inline policy %s of role %s", "インラインポリシー %s (ロール %s)", "인라인 정책 %s(역할 %s)"}, false},                                                                                              // policy, role
	{"inline-user", [3]string{"the inline policy %s of user %s", "インラインポリシー %s (ユーザー %s)", "인라인 정책 %s(사용자 %s)"}, false},                                                                                            // policy, user
	{"inline-federated", [3]string{"the inline policy %s of the IAM user that called GetFederationToken", "GetFederationToken を呼び出した IAM ユーザーのインラインポリシー %s", "GetFederationToken을 호출한 IAM 사용자의 인라인 정책 %s"}, false}, // policy
	{"identity-role", [3]string{"an identity-based policy (inline or managed) of role %s", "ロール %s のアイデンティティベースのポリシー (インラインまたは管理ポリシー)", "역할 %s의 자격 증명 기반 정책(인라인 또는 관리형)"}, false},                                  // role
	{"identity-user", [3]string{"an identity-based policy (inline or managed) of user %s", "ユーザー %s のアイデンティティベースのポリシー (インラインまたは管理ポリシー)", "사용자 %s의 자격 증명 기반 정책(인라인 또는 관리형)"}, false},                                // user
	{"identity-federated", [3]string{"an identity-based policy of the IAM user that called GetFederationToken", "GetFederationToken を呼び出した IAM ユーザーのアイデンティティベースのポリシー", "GetFederationToken을 호출한 IAM 사용자의 자격 증명 기반 정책"}, false},
	{"identity-principal", [3]string{"an identity-based policy of the denied principal (an IAM user or role: the message does not say which)", "拒否されたプリンシパル (IAM ユーザーまたはロール: メッセージからはどちらか分かりません) のアイデンティティベースのポリシー", "거부된 보안 주체(IAM 사용자 또는 역할: 메시지로는 어느 쪽인지 알 수 없습니다)의 자격 증명 기반 정책"}, false},
	{"managed-policy", [3]string{"the managed policy %s", "管理ポリシー %s", "관리형 정책 %s"}, false},   // name
	{"boundary", [3]string{"the permissions boundary %s", "アクセス許可の境界 %s", "권한 경계 %s"}, false}, // name
	{"session-policy", [3]string{"the session policy %s", "セッションポリシー %s", "세션 정책 %s"}, false}, // name
	{"scp", [3]string{"the SCP %s", "SCP %s", "SCP %s"}, false},                                                       // name
	{"rcp", [3]string{"the RCP %s", "RCP %s", "RCP %s"}, false},                                                       // name
	{"vpce-policy", [3]string{"the VPC endpoint policy %s", "VPC エンドポイントポリシー %s", "VPC 엔드포인트 정책 %s"}, false},          // endpoint policy name
	{"key-policy", [3]string{"the key policy of %s", "%s のキーポリシー", "%s의 키 정책"}, true},                                 // key ARN
	{"trust-policy", [3]string{"the trust policy of role %s", "ロール %s の信頼ポリシー", "역할 %s의 신뢰 정책"}, true},                // role
	{"vault-policy", [3]string{"the access policy of vault %s", "バックアップボールト %s のアクセスポリシー", "백업 볼트 %s의 액세스 정책"}, true}, // vault
	{"recovery-point-vault-policy", [3]string{"the access policy of the recovery point's vault", "復旧ポイントが保存されているバックアップボールトのアクセスポリシー", "복구 시점이 저장된 백업 볼트의 액세스 정책"}, true},
	{"bucket-policy", [3]string{"the bucket policy of %s", "%s のバケットポリシー", "%s의 버킷 정책"}, true}, // bucket
	// function ARN
	{"function-policy", [3]string{"the Lambda function policy (resource-based) of %s", "%s の Lambda 関数ポリシー (リソースベース)", "%s의 Lambda 함수 정책(리소스 기반)"}, true},
	// layer version ARN
	{"layer-policy", [3]string{"the Lambda layer version policy (resource-based) of %s", "%s の Lambda レイヤーバージョンポリシー (リソースベース)", "%s의 Lambda 계층 버전 정책(리소스 기반)"}, true},
	{"resource-policy", [3]string{"the resource-based policy of %s", "%s のリソースベースのポリシー", "%s의 리소스 기반 정책"}, true}, // resource ARN
}

func langs(t [3]string) tr { return tr{EN: t[0], JA: t[1], KO: t[2]} }

// jaCat joins parts of a Japanese sentence, with a space between a
// Japanese character and a Latin one or a format verb, as the other
// Japanese messages are written.
func jaCat(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			prev := b.String()
			l, r := latinEnd(prev), latinStart(p)
			if l != r && !jaPunct(prev, p) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// latinEnd reports whether s ends with an ASCII character (a format verb
// or a closing parenthesis included).
func latinEnd(s string) bool { return s[len(s)-1] < 0x80 }

func latinStart(s string) bool { return s[0] < 0x80 }

// jaPunct reports whether the join is next to Japanese punctuation, which
// takes no space.
func jaPunct(prev, next string) bool {
	return strings.HasSuffix(prev, "、") || strings.HasSuffix(prev, "。") || strings.HasPrefix(next, "、") || strings.HasPrefix(next, "。")
}
