package i18n

// The comment lines of the AWS CLI, Terraform and CloudFormation
// renderings of a fix (fix/render.go, fix/backup.go: Renderings.In), and
// the notes on what could not be read in a message (authzmsg,
// Denial.UnreadableIn). Those packages write every such line from its
// message; a phrase they pass as an argument is "@fixcli.phrase....".
func registerFixcli(register func(map[string]tr)) {
	register(map[string]tr{
		"fixcli.apply-with-owner": {
			EN: "# Apply this document with the API of the service that owns %s.",
			JA: "# このドキュメントは、%s を所有するサービスの API で適用してください。",
			KO: "# 이 문서는 %s을(를) 소유한 서비스의 API로 적용하세요.",
		},
		"fixcli.current-unknown": {
			EN: "# The current %s is not known and the update replaces it whole: fetch it, %s, and submit the result.",
			JA: "# 現在の%[1]sは不明で、更新はそれを丸ごと置き換えます: 現在のものを取得し、%[2]s、結果を送信してください。",
			KO: "# 현재 %[1]s을(를) 알 수 없고 업데이트는 이를 통째로 바꿉니다: 현재 것을 가져와 %[2]s 결과를 제출하세요.",
		},
		"fixcli.replaces-whole-document": {
			EN: "# %s replaces the whole %s: this is the current document with the change merged in.",
			JA: "# %[1]s は%[2]s全体を置き換えます: これは現在のドキュメントに変更を反映したものです。",
			KO: "# %[1]s은(는) %[2]s 전체를 바꿉니다: 이것은 현재 문서에 변경을 반영한 것입니다.",
		},
		"fixcli.replaces-whole-one": {
			EN: "# %s replaces the whole %s: this is the current one with the change merged in.",
			JA: "# %[1]s は%[2]s全体を置き換えます: これは現在のものに変更を反映したものです。",
			KO: "# %[1]s은(는) %[2]s 전체를 바꿉니다: 이것은 현재 것에 변경을 반영한 것입니다.",
		},
		"fixcli.five-versions": {
			EN: "# A managed policy keeps at most 5 versions; if it has 5, delete the oldest first (%s).",
			JA: "# 管理ポリシーが保持できるバージョンは最大 5 つです。すでに 5 つある場合は、先に最も古いものを削除してください (%s)。",
			KO: "# 관리형 정책은 버전을 최대 5개까지 보관합니다. 이미 5개가 있으면 가장 오래된 버전을 먼저 삭제하세요(%s).",
		},
		"fixcli.write-file": {
			EN: "# No AWS call returns the current %s: write the one that is passed now, changed so, to %s.",
			JA: "# 現在の%[1]sを返す AWS の呼び出しはありません: いま渡しているものをそのように変更して %[2]s に書いてください。",
			KO: "# 현재 %[1]s을(를) 돌려주는 AWS 호출은 없습니다: 지금 전달하는 것을 그렇게 바꿔 %[2]s에 쓰세요.",
		},
		"fixcli.aws-managed-copy": { // AWS managed policy ARN, name of the copy
			EN: "# %[1]s is an AWS managed policy, which cannot be changed: the change goes into a customer managed copy, %[2]s, put in its place.",
			JA: "# %[1]s は AWS 管理ポリシーのため変更できません: 変更はカスタマー管理のコピー %[2]s に加え、元のポリシーの代わりに使います。",
			KO: "# %[1]s은(는) AWS 관리형 정책이라 변경할 수 없습니다: 변경은 고객 관리형 사본 %[2]s에 넣고, 원래 정책 대신 사용합니다.",
		},
		"fixcli.session-passed": {
			EN: "# The session policy is passed by whoever calls AssumeRole or GetFederationToken: widen it there; no policy in the account changes.",
			JA: "# セッションポリシーは AssumeRole または GetFederationToken を呼び出す側が渡します。そこで広げてください。アカウントのポリシーは変わりません。",
			KO: "# 세션 정책은 AssumeRole 또는 GetFederationToken을 호출하는 쪽이 전달합니다. 그곳에서 넓히세요. 계정의 정책은 바뀌지 않습니다.",
		},
		"fixcli.find-policy-id": {
			EN: "# Find the policy ID with: %s",
			JA: "# ポリシー ID は次のコマンドで確認できます: %s",
			KO: "# 정책 ID는 다음 명령으로 확인할 수 있습니다: %s",
		},
		"fixcli.restore-no-role-1": {
			EN: "# Restore with \"Proceed with no IAM role\": the IamInstanceProfileName restore metadata key is omitted,",
			JA: "# [IAM ロールなしで続行] で復元します: 復元メタデータのキー IamInstanceProfileName を省くため、",
			KO: "# IAM 역할 없이 진행(Proceed with no IAM role)으로 복원합니다: 복원 메타데이터 키 IamInstanceProfileName을 빼므로",
		},
		"fixcli.restore-no-role-2": {
			EN: "# so the restore role %s passes no role to EC2 and needs no iam:PassRole.",
			JA: "# 復元ロール %s は EC2 にロールを渡さず、iam:PassRole も必要ありません。",
			KO: "# 복원 역할 %s은(는) EC2에 역할을 전달하지 않고 iam:PassRole도 필요하지 않습니다.",
		},
		"fixcli.restore-no-role-3": {
			EN: "# When the job has completed, find the instance (%s)",
			JA: "# ジョブが完了したら、インスタンスを確認し (%s)、",
			KO: "# 작업이 완료되면 인스턴스를 찾고(%s)",
		},
		"fixcli.restore-no-role-4": {
			EN: "# and attach the instance profile that holds %s (the console names it after the role; %s):",
			JA: "# %[1]s を含むインスタンスプロファイルをアタッチします (コンソールではロールと同じ名前になります。%[2]s):",
			KO: "# %[1]s을(를) 담은 인스턴스 프로파일을 연결합니다(콘솔은 역할과 같은 이름을 붙입니다. %[2]s):",
		},

		"fixcli.not-runnable": {
			EN: "# Not runnable as-is: replace %s first.",
			JA: "# このままでは実行できません: 先に %s を置き換えてください。",
			KO: "# 이대로는 실행할 수 없습니다: 먼저 %s을(를) 바꾸세요.",
		},
		"fixcli.not-runnable-find": {
			EN: "# Not runnable as-is: replace %s first. %s",
			JA: "# このままでは実行できません: 先に %[1]s を置き換えてください。値の調べ方: %[2]s",
			KO: "# 이대로는 실행할 수 없습니다: 먼저 %[1]s을(를) 바꾸세요. 값 확인 방법: %[2]s",
		},
		// How to find the account ID <ACCOUNT_ID> stands for, after "<ACCOUNT_ID>: ".
		"fixcli.find.caller-account": { // command
			EN: "%s, run with the caller's credentials",
			JA: "%s (呼び出し元の認証情報を使って)",
			KO: "%s (호출자의 자격 증명을 사용해)",
		},
		"fixcli.find.caller-account-org": { // command, command listing the organization's accounts
			EN: "%s, run with the caller's credentials, or in the management account %s",
			JA: "%s (呼び出し元の認証情報を使って)、または管理アカウントで %s",
			KO: "%s (호출자의 자격 증명을 사용해) 또는 관리 계정에서 %s",
		},
		"fixcli.find.key-account": { // command
			EN: "%s with credentials of the key's account, or ask the key's owner",
			JA: "キーのアカウントの認証情報で %s を実行するか、キーの所有者に確認してください",
			KO: "키 계정의 자격 증명으로 %s을(를) 실행하거나 키 소유자에게 확인하세요",
		},
		"fixcli.find.function-name": { // command
			EN: "%s with credentials of the function's account, in its Region, or ask the function's owner",
			JA: "関数のアカウントの認証情報で、関数のリージョンで %s を実行するか、関数の所有者に確認してください",
			KO: "함수 계정의 자격 증명으로 함수의 리전에서 %s을(를) 실행하거나 함수 소유자에게 확인하세요",
		},
		"fixcli.find.layer": { // command
			EN: "%s with credentials of the layer's account, in its Region, or ask the layer's owner",
			JA: "レイヤーのアカウントの認証情報で、レイヤーのリージョンで %s を実行するか、レイヤーの所有者に確認してください",
			KO: "계층 계정의 자격 증명으로 계층의 리전에서 %s을(를) 실행하거나 계층 소유자에게 확인하세요",
		},
		"fixcli.find.owner-account": { // resource ARN
			EN: "the account ID in %s as the request gave it in full, or ask the resource's owner (it may not be the caller's account)",
			JA: "リクエストが省略せずに指定した %s のアカウント ID。わからなければリソースの所有者に確認してください (呼び出し元のアカウントとは限りません)",
			KO: "요청이 생략 없이 지정한 %s의 계정 ID입니다. 모르면 리소스 소유자에게 확인하세요(호출자의 계정이 아닐 수 있습니다)",
		},
		"fixcli.iac.not-usable": { // placeholders
			EN: "# Not usable as-is: replace %s first.",
			JA: "# このままでは使えません: 先に %s を置き換えてください。",
			KO: "# 이대로는 사용할 수 없습니다: 먼저 %s을(를) 바꾸세요.",
		},
		"fixcli.iac.not-usable-find": { // placeholders, the commands that find their values
			EN: "# Not usable as-is: replace %s first. %s",
			JA: "# このままでは使えません: 先に %[1]s を置き換えてください。値の調べ方: %[2]s",
			KO: "# 이대로는 사용할 수 없습니다: 먼저 %[1]s을(를) 바꾸세요. 값 확인 방법: %[2]s",
		},
		"fixcli.other-account": { // owner account, resource ARN, principal's account
			EN: "# Run with credentials of account %[1]s, which owns %[2]s: the principal's account %[3]s cannot change this policy.",
			JA: "# アカウント %[1]s (%[2]s の所有者) の認証情報で実行してください: プリンシパルのアカウント %[3]s ではこのポリシーを変更できません。",
			KO: "# %[2]s을(를) 소유한 계정 %[1]s의 자격 증명으로 실행하세요: 주체의 계정 %[3]s로는 이 정책을 변경할 수 없습니다.",
		},
		"fixcli.resource-apply": { // resource ARN, service
			EN: "# This is the resource-based policy of %s: apply the document with the %s API call that sets that resource's policy (check in that service's documentation whether the call replaces the whole policy or adds statements to it: some services do either).",
			JA: "# これは %[1]s のリソースベースのポリシーです: そのリソースのポリシーを設定する %[2]s の API 呼び出しでドキュメントを適用してください (その呼び出しがポリシー全体を置き換えるのか、ステートメントを追加するのかは、サービスのドキュメントで確認してください: どちらのサービスもあります)。",
			KO: "# 이것은 %[1]s의 리소스 기반 정책입니다: 그 리소스의 정책을 설정하는 %[2]s API 호출로 문서를 적용하세요(그 호출이 정책 전체를 바꾸는지 문을 추가하는지는 서비스 문서에서 확인하세요: 두 경우가 모두 있습니다).",
		},
		"fixcli.resource-apply.replaces": { // resource ARN, the call
			EN: "# This is the resource-based policy of %s: apply the document with %s, which replaces the whole policy (fetch the current one first and keep its statements).",
			JA: "# これは %[1]s のリソースベースのポリシーです: %[2]s でドキュメントを適用してください。この呼び出しはポリシー全体を置き換えます (先に現在のポリシーを取得し、そのステートメントを残してください)。",
			KO: "# 이것은 %[1]s의 리소스 기반 정책입니다: %[2]s(으)로 문서를 적용하세요. 이 호출은 정책 전체를 바꿉니다(먼저 현재 정책을 가져와 그 문을 유지하세요).",
		},
		"fixcli.resource-apply.adds": { // resource ARN, the call
			EN: "# This is the resource-based policy of %s: %s adds one statement at a time and keeps the others (it never replaces the whole policy): add each statement of the document with it.",
			JA: "# これは %[1]s のリソースベースのポリシーです: %[2]s はステートメントを 1 つずつ追加し、ほかはそのまま残します (ポリシー全体を置き換えることはありません): ドキュメントのステートメントを 1 つずつ追加してください。",
			KO: "# 이것은 %[1]s의 리소스 기반 정책입니다: %[2]s은(는) 문을 하나씩 추가하고 나머지는 그대로 둡니다(정책 전체를 바꾸지 않습니다): 문서의 문을 하나씩 추가하세요.",
		},
		"fixcli.resource-apply.events": { // resource ARN
			EN: "# This is the resource-based policy of %s: aws events put-permission with --statement-id, --action and --principal adds one statement and keeps the others; with --policy it replaces the whole policy.",
			JA: "# これは %[1]s のリソースベースのポリシーです: aws events put-permission に --statement-id、--action、--principal を指定するとステートメントを 1 つ追加し、ほかはそのまま残します。--policy を指定するとポリシー全体が置き換わります。",
			KO: "# 이것은 %[1]s의 리소스 기반 정책입니다: aws events put-permission에 --statement-id, --action, --principal을 지정하면 문 하나를 추가하고 나머지는 그대로 둡니다. --policy를 지정하면 정책 전체가 바뀝니다.",
		},
		"fixcli.function-policy.add": { // function ARN, the command that prints its policy
			EN: "# Lambda function policy (resource-based) of %s: add-permission adds this one statement and keeps the others; it refuses a --statement-id the policy already has (%s lists them).",
			JA: "# %[1]s の Lambda 関数ポリシー (リソースベース): add-permission はこのステートメントを 1 つ追加し、ほかはそのまま残します。ポリシーにすでにある --statement-id は拒否されます (%[2]s で一覧できます)。",
			KO: "# %[1]s의 Lambda 함수 정책(리소스 기반): add-permission은 이 문 하나를 추가하고 나머지는 그대로 둡니다. 정책에 이미 있는 --statement-id는 거부됩니다(%[2]s로 확인할 수 있습니다).",
		},
		"fixcli.function-policy.cannot-add": { // function ARN, the command that prints its policy
			EN: "# Lambda function policy (resource-based) of %s: aws lambda add-permission writes only an Allow for one principal, with SourceArn, SourceAccount or PrincipalOrgID as its only conditions, and cannot write this statement; change the policy as the policy JSON shows (%s prints the current one).",
			JA: "# %[1]s の Lambda 関数ポリシー (リソースベース): aws lambda add-permission が書けるのは 1 つのプリンシパルに対する Allow (条件は SourceArn、SourceAccount、PrincipalOrgID のみ) だけで、このステートメントは書けません。ポリシー JSON のとおりにポリシーを変更してください (現在のものは %[2]s で表示できます)。",
			KO: "# %[1]s의 Lambda 함수 정책(리소스 기반): aws lambda add-permission은 보안 주체 하나에 대한 Allow(조건은 SourceArn, SourceAccount, PrincipalOrgID만)만 쓸 수 있어 이 문은 쓸 수 없습니다. 정책 JSON대로 정책을 변경하세요(현재 정책은 %[2]s로 볼 수 있습니다).",
		},
		"fixcli.iac.function-policy": { // function ARN, resource type
			EN: "# Lambda function policy (resource-based) of %s: each %s is one statement of it; the statements already there stay.",
			JA: "# %[1]s の Lambda 関数ポリシー (リソースベース): %[2]s 1 つがそのステートメント 1 つです。既存のステートメントはそのまま残ります。",
			KO: "# %[1]s의 Lambda 함수 정책(리소스 기반): %[2]s 하나가 그 정책의 문 하나입니다. 기존 문은 그대로 남습니다.",
		},
		"fixcli.iac.function-policy.cannot-add": { // function ARN, resource type
			EN: "# Lambda function policy (resource-based) of %s: a %s cannot hold this statement; change the policy as the policy JSON shows.",
			JA: "# %[1]s の Lambda 関数ポリシー (リソースベース): %[2]s ではこのステートメントを表せません。ポリシー JSON のとおりにポリシーを変更してください。",
			KO: "# %[1]s의 Lambda 함수 정책(리소스 기반): %[2]s로는 이 문을 나타낼 수 없습니다. 정책 JSON대로 정책을 변경하세요.",
		},
		"fixcli.layer-policy.add": { // layer version ARN, the command that prints its policy
			EN: "# Lambda layer version policy (resource-based) of %s: add-layer-version-permission adds this one statement and keeps the others; it refuses a --statement-id the policy already has (%s lists them).",
			JA: "# %[1]s の Lambda レイヤーバージョンポリシー (リソースベース): add-layer-version-permission はこのステートメントを 1 つ追加し、ほかはそのまま残します。ポリシーにすでにある --statement-id は拒否されます (%[2]s で一覧できます)。",
			KO: "# %[1]s의 Lambda 계층 버전 정책(리소스 기반): add-layer-version-permission은 이 문 하나를 추가하고 나머지는 그대로 둡니다. 정책에 이미 있는 --statement-id는 거부됩니다(%[2]s로 확인할 수 있습니다).",
		},
		"fixcli.layer-policy.cannot-add": { // layer version ARN, the command that prints its policy
			EN: "# Lambda layer version policy (resource-based) of %s: aws lambda add-layer-version-permission writes only an Allow of lambda:GetLayerVersion for one account or for \"*\" (with PrincipalOrgID as its only condition), and cannot write this statement; change the policy as the policy JSON shows (%s prints the current one).",
			JA: "# %[1]s の Lambda レイヤーバージョンポリシー (リソースベース): aws lambda add-layer-version-permission が書けるのは 1 つのアカウントまたは \"*\" に対する lambda:GetLayerVersion の Allow (条件は PrincipalOrgID のみ) だけで、このステートメントは書けません。ポリシー JSON のとおりにポリシーを変更してください (現在のものは %[2]s で表示できます)。",
			KO: "# %[1]s의 Lambda 계층 버전 정책(리소스 기반): aws lambda add-layer-version-permission은 계정 하나 또는 \"*\"에 대한 lambda:GetLayerVersion의 Allow(조건은 PrincipalOrgID만)만 쓸 수 있어 이 문은 쓸 수 없습니다. 정책 JSON대로 정책을 변경하세요(현재 정책은 %[2]s로 볼 수 있습니다).",
		},
		"fixcli.iac.layer-policy": { // layer version ARN, resource type
			EN: "# Lambda layer version policy (resource-based) of %s: each %s is one statement of it; the statements already there stay.",
			JA: "# %[1]s の Lambda レイヤーバージョンポリシー (リソースベース): %[2]s 1 つがそのステートメント 1 つです。既存のステートメントはそのまま残ります。",
			KO: "# %[1]s의 Lambda 계층 버전 정책(리소스 기반): %[2]s 하나가 그 정책의 문 하나입니다. 기존 문은 그대로 남습니다.",
		},
		"fixcli.iac.layer-policy.cannot-add": { // layer version ARN, resource type
			EN: "# Lambda layer version policy (resource-based) of %s: a %s cannot hold this statement; change the policy as the policy JSON shows.",
			JA: "# %[1]s の Lambda レイヤーバージョンポリシー (リソースベース): %[2]s ではこのステートメントを表せません。ポリシー JSON のとおりにポリシーを変更してください。",
			KO: "# %[1]s의 Lambda 계층 버전 정책(리소스 기반): %[2]s로는 이 문을 나타낼 수 없습니다. 정책 JSON대로 정책을 변경하세요.",
		},
		"fixcli.current-unknown-replace": {
			EN: "# The current %s is not known and the update replaces it whole: fetch it, put the statement of the policy JSON in place of the Deny %s, and submit the result.",
			JA: "# 現在の%[1]sは不明で、更新はそれを丸ごと置き換えます: 現在のものを取得し、Deny %[2]s をポリシー JSON のステートメントに置き換え、結果を送信してください。",
			KO: "# 현재 %[1]s을(를) 알 수 없고 업데이트는 이를 통째로 바꿉니다: 현재 것을 가져와 Deny %[2]s을(를) 정책 JSON의 문으로 바꾼 뒤 결과를 제출하세요.",
		},
		"fixcli.sqs-string-attribute": {
			EN: "# set-queue-attributes takes the policy as a string attribute and replaces the whole queue policy: write the policy JSON to policy.json, then",
			JA: "# set-queue-attributes はポリシーを文字列の属性として受け取り、キューポリシー全体を置き換えます: ポリシー JSON を policy.json に書き出してから、",
			KO: "# set-queue-attributes는 정책을 문자열 속성으로 받아 대기열 정책 전체를 바꿉니다: 정책 JSON을 policy.json에 쓴 뒤",
		},
		"fixcli.sqs-wrap": {
			EN: "# wrap it: jq -n --rawfile p policy.json '{Policy: $p}' > queue-attributes.json",
			JA: "# それを属性に包みます: jq -n --rawfile p policy.json '{Policy: $p}' > queue-attributes.json",
			KO: "# 이를 속성으로 감쌉니다: jq -n --rawfile p policy.json '{Policy: $p}' > queue-attributes.json",
		},

		// A principal whose kind (user or role) the message does not say.
		"fixcli.principal-kind-unknown": { // command
			EN: "# The message does not say whether the denied principal is an IAM user or a role: %s, run with its credentials, prints its ARN. Run the commands for its kind.",
			JA: "# 拒否されたプリンシパルが IAM ユーザーかロールかはメッセージからは分かりません: その認証情報で %s を実行すると ARN が表示されます。その種類のコマンドを実行してください。",
			KO: "# 거부된 보안 주체가 IAM 사용자인지 역할인지 메시지로는 알 수 없습니다: 그 자격 증명으로 %s을(를) 실행하면 ARN이 출력됩니다. 그 종류의 명령을 실행하세요.",
		},
		"fixcli.principal-kind.role": {
			EN: "# If it is a role (its ARN reads arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION or arn:aws:iam::ACCOUNT:role/NAME):",
			JA: "# ロールの場合 (ARN が arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION または arn:aws:iam::ACCOUNT:role/NAME):",
			KO: "# 역할인 경우(ARN이 arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION 또는 arn:aws:iam::ACCOUNT:role/NAME):",
		},
		"fixcli.principal-kind.user": {
			EN: "# If it is an IAM user (its ARN reads arn:aws:iam::ACCOUNT:user/NAME):",
			JA: "# IAM ユーザーの場合 (ARN が arn:aws:iam::ACCOUNT:user/NAME):",
			KO: "# IAM 사용자인 경우(ARN이 arn:aws:iam::ACCOUNT:user/NAME):",
		},
		"fixcli.find.principal-name": { // command
			EN: "%s, run with the denied principal's credentials (assumed-role/NAME/SESSION: role NAME; user/NAME: user NAME)",
			JA: "拒否されたプリンシパルの認証情報で %s (assumed-role/NAME/SESSION ならロール NAME、user/NAME ならユーザー NAME)",
			KO: "거부된 보안 주체의 자격 증명으로 %s (assumed-role/NAME/SESSION이면 역할 NAME, user/NAME이면 사용자 NAME)",
		},
		"fixcli.find.passed-role": {
			EN: "the role the failing call passes: its RoleArn or IamRoleArn parameter (the requestParameters of the call's event in CloudTrail), or the role chosen in the console",
			JA: "失敗した呼び出しが渡すロール: その RoleArn または IamRoleArn パラメータ (CloudTrail にあるその呼び出しのイベントの requestParameters)、またはコンソールで選んだロール",
			KO: "실패한 호출이 전달하는 역할: 그 RoleArn 또는 IamRoleArn 파라미터(CloudTrail에 있는 그 호출 이벤트의 requestParameters), 또는 콘솔에서 선택한 역할",
		},
		"fixcli.find.passed-to-service": {
			EN: "the service the role is passed to, as in its service principal: backup for an AWS Backup job, ec2 for an EC2 instance profile (the eventSource of the failing call's event in CloudTrail names the service called)",
			JA: "ロールを渡す先のサービス (サービスプリンシパルの形): AWS Backup のジョブなら backup、EC2 インスタンスプロファイルなら ec2 (CloudTrail にある失敗した呼び出しのイベントの eventSource が呼び出したサービスを示します)",
			KO: "역할을 전달받는 서비스(서비스 보안 주체의 형태): AWS Backup 작업이면 backup, EC2 인스턴스 프로필이면 ec2(CloudTrail에 있는 실패한 호출 이벤트의 eventSource가 호출한 서비스를 나타냅니다)",
		},
		"fixcli.find.principal-arn": { // command
			EN: "%s, run with the denied principal's credentials (for a session, arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION, name its role: arn:aws:iam::ACCOUNT:role/NAME)",
			JA: "拒否されたプリンシパルの認証情報で %s (セッション arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION の場合はそのロール arn:aws:iam::ACCOUNT:role/NAME を指定)",
			KO: "거부된 보안 주체의 자격 증명으로 %s (세션 arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION이면 그 역할 arn:aws:iam::ACCOUNT:role/NAME을 지정)",
		},

		// An identity-based policy of the principal, not known which.
		"fixcli.identity.which-user": {
			EN: "# Which identity-based policy of the user holds the Deny is not known. List its inline and its managed policies:",
			JA: "# ユーザーのどのアイデンティティベースのポリシーに Deny があるかは不明です。インラインポリシーと管理ポリシーを一覧表示してください:",
			KO: "# 사용자의 어느 자격 증명 기반 정책에 Deny가 있는지 알 수 없습니다. 인라인 정책과 관리형 정책을 나열하세요:",
		},
		"fixcli.identity.which-role": {
			EN: "# Which identity-based policy of the role holds the Deny is not known. List its inline and its managed policies:",
			JA: "# ロールのどのアイデンティティベースのポリシーに Deny があるかは不明です。インラインポリシーと管理ポリシーを一覧表示してください:",
			KO: "# 역할의 어느 자격 증명 기반 정책에 Deny가 있는지 알 수 없습니다. 인라인 정책과 관리형 정책을 나열하세요:",
		},
		"fixcli.identity.inline-user": {
			EN: "# If the Deny is in an inline policy: fetch it, %s, and submit the result (put-user-policy replaces it whole).",
			JA: "# Deny がインラインポリシーにある場合: それを取得し、%s、結果を送信してください (put-user-policy はポリシーを丸ごと置き換えます)。",
			KO: "# Deny가 인라인 정책에 있으면: 이를 가져와 %s 결과를 제출하세요(put-user-policy는 정책을 통째로 바꿉니다).",
		},
		"fixcli.identity.inline-role": {
			EN: "# If the Deny is in an inline policy: fetch it, %s, and submit the result (put-role-policy replaces it whole).",
			JA: "# Deny がインラインポリシーにある場合: それを取得し、%s、結果を送信してください (put-role-policy はポリシーを丸ごと置き換えます)。",
			KO: "# Deny가 인라인 정책에 있으면: 이를 가져와 %s 결과를 제출하세요(put-role-policy는 정책을 통째로 바꿉니다).",
		},
		"fixcli.identity.inline-user-replace": {
			EN: "# If the Deny is in an inline policy: fetch it, put the statement of the policy JSON in place of the Deny %s, and submit the result (put-user-policy replaces it whole).",
			JA: "# Deny がインラインポリシーにある場合: それを取得し、Deny %s をポリシー JSON のステートメントに置き換え、結果を送信してください (put-user-policy はポリシーを丸ごと置き換えます)。",
			KO: "# Deny가 인라인 정책에 있으면: 이를 가져와 Deny %s을(를) 정책 JSON의 문으로 바꾼 뒤 결과를 제출하세요(put-user-policy는 정책을 통째로 바꿉니다).",
		},
		"fixcli.identity.inline-role-replace": {
			EN: "# If the Deny is in an inline policy: fetch it, put the statement of the policy JSON in place of the Deny %s, and submit the result (put-role-policy replaces it whole).",
			JA: "# Deny がインラインポリシーにある場合: それを取得し、Deny %s をポリシー JSON のステートメントに置き換え、結果を送信してください (put-role-policy はポリシーを丸ごと置き換えます)。",
			KO: "# Deny가 인라인 정책에 있으면: 이를 가져와 Deny %s을(를) 정책 JSON의 문으로 바꾼 뒤 결과를 제출하세요(put-role-policy는 정책을 통째로 바꿉니다).",
		},
		"fixcli.identity.managed": {
			EN: "# If the Deny is in a customer managed policy: fetch its default version, change it the same way, and make the result the default version.",
			JA: "# Deny がカスタマー管理ポリシーにある場合: そのデフォルトバージョンを取得し、同じように変更して、結果をデフォルトバージョンにしてください。",
			KO: "# Deny가 고객 관리형 정책에 있으면: 기본 버전을 가져와 같은 방식으로 바꾼 뒤 결과를 기본 버전으로 만드세요.",
		},

		// Comment lines of the Terraform and CloudFormation renderings.
		"fixcli.iac.current-unknown-replace": {
			EN: "# The current %s is not known: put this statement in place of the Deny %s in the Statement list",
			JA: "# 現在の%[1]sは不明です: 次の Statement リストの Deny %[2]s をこのステートメントに置き換えてください",
			KO: "# 현재 %[1]s을(를) 알 수 없습니다: 다음의 Statement 목록에서 Deny %[2]s을(를) 이 문으로 바꾸세요",
		},
		"fixcli.iac.identity-tf-user": {
			EN: "# Change the Deny in the %s or the aws_iam_policy (attached to user %s) that holds it, as the notes say.",
			JA: "# %[1]s または aws_iam_policy (ユーザー %[2]s にアタッチ) のうち Deny を含むもので、その Deny を補足のとおりに変更してください。",
			KO: "# %[1]s 또는 aws_iam_policy(사용자 %[2]s에 연결됨) 중 Deny가 있는 것에서 그 Deny를 참고 사항대로 바꾸세요.",
		},
		"fixcli.iac.identity-tf-role": {
			EN: "# Change the Deny in the %s or the aws_iam_policy (attached to role %s) that holds it, as the notes say.",
			JA: "# %[1]s または aws_iam_policy (ロール %[2]s にアタッチ) のうち Deny を含むもので、その Deny を補足のとおりに変更してください。",
			KO: "# %[1]s 또는 aws_iam_policy(역할 %[2]s에 연결됨) 중 Deny가 있는 것에서 그 Deny를 참고 사항대로 바꾸세요.",
		},
		"fixcli.iac.identity-cfn-user": {
			EN: "# Change the Deny in the PolicyDocument of the %s or the AWS::IAM::ManagedPolicy (attached to user %s) that holds it, as the notes say.",
			JA: "# %[1]s または AWS::IAM::ManagedPolicy (ユーザー %[2]s にアタッチ) のうち Deny を含むものの PolicyDocument で、その Deny を補足のとおりに変更してください。",
			KO: "# %[1]s 또는 AWS::IAM::ManagedPolicy(사용자 %[2]s에 연결됨) 중 Deny가 있는 것의 PolicyDocument에서 그 Deny를 참고 사항대로 바꾸세요.",
		},
		"fixcli.iac.identity-cfn-role": {
			EN: "# Change the Deny in the PolicyDocument of the %s or the AWS::IAM::ManagedPolicy (attached to role %s) that holds it, as the notes say.",
			JA: "# %[1]s または AWS::IAM::ManagedPolicy (ロール %[2]s にアタッチ) のうち Deny を含むものの PolicyDocument で、その Deny を補足のとおりに変更してください。",
			KO: "# %[1]s 또는 AWS::IAM::ManagedPolicy(역할 %[2]s에 연결됨) 중 Deny가 있는 것의 PolicyDocument에서 그 Deny를 참고 사항대로 바꾸세요.",
		},
		"fixcli.iac.change-deny": {
			EN: "# Change the Deny in the %s as the notes say.",
			JA: "# %s の Deny を補足のとおりに変更してください。",
			KO: "# %s의 Deny를 참고 사항대로 바꾸세요.",
		},
		"fixcli.iac.current-unknown": {
			EN: "# The current %s is not known: add this statement to the Statement list",
			JA: "# 現在の%sは不明です: このステートメントを次の Statement リストに追加してください",
			KO: "# 현재 %s을(를) 알 수 없습니다: 이 문을 다음의 Statement 목록에 추가하세요",
		},
		"fixcli.iac.of-the": {
			EN: "# of the %s.",
			JA: "# (対象: %s)。",
			KO: "# (대상: %s).",
		},
		"fixcli.iac.session-federation": {
			EN: "# The session policy is passed to GetFederationToken by whoever creates the session: Terraform does not declare it.",
			JA: "# セッションポリシーは、セッションを作成する側が GetFederationToken に渡します: Terraform では宣言しません。",
			KO: "# 세션 정책은 세션을 만드는 쪽이 GetFederationToken에 전달합니다: Terraform에서는 선언하지 않습니다.",
		},
		"fixcli.iac.session-provider": {
			EN: "# The session policy is passed by whoever creates the session; in Terraform, the provider's assume_role block:",
			JA: "# セッションポリシーはセッションを作成する側が渡します。Terraform では、プロバイダーの assume_role ブロックです:",
			KO: "# 세션 정책은 세션을 만드는 쪽이 전달합니다. Terraform에서는 공급자의 assume_role 블록입니다:",
		},
		"fixcli.iac.session-cfn": {
			EN: "# Session policies are not CloudFormation resources: pass the policy JSON where the session is created (AssumeRole, GetFederationToken).",
			JA: "# セッションポリシーは CloudFormation のリソースではありません: セッションを作成する場所 (AssumeRole、GetFederationToken) でポリシー JSON を渡してください。",
			KO: "# 세션 정책은 CloudFormation 리소스가 아닙니다: 세션을 만드는 곳(AssumeRole, GetFederationToken)에서 정책 JSON을 전달하세요.",
		},
		"fixcli.iac.aws-managed-boundary-tf": { // aws_iam_role/user, its name, the copy's ARN expression
			EN: "# Set the copy as the permissions boundary: permissions_boundary = %[3]s in the %[1]s %[2]s.",
			JA: "# コピーをアクセス許可の境界にしてください: %[1]s %[2]s で permissions_boundary = %[3]s。",
			KO: "# 사본을 권한 경계로 설정하세요: %[1]s %[2]s에서 permissions_boundary = %[3]s.",
		},
		"fixcli.iac.aws-managed-boundary-cfn": { // AWS::IAM::Role/User, its name, the copy's name
			EN: "# Set the copy as the permissions boundary: PermissionsBoundary: !Ref %[3]s in the %[1]s %[2]s.",
			JA: "# コピーをアクセス許可の境界にしてください: %[1]s %[2]s で PermissionsBoundary: !Ref %[3]s。",
			KO: "# 사본을 권한 경계로 설정하세요: %[1]s %[2]s에서 PermissionsBoundary: !Ref %[3]s.",
		},
		"fixcli.iac.aws-managed-detach": { // the AWS managed policy's ARN
			EN: "# Then detach %s from the principal (remove it from its managed policies).",
			JA: "# その後、%s をプリンシパルからデタッチしてください (管理ポリシーから外します)。",
			KO: "# 그런 다음 %s을(를) 주체에서 분리하세요(관리형 정책에서 제거합니다).",
		},
		"fixcli.iac.keep-name": { // the attribute (name, Name), the command that prints the name
			EN: "# %s: replace <policy-name> with the policy's current name (%s), which is not known here.",
			JA: "# %[1]s: <policy-name> をポリシーの現在の名前 (%[2]s) に置き換えてください (ここでは不明です)。",
			KO: "# %[1]s: <policy-name>을(를) 정책의 현재 이름(%[2]s)으로 바꾸세요(여기서는 알 수 없습니다).",
		},
		"fixcli.iac.key-policy": {
			EN: "# KeyPolicy of the AWS::KMS::Key that defines %s (the whole key policy; keep the key's other properties):",
			JA: "# %s を定義する AWS::KMS::Key の KeyPolicy (キーポリシー全体です。キーの他のプロパティはそのままにしてください):",
			KO: "# %s을(를) 정의하는 AWS::KMS::Key의 KeyPolicy(키 정책 전체입니다. 키의 다른 속성은 그대로 두세요):",
		},
		"fixcli.iac.assume-role-policy": {
			EN: "# assume_role_policy of the aws_iam_role that manages role %s (keep its other arguments):",
			JA: "# ロール %s を管理する aws_iam_role の assume_role_policy (他の引数はそのままにしてください):",
			KO: "# 역할 %s을(를) 관리하는 aws_iam_role의 assume_role_policy(다른 인수는 그대로 두세요):",
		},
		"fixcli.iac.property-of": {
			EN: "# %s of the %s %s (keep its other properties):",
			JA: "# %[2]s %[3]s の %[1]s (他のプロパティはそのままにしてください):",
			KO: "# %[2]s %[3]s의 %[1]s(다른 속성은 그대로 두세요):",
		},

		// Phrases the comments take as arguments.
		"fixcli.phrase.inline-policy":       {EN: "inline policy", JA: "インラインポリシー", KO: "인라인 정책"},
		"fixcli.phrase.policy-document":     {EN: "policy document", JA: "ポリシードキュメント", KO: "정책 문서"},
		"fixcli.phrase.boundary-document":   {EN: "boundary document", JA: "アクセス許可の境界のドキュメント", KO: "권한 경계 문서"},
		"fixcli.phrase.session-policy":      {EN: "session policy", JA: "セッションポリシー", KO: "세션 정책"},
		"fixcli.phrase.policy":              {EN: "policy", JA: "ポリシー", KO: "정책"},
		"fixcli.phrase.key-policy":          {EN: "key policy", JA: "キーポリシー", KO: "키 정책"},
		"fixcli.phrase.trust-policy":        {EN: "trust policy", JA: "信頼ポリシー", KO: "신뢰 정책"},
		"fixcli.phrase.vault-access-policy": {EN: "vault access policy", JA: "バックアップボールトのアクセスポリシー", KO: "백업 볼트 액세스 정책"},
		"fixcli.phrase.access-policy":       {EN: "access policy", JA: "アクセスポリシー", KO: "액세스 정책"},
		"fixcli.phrase.bucket-policy":       {EN: "bucket policy", JA: "バケットポリシー", KO: "버킷 정책"},
		"fixcli.phrase.endpoint-policy":     {EN: "endpoint policy", JA: "エンドポイントポリシー", KO: "엔드포인트 정책"},
		"fixcli.phrase.name-unknown":        {EN: "(name unknown)", JA: "(名前不明)", KO: "(이름 알 수 없음)"},
		"fixcli.phrase.without-sid":         {EN: "(without Sid)", JA: "(Sid なし)", KO: "(Sid 없음)"},
		"fixcli.phrase.service-unknown":     {EN: "service's", JA: "そのサービス", KO: "해당 서비스"},
		"fixcli.phrase.secret-policy":       {EN: "secret's resource policy", JA: "シークレットのリソースポリシー", KO: "보안 암호의 리소스 정책"},
		"fixcli.phrase.secret-policy-of":    {EN: "resource policy of the secret", JA: "シークレットのリソースポリシー", KO: "보안 암호의 리소스 정책"},
		"fixcli.phrase.queue-policy":        {EN: "queue policy", JA: "キューポリシー", KO: "대기열 정책"},
		"fixcli.phrase.topic-policy":        {EN: "topic policy", JA: "トピックポリシー", KO: "주제 정책"},
		"fixcli.phrase.repository-policy":   {EN: "repository policy", JA: "リポジトリポリシー", KO: "리포지토리 정책"},
		"fixcli.phrase.add-statement": {
			EN: "add the statement of the policy JSON to its Statement list",
			JA: "ポリシー JSON のステートメントをその Statement リストに追加し",
			KO: "정책 JSON의 문을 그 Statement 목록에 추가한 뒤",
		},
		"fixcli.phrase.change-deny": {
			EN: "change the Deny that matches the request as the notes say",
			JA: "リクエストに一致する Deny を補足のとおりに変更し",
			KO: "요청과 일치하는 Deny를 참고 사항대로 바꾼 뒤",
		},

		// What the Terraform and CloudFormation comments name.
		"fixcli.phrase.aws-managed-copy": { // AWS managed policy ARN, name of the copy
			EN: "customer managed copy %[2]s of the AWS managed policy %[1]s (fetch that one, it cannot be changed)",
			JA: "AWS 管理ポリシー %[1]s のカスタマー管理のコピー %[2]s (元のポリシーを取得します。元は変更できません)",
			KO: "AWS 관리형 정책 %[1]s의 고객 관리형 사본 %[2]s(원래 정책을 가져오세요. 원래 정책은 변경할 수 없습니다)",
		},
		"fixcli.phrase.tf-managed-policy":  {EN: "aws_iam_policy that manages %s", JA: "%s を管理する aws_iam_policy", KO: "%s을(를) 관리하는 aws_iam_policy"},
		"fixcli.phrase.cfn-managed-policy": {EN: "PolicyDocument of the AWS::IAM::ManagedPolicy that defines %s", JA: "%s を定義する AWS::IAM::ManagedPolicy の PolicyDocument", KO: "%s을(를) 정의하는 AWS::IAM::ManagedPolicy의 PolicyDocument"},
		"fixcli.phrase.session-assume-role-tf": {
			EN: "session policy passed to AssumeRole (the policy of the provider's assume_role block)",
			JA: "AssumeRole に渡すセッションポリシー (プロバイダーの assume_role ブロックの policy)",
			KO: "AssumeRole에 전달하는 세션 정책(공급자 assume_role 블록의 policy)",
		},
		"fixcli.phrase.session-assume-role-cfn": {
			EN: "session policy passed to AssumeRole (not a CloudFormation resource)",
			JA: "AssumeRole に渡すセッションポリシー (CloudFormation のリソースではありません)",
			KO: "AssumeRole에 전달하는 세션 정책(CloudFormation 리소스가 아님)",
		},
		"fixcli.phrase.session-federation-tf": {
			EN: "session policy passed to GetFederationToken (Terraform does not declare it)",
			JA: "GetFederationToken に渡すセッションポリシー (Terraform では宣言しません)",
			KO: "GetFederationToken에 전달하는 세션 정책(Terraform에서는 선언하지 않음)",
		},
		"fixcli.phrase.session-federation-cfn": {
			EN: "session policy passed to GetFederationToken (not a CloudFormation resource)",
			JA: "GetFederationToken に渡すセッションポリシー (CloudFormation のリソースではありません)",
			KO: "GetFederationToken에 전달하는 세션 정책(CloudFormation 리소스가 아님)",
		},
		"fixcli.phrase.tf-key-policy": {
			EN: "aws_kms_key_policy (or the policy of the aws_kms_key) of %s",
			JA: "%s の aws_kms_key_policy (または aws_kms_key の policy)",
			KO: "%s의 aws_kms_key_policy(또는 aws_kms_key의 policy)",
		},
		"fixcli.phrase.tf-secret-policy":  {EN: "aws_secretsmanager_secret_policy of %s", JA: "%s の aws_secretsmanager_secret_policy", KO: "%s의 aws_secretsmanager_secret_policy"},
		"fixcli.phrase.cfn-secret-policy": {EN: "ResourcePolicy of the AWS::SecretsManager::ResourcePolicy of %s", JA: "%s の AWS::SecretsManager::ResourcePolicy の ResourcePolicy", KO: "%s의 AWS::SecretsManager::ResourcePolicy의 ResourcePolicy"},
		"fixcli.phrase.tf-queue-policy":   {EN: "aws_sqs_queue_policy of %s", JA: "%s の aws_sqs_queue_policy", KO: "%s의 aws_sqs_queue_policy"},
		"fixcli.phrase.cfn-queue-policy":  {EN: "PolicyDocument of the AWS::SQS::QueuePolicy of %s", JA: "%s の AWS::SQS::QueuePolicy の PolicyDocument", KO: "%s의 AWS::SQS::QueuePolicy의 PolicyDocument"},
		"fixcli.phrase.tf-topic-policy":   {EN: "aws_sns_topic_policy of %s", JA: "%s の aws_sns_topic_policy", KO: "%s의 aws_sns_topic_policy"},
		"fixcli.phrase.cfn-topic-policy":  {EN: "PolicyDocument of the AWS::SNS::TopicPolicy of %s", JA: "%s の AWS::SNS::TopicPolicy の PolicyDocument", KO: "%s의 AWS::SNS::TopicPolicy의 PolicyDocument"},
		"fixcli.phrase.tf-repo-policy":    {EN: "aws_ecr_repository_policy of %s", JA: "%s の aws_ecr_repository_policy", KO: "%s의 aws_ecr_repository_policy"},
		"fixcli.phrase.cfn-repo-policy":   {EN: "RepositoryPolicyText of the AWS::ECR::Repository %s", JA: "AWS::ECR::Repository %s の RepositoryPolicyText", KO: "AWS::ECR::Repository %s의 RepositoryPolicyText"},
		"fixcli.phrase.cfn-org-policy":    {EN: "Content of the AWS::Organizations::Policy %s", JA: "AWS::Organizations::Policy %s の Content", KO: "AWS::Organizations::Policy %s의 Content"},
		"fixcli.phrase.key-policy-of":     {EN: "key policy of %s", JA: "%s のキーポリシー", KO: "%s의 키 정책"},
		"fixcli.phrase.cfn-key-policy":    {EN: "KeyPolicy of the AWS::KMS::Key that defines %s", JA: "%s を定義する AWS::KMS::Key の KeyPolicy", KO: "%s을(를) 정의하는 AWS::KMS::Key의 KeyPolicy"},
		"fixcli.phrase.tf-trust-policy":   {EN: "assume_role_policy of the aws_iam_role %s", JA: "aws_iam_role %s の assume_role_policy", KO: "aws_iam_role %s의 assume_role_policy"},
		"fixcli.phrase.cfn-trust-policy":  {EN: "AssumeRolePolicyDocument of the AWS::IAM::Role %s", JA: "AWS::IAM::Role %s の AssumeRolePolicyDocument", KO: "AWS::IAM::Role %s의 AssumeRolePolicyDocument"},
		"fixcli.phrase.tf-vault-policy":   {EN: "aws_backup_vault_policy of vault %s", JA: "ボールト %s の aws_backup_vault_policy", KO: "볼트 %s의 aws_backup_vault_policy"},
		"fixcli.phrase.cfn-vault-policy":  {EN: "AccessPolicy of the AWS::Backup::BackupVault %s", JA: "AWS::Backup::BackupVault %s の AccessPolicy", KO: "AWS::Backup::BackupVault %s의 AccessPolicy"},
		"fixcli.phrase.tf-bucket-policy":  {EN: "aws_s3_bucket_policy of bucket %s", JA: "バケット %s の aws_s3_bucket_policy", KO: "버킷 %s의 aws_s3_bucket_policy"},
		"fixcli.phrase.cfn-bucket-policy": {EN: "PolicyDocument of the AWS::S3::BucketPolicy of bucket %s", JA: "バケット %s の AWS::S3::BucketPolicy の PolicyDocument", KO: "버킷 %s의 AWS::S3::BucketPolicy의 PolicyDocument"},
		"fixcli.phrase.tf-vpce-policy":    {EN: "aws_vpc_endpoint_policy of %s", JA: "%s の aws_vpc_endpoint_policy", KO: "%s의 aws_vpc_endpoint_policy"},
		"fixcli.phrase.cfn-vpce-policy":   {EN: "PolicyDocument of the AWS::EC2::VPCEndpoint %s", JA: "AWS::EC2::VPCEndpoint %s の PolicyDocument", KO: "AWS::EC2::VPCEndpoint %s의 PolicyDocument"},

		// What a message reader could not read (Denial.Unreadable).
		"unreadable.decoded-not-in-text": {
			EN: "decoded message: %s (not in the text)",
			JA: "デコードされたメッセージ: %s (テキストにありません)",
			KO: "디코딩된 메시지: %s(텍스트에 없음)",
		},
		"unreadable.decoded-conditions-abridged": {
			EN: "decoded message: context conditions (abridged)",
			JA: "デコードされたメッセージ: コンテキストの条件 (省略されています)",
			KO: "디코딩된 메시지: 컨텍스트 조건(생략됨)",
		},
		"unreadable.decoded-matched-abridged": {
			EN: "decoded message: matchedStatements (not read in an abridged copy)",
			JA: "デコードされたメッセージ: matchedStatements (省略されたコピーからは読み取りません)",
			KO: "디코딩된 메시지: matchedStatements(생략된 사본에서는 읽지 않음)",
		},
		"unreadable.decoded-not-one-action": {
			EN: "decoded message: action (%s is not one action)",
			JA: "デコードされたメッセージ: アクション (%s は 1 つのアクションではありません)",
			KO: "디코딩된 메시지: 작업(%s은(는) 하나의 작업이 아님)",
		},
		"unreadable.action-left-out": {
			EN: "action (left out of the text)",
			JA: "アクション (テキストから省かれています)",
			KO: "작업(텍스트에서 생략됨)",
		},
		"unreadable.action-not-one": {
			EN: "action (%s is not one action)",
			JA: "アクション (%s は 1 つのアクションではありません)",
			KO: "작업(%s은(는) 하나의 작업이 아님)",
		},
		"unreadable.action-both": {
			EN: "action (the message names both %s and %s)",
			JA: "アクション (メッセージに %s と %s の両方が書かれています)",
			KO: "작업(메시지에 %s와(과) %s이(가) 모두 있음)",
		},
		"unreadable.reason-left-out": {
			EN: "reason (left out of the text)",
			JA: "理由 (テキストから省かれています)",
			KO: "이유(텍스트에서 생략됨)",
		},
		"unreadable.reason": {
			EN: "reason (%s)",
			JA: "理由 (%s)",
			KO: "이유(%s)",
		},
		"unreadable.policy-type": {
			EN: "policy type (%s)",
			JA: "ポリシーの種類 (%s)",
			KO: "정책 유형(%s)",
		},
		"unreadable.cloudtrail-cut": {
			EN: "CloudTrail errorMessage (cut at %s characters: what follows the cut is lost)",
			JA: "CloudTrail の errorMessage (%s 文字で切れています。それ以降は失われています)",
			KO: "CloudTrail errorMessage(%s자에서 잘림: 그 뒤는 없어짐)",
		},
		"unreadable.cloudtrail-errorcode-cut": {
			EN: "CloudTrail errorCode (not in the text: the event is cut before it)",
			JA: "CloudTrail の errorCode (テキストにありません。イベントがその前で切れています)",
			KO: "CloudTrail errorCode(텍스트에 없음: 이벤트가 그 앞에서 잘림)",
		},
		"unreadable.encoded-cloudtrail-truncated": {
			EN: "encoded authorization failure message (truncated with the errorMessage; STS cannot decode it)",
			JA: "エンコードされた認可失敗メッセージ (errorMessage とともに切れています。STS ではデコードできません)",
			KO: "인코딩된 권한 부여 실패 메시지(errorMessage와 함께 잘림: STS가 디코딩할 수 없음)",
		},
		"unreadable.encoded-left-out-as": {
			EN: "encoded authorization failure message (left out of the text: %s)",
			JA: "エンコードされた認可失敗メッセージ (テキストから省かれています: %s)",
			KO: "인코딩된 권한 부여 실패 메시지(텍스트에서 생략됨: %s)",
		},
		"unreadable.encoded-left-out": {
			EN: "encoded authorization failure message (left out of the text)",
			JA: "エンコードされた認可失敗メッセージ (テキストから省かれています)",
			KO: "인코딩된 권한 부여 실패 메시지(텍스트에서 생략됨)",
		},
		"unreadable.encoded-too-short": {
			EN: "encoded authorization failure message (too short to be one: %s)",
			JA: "エンコードされた認可失敗メッセージ (短すぎてそうとは言えません: %s)",
			KO: "인코딩된 권한 부여 실패 메시지(너무 짧아 그렇게 볼 수 없음: %s)",
		},
		"unreadable.encoded-ellipsis": {
			EN: "encoded authorization failure message (truncated: it ends in an ellipsis; STS cannot decode it)",
			JA: "エンコードされた認可失敗メッセージ (途中で切れています: 末尾が省略記号です。STS ではデコードできません)",
			KO: "인코딩된 권한 부여 실패 메시지(잘림: 말줄임표로 끝남. STS가 디코딩할 수 없음)",
		},
	})
}
