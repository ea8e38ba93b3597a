package i18n

import "strings"

// Messages of the diagnosis rules (package diagnose). Arguments are noted
// where a message takes them.
func registerDiagnose(register func(map[string]tr)) {
	register(map[string]tr{
		// Stand-ins for what a message does not name (arguments "@unknown.*").
		"unknown.principal": {
			EN: "the principal (not named in the message)",
			JA: "プリンシパル (メッセージに名前がありません)",
			KO: "보안 주체(메시지에 이름이 없음)",
		},
		"unknown.role": {
			EN: "(not named in the message)",
			JA: "(メッセージに名前がありません)",
			KO: "(메시지에 이름이 없음)",
		},
		"unknown.resource": {
			EN: "resource not named in the message",
			JA: "メッセージにないリソース",
			KO: "메시지에 없는 리소스",
		},
		"unknown.ciphertext-key": {
			EN: "the KMS key of the ciphertext (the message does not give its ARN)",
			JA: "暗号文の KMS キー (メッセージに ARN がありません)",
			KO: "암호문의 KMS 키(메시지에 ARN이 없음)",
		},
		"unknown.action": {
			EN: "an action the message does not name",
			JA: "メッセージに名前のないアクション",
			KO: "메시지에 이름이 없는 작업",
		},
		"unknown.action.title": { // at the start of a title
			EN: "An action the message does not name",
			JA: "メッセージに名前のないアクション",
			KO: "메시지에 이름이 없는 작업",
		},
		// The encoded authorization failure message.
		"decode.title": {
			EN: "The message is encoded: decode it to see who was refused what",
			JA: "メッセージはエンコードされています: デコードすると、誰が何を拒否されたかがわかります",
			KO: "메시지가 인코딩되어 있습니다: 디코딩하면 누가 무엇을 거부당했는지 알 수 있습니다",
		},
		"decode.cause": {
			EN: "AWS returned an encoded authorization failure message. Only AWS STS can decode it, for a caller allowed sts:DecodeAuthorizationMessage in the same account.",
			JA: "AWS はエンコードされた認可失敗メッセージを返しました。デコードできるのは AWS STS だけで、同じアカウントで sts:DecodeAuthorizationMessage を許可された呼び出し元が必要です。",
			KO: "AWS가 인코딩된 권한 부여 실패 메시지를 반환했습니다. 이 메시지는 AWS STS만 디코딩할 수 있으며, 같은 계정에서 sts:DecodeAuthorizationMessage가 허용된 호출자가 필요합니다.",
		},
		"decode.omitted": {
			EN: "The encoded message itself was left out of the text (\"<omitted>\"): copy the whole message from the job's status, not a summary.",
			JA: "エンコードされたメッセージ本体がテキストから省かれています (「<省略>」): 要約ではなく、ジョブのステータスからメッセージ全体をコピーしてください。",
			KO: "인코딩된 메시지 본문이 텍스트에서 생략되었습니다(\"<omitted>\"): 요약이 아니라 작업 상태에서 메시지 전체를 복사하세요.",
		},
		"decode.truncated": {
			EN: "The encoded message is cut short (CloudTrail keeps only the first 1,024 characters of errorMessage), so it cannot be decoded: take it from the API response or the AWS Backup job status instead.",
			JA: "エンコードされたメッセージが途中で切れています (CloudTrail は errorMessage の先頭 1,024 文字しか保存しません)。デコードできないため、API の応答か AWS Backup ジョブのステータスから取得してください。",
			KO: "인코딩된 메시지가 잘려 있습니다(CloudTrail은 errorMessage의 처음 1,024자만 보관합니다). 디코딩할 수 없으므로 API 응답이나 AWS Backup 작업 상태에서 가져오세요.",
		},
		"decode.how": {
			EN: "Run denied explain again with credentials of the account (--profile, --region), or decode it yourself: aws sts decode-authorization-message --encoded-message '<message>' --query DecodedMessage --output text | denied explain -",
			JA: "そのアカウントの認証情報 (--profile, --region) で denied explain をもう一度実行するか、自分でデコードしてください: aws sts decode-authorization-message --encoded-message '<メッセージ>' --query DecodedMessage --output text | denied explain -",
			KO: "해당 계정의 자격 증명(--profile, --region)으로 denied explain을 다시 실행하거나 직접 디코딩하세요: aws sts decode-authorization-message --encoded-message '<메시지>' --query DecodedMessage --output text | denied explain -",
		},
		"decode.permission": {
			EN: "Decoding needs sts:DecodeAuthorizationMessage (Resource \"*\"); the message expires after a while, so decode it soon.",
			JA: "デコードには sts:DecodeAuthorizationMessage (Resource \"*\") が必要です。メッセージは時間がたつと期限切れになるため、早めにデコードしてください。",
			KO: "디코딩에는 sts:DecodeAuthorizationMessage(Resource \"*\")가 필요합니다. 메시지는 시간이 지나면 만료되므로 빨리 디코딩하세요.",
		},
		"stsdecode.title": {
			EN: "The decoder itself may not call sts:DecodeAuthorizationMessage",
			JA: "デコードする側が sts:DecodeAuthorizationMessage を呼び出せません",
			KO: "디코딩하는 쪽이 sts:DecodeAuthorizationMessage를 호출할 수 없습니다",
		},
		"stsdecode.cause": { // principal
			EN: "%s is not allowed sts:DecodeAuthorizationMessage, so the original error cannot be decoded with these credentials. This is not the error you are investigating.",
			JA: "%s には sts:DecodeAuthorizationMessage が許可されていないため、この認証情報では元のエラーをデコードできません。調査中のエラーそのものではありません。",
			KO: "%s에 sts:DecodeAuthorizationMessage가 허용되지 않아 이 자격 증명으로는 원래 오류를 디코딩할 수 없습니다. 조사 중인 오류 자체는 아닙니다.",
		},
		"stsdecode.check": {
			EN: "Grant it to the person or role that decodes: {\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"}, or decode with another principal of the same account.",
			JA: "デコードする人またはロールに付与してください: {\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"}。または同じアカウントの別のプリンシパルでデコードしてください。",
			KO: "디코딩하는 사람이나 역할에 부여하세요: {\"Effect\": \"Allow\", \"Action\": \"sts:DecodeAuthorizationMessage\", \"Resource\": \"*\"}. 또는 같은 계정의 다른 보안 주체로 디코딩하세요.",
		},

		// AWS Backup: the EC2 restore and iam:PassRole (the seed case).
		"backup.ec2passrole.title": {
			EN: "AWS Backup EC2 restore: the restore role may not pass the instance's role to EC2",
			JA: "AWS Backup の EC2 復元: 復元ロールがインスタンスのロールを EC2 に渡せません",
			KO: "AWS Backup EC2 복원: 복원 역할이 인스턴스의 역할을 EC2에 전달할 수 없습니다",
		},
		"backup.ec2passrole.cause": { // restore role, instance role
			EN: "The restore role %s has no iam:PassRole permission on the role %s, which the original instance had through its instance profile. Restoring \"with original IAM role\" makes EC2 check that the restore role may pass it.",
			JA: "復元ロール %s には、元のインスタンスがインスタンスプロファイル経由で使っていたロール %s に対する iam:PassRole 権限がありません。[元の IAM ロールで復元] を選ぶと、EC2 は復元ロールがこのロールを渡せるかを確認します。",
			KO: "복원 역할 %s에는 원래 인스턴스가 인스턴스 프로파일로 사용하던 역할 %s에 대한 iam:PassRole 권한이 없습니다. [원래 IAM 역할로 복원]을 선택하면 EC2는 복원 역할이 이 역할을 전달할 수 있는지 확인합니다.",
		},
		"backup.ec2passrole.check.console": {
			EN: "In the console this is Restore role \"Default role\" (or your role) with Instance IAM role \"Restore with original IAM role\".",
			JA: "コンソールでは、[復元ロール] が [デフォルトロール] (または独自のロール) で、[インスタンスの IAM ロール] が [元の IAM ロールで復元] の場合に発生します。",
			KO: "콘솔에서는 복원 역할(Restore role)이 기본 역할(Default role)(또는 사용자 역할)이고 인스턴스 IAM 역할(Instance IAM role)이 원래 IAM 역할로 복원(Restore with original IAM role)인 경우입니다.",
		},
		"backup.ec2passrole.check.layers": { // restore role
			EN: "If %s already has iam:PassRole for this role, a permissions boundary or an SCP on it is refusing the call: check those next.",
			JA: "%s にすでにこのロールの iam:PassRole がある場合は、アクセス許可の境界か SCP が拒否しています。次にそれらを確認してください。",
			KO: "%s에 이미 이 역할에 대한 iam:PassRole이 있다면 권한 경계나 SCP가 거부하고 있습니다. 다음으로 그것들을 확인하세요.",
		},
		"backup.ec2passrole.note.managed": {
			EN: "The AWS managed policy AWSBackupServiceRolePolicyForRestores allows this iam:PassRole (to ec2.amazonaws.com) since its version of 2025-11-10 (v25): a role with that policy that is still refused points at a permissions boundary or an SCP.",
			JA: "AWS 管理ポリシー AWSBackupServiceRolePolicyForRestores は 2025-11-10 のバージョン (v25) 以降、この iam:PassRole (ec2.amazonaws.com 宛て) を許可しています。このポリシーを持つロールがまだ拒否される場合は、アクセス許可の境界か SCP が原因です。",
			KO: "AWS 관리형 정책 AWSBackupServiceRolePolicyForRestores는 2025-11-10 버전(v25)부터 이 iam:PassRole(ec2.amazonaws.com 대상)을 허용합니다. 이 정책이 있는 역할이 여전히 거부된다면 권한 경계나 SCP가 원인입니다.",
		},
		"backup.encrestore.title": {
			EN: "AWS Backup restore refused by EC2: most often the restore role may not pass the instance's role",
			JA: "AWS Backup の復元が EC2 に拒否されました: 多くの場合、復元ロールがインスタンスのロールを渡せません",
			KO: "AWS Backup 복원이 EC2에서 거부되었습니다: 대개 복원 역할이 인스턴스의 역할을 전달할 수 없습니다",
		},
		"backup.encrestore.cause": {
			EN: "EC2 refused a call made by the restore role and returned an encoded authorization failure message. When the original instance had an instance profile, the refused call is almost always iam:PassRole of that instance's role: decode the message to be sure of the role and the action.",
			JA: "EC2 が復元ロールによる呼び出しを拒否し、エンコードされた認可失敗メッセージを返しました。元のインスタンスにインスタンスプロファイルがあった場合、拒否されたのはほぼ必ずそのインスタンスのロールの iam:PassRole です。ロールとアクションを確かめるにはメッセージをデコードしてください。",
			KO: "EC2가 복원 역할의 호출을 거부하고 인코딩된 권한 부여 실패 메시지를 반환했습니다. 원래 인스턴스에 인스턴스 프로파일이 있었다면 거부된 호출은 거의 항상 그 인스턴스 역할에 대한 iam:PassRole입니다. 역할과 작업을 확인하려면 메시지를 디코딩하세요.",
		},
		"backup.encrestore.cause.no-message": {
			EN: "This AWS Backup status message normally ends with EC2's encoded authorization failure message, which the text given does not include, so which call was refused is not known. When the original instance had an instance profile, it is almost always the restore role's iam:PassRole of that instance's role.",
			JA: "この AWS Backup のステータスメッセージの末尾には通常 EC2 のエンコードされた認可失敗メッセージが付きますが、入力されたテキストには含まれていないため、どの呼び出しが拒否されたかは分かりません。元のインスタンスにインスタンスプロファイルがあった場合、ほぼ必ず復元ロールによるそのインスタンスのロールの iam:PassRole です。",
			KO: "이 AWS Backup 상태 메시지 끝에는 보통 EC2의 인코딩된 권한 부여 실패 메시지가 붙지만 입력한 텍스트에는 없어서 어떤 호출이 거부되었는지 알 수 없습니다. 원래 인스턴스에 인스턴스 프로파일이 있었다면 거의 항상 복원 역할이 그 인스턴스 역할을 전달하는 iam:PassRole입니다.",
		},
		"backup.encrestore.check.whole-status": {
			EN: "Copy the job's whole status message, encoded message included (aws backup describe-restore-job --restore-job-id <restore-job-id> --query StatusMessage --output text), and run denied explain on it with credentials of the account (--profile, --region) to decode it.",
			JA: "ジョブのステータスメッセージをエンコードされたメッセージごとコピーし (aws backup describe-restore-job --restore-job-id <restore-job-id> --query StatusMessage --output text)、そのアカウントの認証情報 (--profile, --region) で denied explain を実行してデコードしてください。",
			KO: "인코딩된 메시지를 포함한 작업의 상태 메시지 전체를 복사하고(aws backup describe-restore-job --restore-job-id <restore-job-id> --query StatusMessage --output text), 해당 계정의 자격 증명(--profile, --region)으로 denied explain을 실행해 디코딩하세요.",
		},
		"backup.encrestore.check.fix": {
			EN: "Without decoding: restore with \"Proceed with no IAM role\" and attach the instance profile afterwards, or allow the restore role iam:PassRole on the instance's role with iam:PassedToService ec2.amazonaws.com.",
			JA: "デコードしない場合: [IAM ロールなしで続行] で復元して後からインスタンスプロファイルをアタッチするか、復元ロールにインスタンスのロールに対する iam:PassRole (iam:PassedToService が ec2.amazonaws.com) を許可してください。",
			KO: "디코딩하지 않는 경우: IAM 역할 없이 진행(Proceed with no IAM role)으로 복원한 뒤 인스턴스 프로파일을 연결하거나, 복원 역할에 인스턴스 역할에 대한 iam:PassRole(iam:PassedToService가 ec2.amazonaws.com)을 허용하세요.",
		},
		"check.explicit": { // layer name
			EN: "The denial is explicit: a Deny statement in the %s matches; an Allow elsewhere cannot override it.",
			JA: "明示的な拒否です: %s の Deny ステートメントが一致しています。他の場所の Allow では上書きできません。",
			KO: "명시적 거부입니다: %s의 Deny 문이 일치합니다. 다른 곳의 Allow로는 재정의할 수 없습니다.",
		},
		"backup.callerpass.title": {
			EN: "Passing the AWS Backup job role is refused",
			JA: "AWS Backup のジョブロールを渡すことが拒否されています",
			KO: "AWS Backup 작업 역할 전달이 거부되었습니다",
		},
		"backup.callerpass.cause": { // caller, role
			EN: "%s may not pass the role %s to AWS Backup (iam:PassRole with iam:PassedToService backup.amazonaws.com), which starting a backup, restore or copy job, or creating a backup selection, requires.",
			JA: "%s はロール %s を AWS Backup に渡せません (iam:PassedToService が backup.amazonaws.com の iam:PassRole)。バックアップ・復元・コピージョブの開始やバックアップ選択の作成には、この権限が必要です。",
			KO: "%s은(는) 역할 %s을(를) AWS Backup에 전달할 수 없습니다(iam:PassedToService가 backup.amazonaws.com인 iam:PassRole). 백업·복원·복사 작업을 시작하거나 백업 선택을 만들려면 이 권한이 필요합니다.",
		},
		"backup.callerpass.check.names": {
			EN: "The managed policies AWSBackupFullAccess and AWSBackupOperatorAccess allow iam:PassRole only for roles whose name contains AwsBackup or AWSBackup: a custom role named otherwise needs its own grant.",
			JA: "管理ポリシー AWSBackupFullAccess と AWSBackupOperatorAccess は、名前に AwsBackup または AWSBackup を含むロールにしか iam:PassRole を許可しません。それ以外の名前の独自ロールには個別の許可が必要です。",
			KO: "관리형 정책 AWSBackupFullAccess와 AWSBackupOperatorAccess는 이름에 AwsBackup 또는 AWSBackup이 포함된 역할에만 iam:PassRole을 허용합니다. 다른 이름의 사용자 지정 역할에는 별도의 허용이 필요합니다.",
		},
		"check.layers.generic": {
			EN: "Check, in order: identity-based policies of the principal, its permissions boundary, SCPs above the account, RCPs of the resource's organization, the session policy, the policy of the VPC endpoint the request went through, and the resource's own policy.",
			JA: "次の順に確認してください: プリンシパルのアイデンティティベースポリシー、アクセス許可の境界、アカウントより上位の SCP、リソースの組織の RCP、セッションポリシー、リクエストが通過した VPC エンドポイントのポリシー、リソース自体のポリシー。",
			KO: "다음 순서로 확인하세요: 보안 주체의 자격 증명 기반 정책, 권한 경계, 계정 상위의 SCP, 리소스 조직의 RCP, 세션 정책, 요청이 통과한 VPC 엔드포인트의 정책, 리소스 자체의 정책.",
		},
		"backup.vault.title": {
			EN: "Creating an AWS Backup vault is refused",
			JA: "AWS Backup ボールトの作成が拒否されています",
			KO: "AWS Backup 볼트 생성이 거부되었습니다",
		},
		"backup.vault.cause": { // action
			EN: "Creating a vault needs backup:CreateBackupVault, backup-storage:MountCapsule and, on the vault's KMS key, kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt and kms:GenerateDataKey; %s was refused.",
			JA: "ボールトの作成には backup:CreateBackupVault、backup-storage:MountCapsule と、ボールトの KMS キーに対する kms:CreateGrant、kms:DescribeKey、kms:RetireGrant、kms:Decrypt、kms:GenerateDataKey が必要です。拒否されたのは %s です。",
			KO: "볼트를 만들려면 backup:CreateBackupVault, backup-storage:MountCapsule과 볼트의 KMS 키에 대한 kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt, kms:GenerateDataKey가 필요합니다. 거부된 것은 %s입니다.",
		},
		"backup.vault.check.permissions": {
			EN: "Identity-based policies: the principal (console user or CLI role) must allow all of these actions.",
			JA: "アイデンティティベースポリシー: プリンシパル (コンソールのユーザーまたは CLI のロール) がこれらすべてのアクションを許可している必要があります。",
			KO: "자격 증명 기반 정책: 보안 주체(콘솔 사용자 또는 CLI 역할)가 이 작업을 모두 허용해야 합니다.",
		},
		"backup.vault.check.boundary": {
			EN: "Permissions boundary: if one is set on the principal, it must allow every one of these actions too.",
			JA: "アクセス許可の境界: プリンシパルに設定されている場合は、境界もこれらすべてのアクションを許可している必要があります。",
			KO: "권한 경계: 보안 주체에 설정되어 있다면 경계도 이 작업을 모두 허용해야 합니다.",
		},
		"backup.vault.check.scp": {
			EN: "Service control policies: every SCP from the root down to the account must allow them and none may deny them.",
			JA: "サービスコントロールポリシー: ルートからアカウントまでのすべての SCP がこれらを許可し、拒否していないことが必要です。",
			KO: "서비스 제어 정책: 루트부터 계정까지의 모든 SCP가 이를 허용하고 거부하지 않아야 합니다.",
		},
		"backup.vault.check.kms": {
			EN: "KMS key policy: with a customer managed key, the key policy must allow the principal, directly or by delegating to the account's IAM policies.",
			JA: "KMS キーポリシー: カスタマーマネージドキーの場合、キーポリシーがプリンシパルを直接、またはアカウントの IAM ポリシーへの委任によって許可している必要があります。",
			KO: "KMS 키 정책: 고객 관리형 키라면 키 정책이 보안 주체를 직접 또는 계정의 IAM 정책에 위임하여 허용해야 합니다.",
		},
		"backup.vault.check.tags": {
			EN: "With tags, backup:TagResource is authorized too.",
			JA: "タグを付ける場合は backup:TagResource も認可されます。",
			KO: "태그를 지정하면 backup:TagResource도 권한 부여 대상입니다.",
		},
		"backup.restore.title": {
			EN: "Starting an AWS Backup restore is refused",
			JA: "AWS Backup の復元の開始が拒否されています",
			KO: "AWS Backup 복원 시작이 거부되었습니다",
		},
		"backup.restore.cause": { // caller
			EN: "%s may not call backup:StartRestoreJob on this recovery point.",
			JA: "%s はこの復旧ポイントに対して backup:StartRestoreJob を呼び出せません。",
			KO: "%s은(는) 이 복구 지점에 대해 backup:StartRestoreJob을 호출할 수 없습니다.",
		},
		"backup.restore.check.passrole": {
			EN: "The caller also needs iam:PassRole on the restore role, with iam:PassedToService backup.amazonaws.com.",
			JA: "呼び出し元には、復元ロールに対する iam:PassRole (iam:PassedToService が backup.amazonaws.com) も必要です。",
			KO: "호출자에게는 복원 역할에 대한 iam:PassRole(iam:PassedToService가 backup.amazonaws.com)도 필요합니다.",
		},
		"backup.restore.check.vault": {
			EN: "The vault's access policy must not deny backup:StartRestoreJob (the default policy of aws/efs/automatic-backup-vault does).",
			JA: "ボールトのアクセスポリシーが backup:StartRestoreJob を拒否していないことを確認してください (aws/efs/automatic-backup-vault の既定のポリシーは拒否します)。",
			KO: "볼트의 액세스 정책이 backup:StartRestoreJob을 거부하지 않아야 합니다(aws/efs/automatic-backup-vault의 기본 정책은 거부합니다).",
		},
		"backup.vaultpolicy.title": {
			EN: "A backup vault access policy denies the request",
			JA: "バックアップボールトのアクセスポリシーがリクエストを拒否しています",
			KO: "백업 볼트 액세스 정책이 요청을 거부합니다",
		},
		"backup.vaultpolicy.cause": { // vault, action
			EN: "The access policy of the vault %s has a Deny statement for %s that matches this principal.",
			JA: "ボールト %s のアクセスポリシーに、このプリンシパルに一致する %s の Deny ステートメントがあります。",
			KO: "볼트 %s의 액세스 정책에 이 보안 주체와 일치하는 %s에 대한 Deny 문이 있습니다.",
		},
		"backup.vaultpolicy.check": {
			EN: "Read it with aws backup get-backup-vault-access-policy --backup-vault-name <vault>; change it with put-backup-vault-access-policy (which itself must not be denied by the policy).",
			JA: "aws backup get-backup-vault-access-policy --backup-vault-name <ボールト> で確認し、put-backup-vault-access-policy で変更してください (この操作自体がポリシーで拒否されていないことも必要です)。",
			KO: "aws backup get-backup-vault-access-policy --backup-vault-name <볼트>로 확인하고 put-backup-vault-access-policy로 변경하세요(이 작업 자체가 정책에서 거부되지 않아야 합니다).",
		},
		"backup.vaultpolicy.efs": {
			EN: "aws/efs/automatic-backup-vault comes with a policy that denies deletions, copies and restores to everyone; replace that policy before restoring from it.",
			JA: "aws/efs/automatic-backup-vault には、削除・コピー・復元を全員に拒否するポリシーが最初から付いています。ここから復元する前にそのポリシーを置き換えてください。",
			KO: "aws/efs/automatic-backup-vault에는 삭제·복사·복원을 모두에게 거부하는 정책이 기본으로 붙어 있습니다. 여기서 복원하기 전에 그 정책을 바꾸세요.",
		},
		"trap.missingvault.title": {
			EN: "Probably not a permission problem: the vault may not exist",
			JA: "おそらく権限の問題ではありません: ボールトが存在しない可能性があります",
			KO: "권한 문제가 아닐 가능성이 큽니다: 볼트가 존재하지 않을 수 있습니다",
		},
		"trap.missingvault.cause": {
			EN: "DescribeBackupVault answers AccessDeniedException for a vault that does not exist, even to an administrator (Terraform and Ansible reads report it as access denied).",
			JA: "DescribeBackupVault は、存在しないボールトに対して管理者にも AccessDeniedException を返します (Terraform や Ansible の読み取りはアクセス拒否として報告します)。",
			KO: "DescribeBackupVault는 존재하지 않는 볼트에 대해 관리자에게도 AccessDeniedException을 반환합니다(Terraform과 Ansible의 읽기는 이를 액세스 거부로 보고합니다).",
		},
		"trap.missingvault.check": {
			EN: "Confirm with aws backup list-backup-vaults (check the Region and the exact name) before changing any policy.",
			JA: "ポリシーを変更する前に aws backup list-backup-vaults で確認してください (リージョンと正確な名前を確認)。",
			KO: "정책을 바꾸기 전에 aws backup list-backup-vaults로 확인하세요(리전과 정확한 이름 확인).",
		},
		"trap.vaultlock.title": {
			EN: "Not a permission problem: AWS Backup Vault Lock",
			JA: "権限の問題ではありません: AWS Backup Vault Lock",
			KO: "권한 문제가 아닙니다: AWS Backup Vault Lock",
		},
		"trap.vaultlock.cause": {
			EN: "Vault Lock keeps recovery points from being deleted or their retention shortened. In compliance mode, once the grace time has passed, nobody can remove the lock: DeleteBackupVaultLockConfiguration answers InvalidRequestException.",
			JA: "Vault Lock は復旧ポイントの削除や保持期間の短縮を防ぎます。コンプライアンスモードでは猶予期間が過ぎると誰もロックを解除できず、DeleteBackupVaultLockConfiguration は InvalidRequestException を返します。",
			KO: "Vault Lock은 복구 지점의 삭제나 보존 기간 단축을 막습니다. 규정 준수 모드에서는 유예 기간이 지나면 누구도 잠금을 해제할 수 없으며 DeleteBackupVaultLockConfiguration은 InvalidRequestException을 반환합니다.",
		},
		"trap.vaultlock.check": {
			EN: "Check the lock with aws backup describe-backup-vault (Locked, LockDate); governance-mode locks can be removed by principals allowed backup:DeleteBackupVaultLockConfiguration.",
			JA: "aws backup describe-backup-vault (Locked, LockDate) でロックを確認してください。ガバナンスモードのロックは backup:DeleteBackupVaultLockConfiguration を許可されたプリンシパルが解除できます。",
			KO: "aws backup describe-backup-vault(Locked, LockDate)로 잠금을 확인하세요. 거버넌스 모드 잠금은 backup:DeleteBackupVaultLockConfiguration이 허용된 보안 주체가 해제할 수 있습니다.",
		},

		// AWS Backup job status messages. Arguments: role, resource.
		"backupjob.cannot-describe-resource.title": {
			EN: "AWS Backup's job role cannot read the resource", JA: "AWS Backup のジョブロールがリソースを読み取れません", KO: "AWS Backup 작업 역할이 리소스를 읽을 수 없습니다",
		},
		"backupjob.cannot-describe-resource.cause": {
			EN: "The job role (%s) lacks the permissions to describe %s. For Amazon S3 the default role AWSBackupDefaultServiceRole does not have them: S3 needs its own managed policies.",
			JA: "ジョブロール (%s) に %s を記述 (describe) する権限がありません。Amazon S3 の場合、既定のロール AWSBackupDefaultServiceRole にはこの権限がなく、S3 専用の管理ポリシーが必要です。",
			KO: "작업 역할(%s)에 %s을(를) 설명(describe)할 권한이 없습니다. Amazon S3의 경우 기본 역할 AWSBackupDefaultServiceRole에는 이 권한이 없으며 S3 전용 관리형 정책이 필요합니다.",
		},
		"backupjob.cannot-describe-resource.check": {
			EN: "Attach AWSBackupServiceRolePolicyForS3Backup (and AWSBackupServiceRolePolicyForS3Restore for restores) to the job role, or the permissions for the resource type.",
			JA: "ジョブロールに AWSBackupServiceRolePolicyForS3Backup (復元には AWSBackupServiceRolePolicyForS3Restore も)、またはそのリソースタイプ用の権限をアタッチしてください。",
			KO: "작업 역할에 AWSBackupServiceRolePolicyForS3Backup(복원에는 AWSBackupServiceRolePolicyForS3Restore도) 또는 해당 리소스 유형의 권한을 연결하세요.",
		},
		"backupjob.role-cannot-be-assumed.title": {
			EN: "AWS Backup cannot assume the job role", JA: "AWS Backup がジョブロールを引き受けられません", KO: "AWS Backup이 작업 역할을 수임할 수 없습니다",
		},
		"backupjob.role-cannot-be-assumed.cause": {
			EN: "The role %s does not exist in this account, or its trust policy does not allow backup.amazonaws.com to assume it (%s).",
			JA: "ロール %s がこのアカウントに存在しないか、信頼ポリシーが backup.amazonaws.com による引き受けを許可していません (%s)。",
			KO: "역할 %s이(가) 이 계정에 없거나, 신뢰 정책이 backup.amazonaws.com의 수임을 허용하지 않습니다(%s).",
		},
		"backupjob.role-cannot-be-assumed.check": {
			EN: "Create the role in every member account the backup policy targets, with a trust policy allowing the service principal backup.amazonaws.com sts:AssumeRole.",
			JA: "バックアップポリシーの対象となるすべてのメンバーアカウントに、サービスプリンシパル backup.amazonaws.com に sts:AssumeRole を許可する信頼ポリシー付きのロールを作成してください。",
			KO: "백업 정책이 대상으로 하는 모든 멤버 계정에, 서비스 보안 주체 backup.amazonaws.com에 sts:AssumeRole을 허용하는 신뢰 정책이 있는 역할을 만드세요.",
		},
		"backupjob.tag-getresources.title": {
			EN: "The job role may not call tag:GetResources", JA: "ジョブロールが tag:GetResources を呼び出せません", KO: "작업 역할이 tag:GetResources를 호출할 수 없습니다",
		},
		"backupjob.tag-getresources.cause": {
			EN: "A tag-based backup selection needs the role %s to list tagged resources (tag:GetResources) (%s). Right after the role was created this can also be IAM's eventual consistency.",
			JA: "タグベースのバックアップ選択では、ロール %s がタグ付きリソースを一覧できる (tag:GetResources) 必要があります (%s)。ロールの作成直後なら IAM の結果整合性による場合もあります。",
			KO: "태그 기반 백업 선택에는 역할 %s이(가) 태그가 지정된 리소스를 나열(tag:GetResources)할 수 있어야 합니다(%s). 역할을 만든 직후라면 IAM의 최종 일관성 때문일 수도 있습니다.",
		},
		"backupjob.tag-getresources.check": {
			EN: "Attach AWSBackupServiceRolePolicyForBackup to the role, and retry after a minute if the role is new.",
			JA: "ロールに AWSBackupServiceRolePolicyForBackup をアタッチし、新しいロールなら 1 分ほど待ってから再試行してください。",
			KO: "역할에 AWSBackupServiceRolePolicyForBackup을 연결하고, 새 역할이라면 1분쯤 후에 다시 시도하세요.",
		},
		"backupjob.copy-access-denied.title": {
			EN: "Cross-account copy refused by the destination vault", JA: "クロスアカウントコピーがコピー先ボールトに拒否されています", KO: "교차 계정 복사가 대상 볼트에서 거부되었습니다",
		},
		"backupjob.copy-access-denied.cause": {
			EN: "The destination vault's access policy does not allow backup:CopyIntoBackupVault for the source account or organization (%s, %s).",
			JA: "コピー先ボールトのアクセスポリシーが、コピー元のアカウントまたは組織に backup:CopyIntoBackupVault を許可していません (%s, %s)。",
			KO: "대상 볼트의 액세스 정책이 원본 계정 또는 조직에 backup:CopyIntoBackupVault를 허용하지 않습니다(%s, %s).",
		},
		"backupjob.copy-access-denied.check": {
			EN: "Add an Allow statement for backup:CopyIntoBackupVault with the source account, or aws:PrincipalOrgID, to the destination vault's access policy.",
			JA: "コピー先ボールトのアクセスポリシーに、コピー元アカウントまたは aws:PrincipalOrgID を指定した backup:CopyIntoBackupVault の Allow ステートメントを追加してください。",
			KO: "대상 볼트의 액세스 정책에 원본 계정 또는 aws:PrincipalOrgID를 지정한 backup:CopyIntoBackupVault Allow 문을 추가하세요.",
		},
		"backupjob.same-organization.title": {
			EN: "Cross-account copy needs one organization", JA: "クロスアカウントコピーには同じ組織が必要です", KO: "교차 계정 복사에는 같은 조직이 필요합니다",
		},
		"backupjob.same-organization.cause": {
			EN: "Source and destination accounts are not in the same AWS Organization, or cross-account backup is not enabled in the management account (%s, %s).",
			JA: "コピー元とコピー先のアカウントが同じ AWS Organizations の組織にないか、管理アカウントでクロスアカウントバックアップが有効になっていません (%s, %s)。",
			KO: "원본과 대상 계정이 같은 AWS Organizations 조직에 없거나, 관리 계정에서 교차 계정 백업이 활성화되지 않았습니다(%s, %s).",
		},
		"backupjob.same-organization.check": {
			EN: "Move both accounts into one organization and enable cross-account backup in the management account (AWS Backup settings, or aws backup update-global-settings).",
			JA: "両方のアカウントを同じ組織に入れ、管理アカウントでクロスアカウントバックアップを有効にしてください (AWS Backup の設定、または aws backup update-global-settings)。",
			KO: "두 계정을 같은 조직에 넣고 관리 계정에서 교차 계정 백업을 활성화하세요(AWS Backup 설정 또는 aws backup update-global-settings).",
		},
		"backupjob.kms-describekey-default-cmk.title": {
			EN: "The copy cannot use the source's KMS key", JA: "コピーでコピー元の KMS キーを使用できません", KO: "복사에서 원본의 KMS 키를 사용할 수 없습니다",
		},
		"backupjob.kms-describekey-default-cmk.cause": {
			EN: "The source is encrypted with an AWS managed key (such as aws/ebs), which cannot be shared with another account, or with a customer managed key not shared with the destination (%s, %s).",
			JA: "コピー元が他のアカウントと共有できない AWS 管理キー (aws/ebs など)、またはコピー先と共有されていないカスタマーマネージドキーで暗号化されています (%s, %s)。",
			KO: "원본이 다른 계정과 공유할 수 없는 AWS 관리형 키(aws/ebs 등) 또는 대상과 공유되지 않은 고객 관리형 키로 암호화되어 있습니다(%s, %s).",
		},
		"backupjob.kms-describekey-default-cmk.check": {
			EN: "Re-encrypt the source with a customer managed key and allow the destination account in that key's policy.",
			JA: "コピー元をカスタマーマネージドキーで再暗号化し、そのキーポリシーでコピー先アカウントを許可してください。",
			KO: "원본을 고객 관리형 키로 다시 암호화하고 그 키 정책에서 대상 계정을 허용하세요.",
		},
		"backupjob.insufficient-privileges.title": {
			EN: "Restore refused: insufficient privileges", JA: "復元が拒否されました: 権限不足", KO: "복원이 거부되었습니다: 권한 부족",
		},
		"backupjob.insufficient-privileges.cause": {
			EN: "One of four things refuses it: the caller lacks backup:StartRestoreJob, the restore role (%s) lacks the service's restore actions or the KMS actions for an encrypted target, or the vault's access policy denies StartRestoreJob (%s).",
			JA: "原因は次のいずれかです: 呼び出し元に backup:StartRestoreJob がない、復元ロール (%s) にサービスの復元アクションや暗号化された復元先の KMS アクションがない、またはボールトのアクセスポリシーが StartRestoreJob を拒否している (%s)。",
			KO: "다음 중 하나가 원인입니다: 호출자에게 backup:StartRestoreJob이 없거나, 복원 역할(%s)에 서비스의 복원 작업이나 암호화된 대상의 KMS 작업이 없거나, 볼트의 액세스 정책이 StartRestoreJob을 거부합니다(%s).",
		},
		"backupjob.insufficient-privileges.check": {
			EN: "Check in that order; for EFS restores from aws/efs/automatic-backup-vault, its default access policy denies restores.",
			JA: "この順に確認してください。aws/efs/automatic-backup-vault からの EFS の復元では、既定のアクセスポリシーが復元を拒否します。",
			KO: "이 순서로 확인하세요. aws/efs/automatic-backup-vault에서 EFS를 복원할 때는 기본 액세스 정책이 복원을 거부합니다.",
		},
		"backupjob.unshare-snapshot.title": {
			EN: "The copy role disappeared during a cross-account copy", JA: "クロスアカウントコピー中にコピーロールがなくなりました", KO: "교차 계정 복사 중에 복사 역할이 사라졌습니다",
		},
		"backupjob.unshare-snapshot.cause": {
			EN: "The job role (%s) was deleted or changed while the copy ran, so AWS Backup could not unshare the snapshot (%s).",
			JA: "コピーの実行中にジョブロール (%s) が削除または変更されたため、AWS Backup はスナップショットの共有を解除できませんでした (%s)。",
			KO: "복사가 실행되는 동안 작업 역할(%s)이 삭제되거나 변경되어 AWS Backup이 스냅샷 공유를 해제할 수 없었습니다(%s).",
		},
		"backupjob.unshare-snapshot.check": {
			EN: "Keep the role and its permissions until every copy job that uses it has finished.",
			JA: "そのロールを使うすべてのコピージョブが完了するまで、ロールと権限を残してください。",
			KO: "그 역할을 사용하는 모든 복사 작업이 끝날 때까지 역할과 권한을 유지하세요.",
		},
		"backupjob.ami-not-found.title": {
			EN: "The destination does not accept the source AMI", JA: "コピー先がコピー元の AMI を受け付けません", KO: "대상이 원본 AMI를 받아들이지 않습니다",
		},
		"backupjob.ami-not-found.cause": {
			EN: "EC2 Allowed AMIs in the destination does not list the source account, so the AMI looks missing (%s, %s).",
			JA: "コピー先の EC2 の「許可された AMI」設定にコピー元アカウントが含まれていないため、AMI が見つからないように見えます (%s, %s)。",
			KO: "대상의 EC2 허용된 AMI 설정에 원본 계정이 없어 AMI가 없는 것처럼 보입니다(%s, %s).",
		},
		"backupjob.ami-not-found.check": {
			EN: "Add the source account to the destination's Allowed AMIs settings.",
			JA: "コピー先の「許可された AMI」設定にコピー元アカウントを追加してください。",
			KO: "대상의 허용된 AMI 설정에 원본 계정을 추가하세요.",
		},

		// KMS.
		"kms.keypolicy.title": {
			EN: "The KMS key policy does not admit the principal",
			JA: "KMS キーポリシーがプリンシパルを許可していません",
			KO: "KMS 키 정책이 보안 주체를 허용하지 않습니다",
		},
		"kms.keypolicy.cause": { // principal, action
			EN: "Before any IAM policy counts, a KMS key's own policy must allow %s to call %s, directly or by allowing the account (arn:aws:iam::ACCOUNT:root), which delegates to IAM policies.",
			JA: "IAM ポリシーが効力を持つ前に、KMS キー自体のポリシーが %s に %s の呼び出しを許可している必要があります。直接許可するか、アカウント (arn:aws:iam::ACCOUNT:root) を許可して IAM ポリシーに委任します。",
			KO: "IAM 정책이 효력을 갖기 전에 KMS 키 자체의 정책이 %s에게 %s 호출을 허용해야 합니다. 직접 허용하거나 계정(arn:aws:iam::ACCOUNT:root)을 허용하여 IAM 정책에 위임합니다.",
		},
		"kms.keypolicy.check.delegation": {
			EN: "If the key policy keeps the default \"Enable IAM User Permissions\" statement, the principal's IAM policies must allow the action; otherwise name the role in the key policy.",
			JA: "キーポリシーに既定の \"Enable IAM User Permissions\" ステートメントがあれば、プリンシパルの IAM ポリシーがアクションを許可している必要があります。なければキーポリシーでロールを指定してください。",
			KO: "키 정책에 기본 \"Enable IAM User Permissions\" 문이 있다면 보안 주체의 IAM 정책이 작업을 허용해야 합니다. 없다면 키 정책에서 역할을 지정하세요.",
		},
		"kms.keypolicy.check.slr": {
			EN: "For backups copied into this account, the key policy must also admit the service-linked role AWSServiceRoleForBackup and the restore role.",
			JA: "このアカウントにコピーされたバックアップの場合、キーポリシーはサービスリンクロール AWSServiceRoleForBackup と復元ロールも許可する必要があります。",
			KO: "이 계정으로 복사된 백업의 경우 키 정책이 서비스 연결 역할 AWSServiceRoleForBackup과 복원 역할도 허용해야 합니다.",
		},
		"kms.keypolicy.check.exists": {
			EN: "The message also allows that the key does not exist in this Region: check the key ARN and Region first.",
			JA: "メッセージは、このリージョンにキーが存在しない可能性も示しています。まずキーの ARN とリージョンを確認してください。",
			KO: "메시지는 이 리전에 키가 없을 가능성도 나타냅니다. 먼저 키 ARN과 리전을 확인하세요.",
		},

		// Generic rules, per layer.
		"generic.unknown.title": {
			EN: "Access denied, without details", JA: "詳細のないアクセス拒否", KO: "세부 정보 없는 액세스 거부",
		},
		"generic.unknown.cause": {
			EN: "The text says access was denied but names no principal, action or policy type.",
			JA: "アクセスが拒否されたことはわかりますが、プリンシパル、アクション、ポリシーの種類が示されていません。",
			KO: "액세스가 거부되었다는 것은 알 수 있지만 보안 주체, 작업, 정책 유형이 나와 있지 않습니다.",
		},
		"generic.legacy.title": {
			EN: "Access denied: the message does not name the policy type", JA: "アクセス拒否: メッセージにポリシーの種類が示されていません", KO: "액세스 거부: 메시지에 정책 유형이 나와 있지 않습니다",
		},
		"generic.legacy.cause": {
			EN: "%s was refused %s, but this (older) message form does not say which policy type refused it.",
			JA: "%s は %s を拒否されましたが、この (古い) 形式のメッセージはどの種類のポリシーが拒否したかを示しません。",
			KO: "%s은(는) %s을(를) 거부당했지만, 이 (이전) 형식의 메시지는 어떤 유형의 정책이 거부했는지 알려 주지 않습니다.",
		},
		"generic.legacy.explicit": {
			EN: "A Deny statement matched, but the message does not say in which kind of policy: it may be an identity-based policy, the permissions boundary, an SCP, an RCP, the session policy, a VPC endpoint policy or the resource's policy. Decode an encoded message, or run denied explain --snapshot (or --live) to find it; do not change an SCP before you know it is the one.",
			JA: "Deny ステートメントが一致しましたが、メッセージにはそれがどの種類のポリシーにあるかが示されていません: アイデンティティベースのポリシー、アクセス許可の境界、SCP、RCP、セッションポリシー、VPC エンドポイントポリシー、リソースのポリシーのいずれかの可能性があります。エンコードされたメッセージをデコードするか、denied explain --snapshot (または --live) で特定してください。SCP が原因だとわかるまでは SCP を変更しないでください。",
			KO: "Deny 문이 일치했지만 메시지에는 그것이 어떤 종류의 정책에 있는지 나와 있지 않습니다: 자격 증명 기반 정책, 권한 경계, SCP, RCP, 세션 정책, VPC 엔드포인트 정책, 리소스 정책 중 하나일 수 있습니다. 인코딩된 메시지를 디코딩하거나 denied explain --snapshot(또는 --live)으로 찾으세요. SCP가 원인이라는 것을 알기 전에는 SCP를 변경하지 마세요.",
		},
		"generic.trust.title": {
			EN: "The role's trust policy does not allow assuming it", JA: "ロールの信頼ポリシーが引き受けを許可していません", KO: "역할의 신뢰 정책이 수임을 허용하지 않습니다",
		},
		"generic.trust.cause": {
			EN: "%s may not assume %s: the role's trust policy must name the principal (or its account, which then delegates to its IAM policies).",
			JA: "%s は %s を引き受けられません。ロールの信頼ポリシーがプリンシパル (またはそのアカウント。その場合は IAM ポリシーに委任) を指定している必要があります。",
			KO: "%s은(는) %s을(를) 수임할 수 없습니다. 역할의 신뢰 정책이 보안 주체(또는 계정. 이 경우 IAM 정책에 위임)를 지정해야 합니다.",
		},
		"generic.trust.check": {
			EN: "Read it with aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument; the caller's permissions boundary must allow sts:AssumeRole too.",
			JA: "aws iam get-role --role-name <ロール> --query Role.AssumeRolePolicyDocument で確認してください。呼び出し元のアクセス許可の境界も sts:AssumeRole を許可している必要があります。",
			KO: "aws iam get-role --role-name <역할> --query Role.AssumeRolePolicyDocument로 확인하세요. 호출자의 권한 경계도 sts:AssumeRole을 허용해야 합니다.",
		},
		"check.policyarn": { // policy ARN
			EN: "The denying policy is %s.",
			JA: "拒否しているポリシーは %s です。",
			KO: "거부하는 정책은 %s입니다.",
		},
		"generic.scp.find-deny": { // command listing the parents, command listing the SCPs of a target, command reading one
			EN: "The message names neither the SCP nor the action: from the management account, list the SCPs of the account (%[2]s) and of each OU above it up to the root (%[1]s, then the same for each parent), read each (%[3]s), and look for a Deny whose Action matches the denied call and whose conditions the request meets; if none denies it, a level whose SCPs allow no such action refuses it.",
			JA: "メッセージには SCP の名前もアクションもありません: 管理アカウントから、アカウントの SCP (%[2]s) とその上のルートまでの各 OU の SCP (%[1]s で親を調べ、親ごとに同じく) を一覧表示し、それぞれを読んで (%[3]s)、Action が拒否された呼び出しに一致し、条件をリクエストが満たす Deny を探してください。拒否するものがなければ、SCP がそのアクションを許可していない階層が拒否しています。",
			KO: "메시지에 SCP 이름도 작업도 없습니다: 관리 계정에서 계정의 SCP(%[2]s)와 그 위 루트까지의 각 OU의 SCP(%[1]s로 부모를 찾고 부모마다 같은 방법으로)를 나열하고, 각각을 읽어(%[3]s) Action이 거부된 호출과 일치하고 요청이 조건을 충족하는 Deny를 찾으세요. 거부하는 문이 없으면 SCP가 그 작업을 허용하지 않는 계층이 거부한 것입니다.",
		},
		"generic.scp.note": {
			EN: "AWS reports every SCP refusal as an explicit deny, also when no SCP level allows the action; SCPs are changed from the organization's management account.",
			JA: "AWS は SCP による拒否を、どの階層の SCP もアクションを許可していない場合も含めて、すべて明示的な拒否として報告します。SCP は組織の管理アカウントから変更します。",
			KO: "AWS는 SCP에 의한 거부를, 어느 계층의 SCP도 작업을 허용하지 않는 경우까지 모두 명시적 거부로 보고합니다. SCP는 조직의 관리 계정에서 변경합니다.",
		},
		// Assume-role denials, explained through the trust policy.
		"assume.title": { // role name
			EN: "The trust policy of role %s does not let the caller assume it",
			JA: "ロール %s の信頼ポリシーが、呼び出し元による引き受けを許可していません",
			KO: "역할 %s의 신뢰 정책이 호출자의 수임을 허용하지 않습니다",
		},
		"assume.cause": { // principal, role name
			EN: "%s may not assume %s: the role's trust policy must allow sts:AssumeRole for the caller (its role ARN for a role session, or its account), and every condition of that statement must hold for this request.",
			JA: "%s は %s を引き受けられません: ロールの信頼ポリシーが呼び出し元 (ロールセッションならそのロールの ARN、またはそのアカウント) に sts:AssumeRole を許可し、そのステートメントの条件がこのリクエストですべて満たされている必要があります。",
			KO: "%s은(는) %s을(를) 수임할 수 없습니다: 역할의 신뢰 정책이 호출자(역할 세션이면 그 역할의 ARN, 또는 그 계정)에게 sts:AssumeRole을 허용해야 하며, 해당 문의 모든 조건이 이 요청에서 충족되어야 합니다.",
		},
		"assume.unnamed.title": { // role name
			EN: "sts:AssumeRole on %s was refused: the message does not say by the role's trust policy or by the caller's own policies",
			JA: "%s に対する sts:AssumeRole が拒否されました: ロールの信頼ポリシーによるのか、呼び出し元自身のポリシーによるのかは、メッセージからはわかりません",
			KO: "%s에 대한 sts:AssumeRole이 거부되었습니다: 역할의 신뢰 정책 때문인지 호출자 자신의 정책 때문인지 메시지로는 알 수 없습니다",
		},
		"assume.unnamed.note": { // principal, role name
			EN: "The message names no policy type, and AWS gives this message whichever refused it: the role's trust policy must trust %[1]s, and %[1]s's identity-based policies must allow sts:AssumeRole on %[2]s (both across accounts; in the role's own account a trust policy naming the caller's ARN is enough). The two fixes are candidates, one for each: apply the one the checks show missing, both when both are.",
			JA: "メッセージにはポリシーの種類がなく、AWS はどちらが拒否してもこのメッセージを返します: ロールの信頼ポリシーが %[1]s を信頼し、%[1]s のアイデンティティベースのポリシーが %[2]s に対する sts:AssumeRole を許可している必要があります (アカウントをまたぐ場合は両方。ロールと同じアカウントでは、信頼ポリシーが呼び出し元の ARN を指定していれば足ります)。2 つの修正はそれぞれに対する候補です: 確認で欠けているとわかった方を、両方欠けていれば両方を適用してください。",
			KO: "메시지에 정책 유형이 없으며, AWS는 어느 쪽이 거부하든 이 메시지를 반환합니다: 역할의 신뢰 정책이 %[1]s을(를) 신뢰하고, %[1]s의 자격 증명 기반 정책이 %[2]s에 대한 sts:AssumeRole을 허용해야 합니다(계정을 넘나들 때는 둘 다. 역할과 같은 계정에서는 신뢰 정책이 호출자의 ARN을 지정하면 충분합니다). 두 수정은 각각에 대한 후보입니다: 확인에서 빠져 있다고 나온 쪽을, 둘 다 빠져 있으면 둘 다 적용하세요.",
		},
		"assume.check.unnamed-identity": { // principal, role name
			EN: "Check whether %s's own policies allow it: aws iam simulate-principal-policy --policy-source-arn (the caller's user or role ARN) --action-names sts:AssumeRole --resource-arns (the ARN of %s), with credentials of the caller's account.",
			JA: "%s 自身のポリシーが許可しているか確認してください: 呼び出し元のアカウントの認証情報で aws iam simulate-principal-policy --policy-source-arn (呼び出し元のユーザーまたはロールの ARN) --action-names sts:AssumeRole --resource-arns (%s の ARN)。",
			KO: "%s 자신의 정책이 허용하는지 확인하세요: 호출자 계정의 자격 증명으로 aws iam simulate-principal-policy --policy-source-arn (호출자의 사용자 또는 역할 ARN) --action-names sts:AssumeRole --resource-arns (%s의 ARN).",
		},
		"assume.user.title": {
			EN: "The target of AssumeRole is an IAM user, not a role",
			JA: "AssumeRole の対象が、ロールではなく IAM ユーザーです",
			KO: "AssumeRole의 대상이 역할이 아니라 IAM 사용자입니다",
		},
		"assume.user.cause": { // principal, user ARN
			EN: "%s tried to assume %s, which is an IAM user: only roles can be assumed. Use that user's own credentials, or create a role for this purpose and assume it.",
			JA: "%s は %s を引き受けようとしましたが、これは IAM ユーザーです: 引き受けられるのはロールだけです。そのユーザー自身の認証情報を使うか、この目的のロールを作成して引き受けてください。",
			KO: "%s이(가) %s을(를) 수임하려 했지만 이는 IAM 사용자입니다: 수임할 수 있는 것은 역할뿐입니다. 해당 사용자의 자격 증명을 사용하거나, 이 목적의 역할을 만들어 수임하세요.",
		},
		"assume.self.cause": { // role name
			EN: "The role %s tried to assume itself, usually through a profile or SDK credential chain that assumes the role it already runs as. A role does not trust itself implicitly: use the current credentials instead, or, if this is intended, name the role's own ARN in its trust policy.",
			JA: "ロール %s が自分自身を引き受けようとしました。多くの場合、すでに実行中のロールを引き受けるプロファイルや SDK の認証情報チェーンが原因です。ロールは自分自身を暗黙には信頼しません: 今の認証情報をそのまま使うか、意図したものなら信頼ポリシーにロール自身の ARN を指定してください。",
			KO: "역할 %s이(가) 자기 자신을 수임하려 했습니다. 대개 이미 실행 중인 역할을 수임하는 프로필이나 SDK 자격 증명 체인이 원인입니다. 역할은 자기 자신을 암묵적으로 신뢰하지 않습니다: 현재 자격 증명을 그대로 사용하거나, 의도한 것이라면 신뢰 정책에 역할 자신의 ARN을 지정하세요.",
		},
		"assume.chain.cause": { // caller's role name, target role name
			EN: "A session of role %s tried to assume %s (role chaining): the target's trust policy must name the caller's role ARN (not the session ARN) or its account.",
			JA: "ロール %s のセッションが %s を引き受けようとしました (ロールの連鎖): 対象の信頼ポリシーは、呼び出し元のロールの ARN (セッションの ARN ではなく) かそのアカウントを指定している必要があります。",
			KO: "역할 %s의 세션이 %s을(를) 수임하려 했습니다(역할 체인): 대상의 신뢰 정책은 호출자 역할의 ARN(세션 ARN이 아님)이나 그 계정을 지정해야 합니다.",
		},
		"assume.oidc.cause": { // role name
			EN: "AssumeRoleWithWebIdentity into %s was refused. Only the role's trust policy decides it: its principal must be the OIDC provider that issued the token, and its conditions on the token's claims (aud, sub) must hold.",
			JA: "%s への AssumeRoleWithWebIdentity が拒否されました。これを決めるのはロールの信頼ポリシーだけです: プリンシパルがトークンを発行した OIDC プロバイダーであり、トークンのクレーム (aud、sub) に対する条件が満たされている必要があります。",
			KO: "%s에 대한 AssumeRoleWithWebIdentity가 거부되었습니다. 이를 결정하는 것은 역할의 신뢰 정책뿐입니다: 보안 주체가 토큰을 발급한 OIDC 공급자여야 하고, 토큰 클레임 aud와 sub에 대한 조건이 충족되어야 합니다.",
		},
		"assume.saml.cause": { // role name
			EN: "AssumeRoleWithSAML into %s was refused. The role's trust policy decides it: its principal must be the SAML provider of the assertion, and its conditions (SAML:aud and any other SAML keys) must hold.",
			JA: "%s への AssumeRoleWithSAML が拒否されました。これを決めるのはロールの信頼ポリシーです: プリンシパルがアサーションの SAML プロバイダーであり、条件 (SAML:aud やその他の SAML キー) が満たされている必要があります。",
			KO: "%s에 대한 AssumeRoleWithSAML이 거부되었습니다. 이를 결정하는 것은 역할의 신뢰 정책입니다: 보안 주체가 어설션의 SAML 공급자여야 하고, 조건(SAML:aud 및 기타 SAML 키)이 충족되어야 합니다.",
		},
		"assume.check.read": { // role name
			EN: "Read the trust policy: aws iam get-role --role-name %s --query Role.AssumeRolePolicyDocument",
			JA: "信頼ポリシーを確認してください: aws iam get-role --role-name %s --query Role.AssumeRolePolicyDocument",
			KO: "신뢰 정책을 확인하세요: aws iam get-role --role-name %s --query Role.AssumeRolePolicyDocument",
		},
		"assume.check.conditions": {
			EN: "If the statement naming the caller has conditions (sts:ExternalId, aws:MultiFactorAuthPresent, aws:PrincipalOrgID, aws:SourceIdentity, sts:RoleSessionName...), the request must meet them: pass the external ID, sign in with MFA, and so on. Removing the condition is not the fix.",
			JA: "呼び出し元を指定しているステートメントに条件 (sts:ExternalId、aws:MultiFactorAuthPresent、aws:PrincipalOrgID、aws:SourceIdentity、sts:RoleSessionName など) がある場合、リクエストがそれを満たす必要があります: 外部 ID を渡す、MFA でサインインする、などです。条件を削除するのは修正ではありません。",
			KO: "호출자를 지정한 문에 조건(sts:ExternalId, aws:MultiFactorAuthPresent, aws:PrincipalOrgID, aws:SourceIdentity, sts:RoleSessionName 등)이 있으면 요청이 이를 충족해야 합니다: 외부 ID를 전달하거나 MFA로 로그인하는 등입니다. 조건을 삭제하는 것은 수정이 아닙니다.",
		},
		"assume.check.caller": { // role name
			EN: "The caller's own identity-based policies (and its permissions boundary and SCPs) must allow sts:AssumeRole on %s too when the role is in another account.",
			JA: "ロールが別のアカウントにある場合は、呼び出し元自身のアイデンティティベースのポリシー (およびアクセス許可の境界と SCP) も、%s に対する sts:AssumeRole を許可している必要があります。",
			KO: "역할이 다른 계정에 있으면 호출자 자신의 자격 증명 기반 정책(및 권한 경계와 SCP)도 %s에 대한 sts:AssumeRole을 허용해야 합니다.",
		},
		"assume.check.chain-duration": {
			EN: "A session obtained by role chaining lasts at most one hour, whatever the role's maximum session duration.",
			JA: "ロールの連鎖で得たセッションは、ロールの最大セッション時間にかかわらず最長 1 時間です。",
			KO: "역할 체인으로 얻은 세션은 역할의 최대 세션 기간과 관계없이 최대 1시간입니다.",
		},
		"assume.check.self": {
			EN: "Check the profile (role_arn, source_profile, credential_source) or the provider's assume_role block: it should not assume the role the credentials already belong to.",
			JA: "プロファイル (role_arn、source_profile、credential_source) やプロバイダーの assume_role ブロックを確認してください: 認証情報がすでに属しているロールを引き受けるべきではありません。",
			KO: "프로필(role_arn, source_profile, credential_source)이나 공급자의 assume_role 블록을 확인하세요: 자격 증명이 이미 속한 역할을 수임해서는 안 됩니다.",
		},
		"assume.check.oidc.provider": {
			EN: "The statement's principal must be {\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/PROVIDER\"} for a provider that exists in the role's account (aws iam list-open-id-connect-providers) and whose audience list holds the token's aud; its action must be sts:AssumeRoleWithWebIdentity.",
			JA: "ステートメントのプリンシパルは {\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/PROVIDER\"} で、ロールのアカウントに存在し (aws iam list-open-id-connect-providers)、対象者 (audience) の一覧にトークンの aud を含むプロバイダーである必要があります。アクションは sts:AssumeRoleWithWebIdentity である必要があります。",
			KO: "문의 보안 주체는 {\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/PROVIDER\"}이어야 하며, 역할의 계정에 존재하고(aws iam list-open-id-connect-providers) 대상(audience) 목록에 토큰의 aud가 포함된 공급자여야 합니다. 작업은 sts:AssumeRoleWithWebIdentity여야 합니다.",
		},
		"assume.check.oidc.claims": {
			EN: "Its conditions must match the token's claims: for GitHub Actions, token.actions.githubusercontent.com:aud = sts.amazonaws.com and token.actions.githubusercontent.com:sub = repo:OWNER/REPO:ref:refs/heads/BRANCH (repo:OWNER/REPO:environment:NAME when the job names an environment); for Amazon EKS, oidc.eks.REGION.amazonaws.com/id/ID:aud = sts.amazonaws.com and :sub = system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT; for Amazon Cognito, cognito-identity.amazonaws.com:aud = the identity pool ID and cognito-identity.amazonaws.com:amr = authenticated or unauthenticated; for Google, accounts.google.com:aud = the client ID.",
			JA: "条件はトークンのクレームと一致する必要があります: GitHub Actions なら token.actions.githubusercontent.com:aud = sts.amazonaws.com と token.actions.githubusercontent.com:sub = repo:OWNER/REPO:ref:refs/heads/BRANCH (ジョブが環境を指定する場合は repo:OWNER/REPO:environment:NAME)、Amazon EKS なら oidc.eks.REGION.amazonaws.com/id/ID:aud = sts.amazonaws.com と :sub = system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT、Amazon Cognito なら cognito-identity.amazonaws.com:aud = ID プールの ID と cognito-identity.amazonaws.com:amr = authenticated または unauthenticated、Google なら accounts.google.com:aud = クライアント ID です。",
			KO: "조건은 토큰의 클레임과 일치해야 합니다: GitHub Actions는 token.actions.githubusercontent.com:aud = sts.amazonaws.com 및 token.actions.githubusercontent.com:sub = repo:OWNER/REPO:ref:refs/heads/BRANCH(작업이 환경을 지정하면 repo:OWNER/REPO:environment:NAME), Amazon EKS는 oidc.eks.REGION.amazonaws.com/id/ID:aud = sts.amazonaws.com 및 :sub = system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT, Amazon Cognito는 cognito-identity.amazonaws.com:aud = 자격 증명 풀 ID 및 cognito-identity.amazonaws.com:amr = authenticated 또는 unauthenticated이고, Google은 accounts.google.com:aud = 클라이언트 ID입니다.",
		},
		"assume.check.saml": {
			EN: "The statement's principal must be {\"Federated\": \"arn:aws:iam::ACCOUNT:saml-provider/NAME\"}, its action sts:AssumeRoleWithSAML, with SAML:aud = https://signin.aws.amazon.com/saml (the assertion's Recipient); the assertion's https://aws.amazon.com/SAML/Attributes/Role attribute must pair this role's ARN with that provider's ARN.",
			JA: "ステートメントのプリンシパルは {\"Federated\": \"arn:aws:iam::ACCOUNT:saml-provider/NAME\"}、アクションは sts:AssumeRoleWithSAML で、SAML:aud = https://signin.aws.amazon.com/saml (アサーションの Recipient) である必要があります。アサーションの https://aws.amazon.com/SAML/Attributes/Role 属性は、このロールの ARN とそのプロバイダーの ARN を組にしている必要があります。",
			KO: "문의 보안 주체는 {\"Federated\": \"arn:aws:iam::ACCOUNT:saml-provider/NAME\"}, 작업은 sts:AssumeRoleWithSAML이어야 하며 SAML:aud = https://signin.aws.amazon.com/saml(어설션의 Recipient)이어야 합니다. 어설션의 https://aws.amazon.com/SAML/Attributes/Role 속성은 이 역할의 ARN과 해당 공급자의 ARN을 한 쌍으로 지정해야 합니다.",
		},

		// Decoded explicit denies with their matched statements.
		"decoded.no-sid": {EN: "(without Sid)", JA: "(Sid なし)", KO: "(Sid 없음)"},
		"decoded.deny.title": { // action
			EN: "%s: a Deny statement matched (named in the decoded message)",
			JA: "%s: Deny ステートメントが一致しました (デコードしたメッセージに記載)",
			KO: "%s: Deny 문이 일치했습니다(디코딩한 메시지에 기재)",
		},
		"decoded.deny.cause": { // Sid, @layer, principal, action, resource
			EN: "The Deny statement %s (in the %s) matches %s calling %s on %s; an Allow elsewhere cannot override it.",
			JA: "Deny ステートメント %s (%s) が、%s による %s (%s) に一致しています。他の場所の Allow では上書きできません。",
			KO: "Deny 문 %s(%s)이(가) %s의 %s(%s) 호출과 일치합니다. 다른 곳의 Allow로는 재정의할 수 없습니다.",
		},
		"decoded.deny.check": { // Sid, actions, resources
			EN: "Find the statement %s in the policy that holds it: it denies %s on %s.",
			JA: "ステートメント %s を、それを含むポリシーの中で探してください: %s を %s に対して拒否しています。",
			KO: "문 %s을(를) 이를 포함한 정책에서 찾으세요: %s을(를) %s에 대해 거부합니다.",
		},
		"decoded.deny.check.conditions": { // condition keys
			EN: "The statement has conditions on %s: the request met them, so the Deny applied. Meeting the policy's intent (not removing the condition) is the first fix.",
			JA: "このステートメントには %s の条件があります: リクエストがそれに当てはまったため Deny が適用されました。まず検討すべき修正は (条件を削除することではなく) ポリシーの意図に沿うことです。",
			KO: "이 문에는 %s에 대한 조건이 있습니다: 요청이 이에 해당했기 때문에 Deny가 적용되었습니다. 먼저 고려할 수정은 (조건 삭제가 아니라) 정책의 의도에 맞추는 것입니다.",
		},
		"decoded.deny.check.layer": {
			EN: "The decoded message does not say which kind of policy holds the statement (identity-based policies list the principal's unique ID, permissions boundaries SCOPE_POLICY_ISSUER; anything else may be an SCP, an RCP, a session, VPC endpoint or resource-based policy).",
			JA: "デコードしたメッセージには、ステートメントがどの種類のポリシーにあるかは示されていません (アイデンティティベースのポリシーならプリンシパルの一意の ID、アクセス許可の境界なら SCOPE_POLICY_ISSUER が記載されます。それ以外は SCP、RCP、セッション、VPC エンドポイント、リソースベースのいずれかのポリシーの可能性があります)。",
			KO: "디코딩한 메시지에는 문이 어떤 종류의 정책에 있는지 나와 있지 않습니다(자격 증명 기반 정책이면 보안 주체의 고유 ID, 권한 경계이면 SCOPE_POLICY_ISSUER가 기재됩니다. 그 밖에는 SCP, RCP, 세션, VPC 엔드포인트, 리소스 기반 정책 중 하나일 수 있습니다).",
		},

		// Sessions whose session policy belongs to an AWS service.
		"servicesession.cognito.title": {
			EN: "Amazon Cognito limits what unauthenticated identities may call",
			JA: "Amazon Cognito が未認証 ID の呼び出せる範囲を制限しています",
			KO: "Amazon Cognito가 인증되지 않은 자격 증명이 호출할 수 있는 범위를 제한합니다",
		},
		"servicesession.cognito.cause": { // role, action
			EN: "The session of %s comes from an Amazon Cognito identity pool. In the enhanced (simplified) authflow Cognito adds a session policy of its own to unauthenticated identities, which allows only a fixed list of services; %s is not on it, and no policy you own can widen it.",
			JA: "%s のセッションは Amazon Cognito ID プールから発行されたものです。拡張 (簡略化) 認証フローでは、Cognito が未認証 ID に独自のセッションポリシーを加え、決まった一覧のサービスしか許可しません。%s はその一覧になく、利用者のポリシーでは広げられません。",
			KO: "%s의 세션은 Amazon Cognito 자격 증명 풀에서 발급되었습니다. 향상된(간소화된) 인증 흐름에서 Cognito는 인증되지 않은 자격 증명에 자체 세션 정책을 추가하며, 이 정책은 정해진 목록의 서비스만 허용합니다. %s은(는) 그 목록에 없으며 사용자의 정책으로는 넓힐 수 없습니다.",
		},
		"servicesession.cognito.check": {
			EN: "Call the action as an authenticated identity, from a backend, or with the basic (classic) authflow (GetOpenIdToken, then AssumeRoleWithWebIdentity), where only the role's policies apply. See the Amazon Cognito Developer Guide, \"Identity pools authentication flow\".",
			JA: "認証済み ID として、バックエンドから、またはロールのポリシーだけが適用される基本 (クラシック) 認証フロー (GetOpenIdToken の後に AssumeRoleWithWebIdentity) でアクションを呼び出してください。Amazon Cognito 開発者ガイドの「ID プールの認証フロー」を参照してください。",
			KO: "인증된 자격 증명으로, 백엔드에서, 또는 역할의 정책만 적용되는 기본(클래식) 인증 흐름(GetOpenIdToken 후 AssumeRoleWithWebIdentity)으로 작업을 호출하세요. Amazon Cognito 개발자 안내서의 \"자격 증명 풀 인증 흐름\"을 참조하세요.",
		},
		"servicesession.flink.title": {
			EN: "A session of Amazon Managed Service for Apache Flink refused the request",
			JA: "Amazon Managed Service for Apache Flink のセッションがリクエストを拒否しました",
			KO: "Amazon Managed Service for Apache Flink의 세션이 요청을 거부했습니다",
		},
		"servicesession.flink.cause": { // role, action
			EN: "The session of %s is created by Amazon Managed Service for Apache Flink (Kinesis Data Analytics) with a session policy of its own, for the service-owned storage of the application's state; it does not allow %s there, and that policy is not yours to change.",
			JA: "%s のセッションは Amazon Managed Service for Apache Flink (Kinesis Data Analytics) が、アプリケーションの状態を保存するサービス所有のストレージ用に、独自のセッションポリシーを付けて作成したものです。そこでは %s が許可されておらず、このポリシーは利用者が変更できません。",
			KO: "%s의 세션은 Amazon Managed Service for Apache Flink(Kinesis Data Analytics)가 애플리케이션 상태를 저장하는 서비스 소유 스토리지용으로 자체 세션 정책을 붙여 만든 것입니다. 그곳에서는 %s이(가) 허용되지 않으며, 이 정책은 사용자가 변경할 수 없습니다.",
		},
		"servicesession.flink.check": {
			EN: "Access your own buckets and streams through the application's service execution role, configured in the application, and leave the service-managed checkpoint and snapshot storage to the service (do not point your own code, for example an Iceberg or file sink, at it).",
			JA: "自分のバケットやストリームには、アプリケーションに設定したサービス実行ロールでアクセスし、サービスが管理するチェックポイントとスナップショットのストレージはサービスに任せてください (自分のコード、たとえば Iceberg やファイルのシンクをそこに向けないでください)。",
			KO: "자신의 버킷과 스트림에는 애플리케이션에 설정한 서비스 실행 역할로 액세스하고, 서비스가 관리하는 체크포인트와 스냅샷 스토리지는 서비스에 맡기세요(자신의 코드, 예를 들어 Iceberg나 파일 싱크가 그곳을 가리키지 않게 하세요).",
		},

		// Resource control policies enforce guardrails.
		"generic.rcp.guardrail": {
			EN: "RCPs usually enforce an organization-wide guardrail on its resources: only principals of the organization (aws:PrincipalOrgID), only over TLS (aws:SecureTransport), only encrypted uploads (s3:x-amz-server-side-encryption = aws:kms), only from its networks. Find the condition of the denying statement and meet it (for S3 uploads, request SSE-KMS: aws s3 cp --sse aws:kms --sse-kms-key-id KEY); an exemption comes second, and only with the policy owner's agreement.",
			JA: "RCP は通常、組織のリソース全体にガードレールを課します: 組織のプリンシパルだけ (aws:PrincipalOrgID)、TLS 経由だけ (aws:SecureTransport)、暗号化したアップロードだけ (s3:x-amz-server-side-encryption = aws:kms)、組織のネットワークからだけ、などです。拒否しているステートメントの条件を見つけてそれを満たしてください (S3 へのアップロードなら SSE-KMS を指定します: aws s3 cp --sse aws:kms --sse-kms-key-id KEY)。除外はその次で、ポリシーの所有者の合意がある場合に限ります。",
			KO: "RCP는 보통 조직의 리소스 전체에 가드레일을 적용합니다: 조직의 보안 주체만(aws:PrincipalOrgID), TLS를 통해서만(aws:SecureTransport), 암호화된 업로드만(s3:x-amz-server-side-encryption = aws:kms), 조직의 네트워크에서만 등입니다. 거부하는 문의 조건을 찾아 이를 충족하세요(S3 업로드라면 SSE-KMS를 지정합니다: aws s3 cp --sse aws:kms --sse-kms-key-id KEY). 예외는 그다음이며, 정책 소유자가 동의한 경우에만 해당합니다.",
		},
		"generic.resource.unknown-resource": {
			EN: "The message does not name the resource, so no resource-based policy can be named in a fix: find the resource the call used (its ARN in the request or in CloudTrail), then read that resource's policy.",
			JA: "メッセージにリソースが示されていないため、修正でリソースベースのポリシーを特定できません: 呼び出しが使ったリソース (リクエストや CloudTrail にある ARN) を確認し、そのリソースのポリシーを確認してください。",
			KO: "메시지에 리소스가 나와 있지 않아 수정에서 리소스 기반 정책을 특정할 수 없습니다: 호출이 사용한 리소스(요청이나 CloudTrail에 있는 ARN)를 확인한 다음 그 리소스의 정책을 확인하세요.",
		},
		"kms.keypolicy.check.via-service": { // action
			EN: "When another service calls KMS for you (S3, EBS, Secrets Manager, DynamoDB...), the key policy and your identity policies must allow %s for that use; a kms:ViaService condition names the service.",
			JA: "別のサービス (S3、EBS、Secrets Manager、DynamoDB など) が代わりに KMS を呼び出す場合も、キーポリシーとアイデンティティベースのポリシーがその用途で %s を許可している必要があります。kms:ViaService 条件でそのサービスを指定します。",
			KO: "다른 서비스(S3, EBS, Secrets Manager, DynamoDB 등)가 대신 KMS를 호출하는 경우에도 키 정책과 자격 증명 기반 정책이 그 용도로 %s을(를) 허용해야 합니다. kms:ViaService 조건으로 해당 서비스를 지정합니다.",
		},
		"note.redacted-account": { // token
			EN: "The message hides the account IDs: replace %s in the fixes with them; the fixes take the caller and the resource to be in one account.",
			JA: "メッセージではアカウント ID が伏せられています。修正内容の %s を実際のアカウント ID に置き換えてください。修正は呼び出し元とリソースが同じアカウントにあるものとしています。",
			KO: "메시지에서 계정 ID가 가려져 있습니다. 수정 내용의 %s을(를) 실제 계정 ID로 바꾸세요. 수정은 호출자와 리소스가 같은 계정에 있다고 가정합니다.",
		},
		"note.action-unknown": { // action placeholder
			EN: "The message does not name the action: %s stands for it. The exemption does not depend on it (it names the principal); to find the Deny statement to change, look for the one whose Action matches the denied call (the CloudTrail event of the call names it: eventSource and eventName).",
			JA: "メッセージにはアクションの名前がありません: %s がそれを表します。例外はアクションに依存しません (プリンシパルを指定します)。変更する Deny ステートメントを見つけるには、拒否された呼び出しに Action が一致するものを探してください (その呼び出しの CloudTrail イベントの eventSource と eventName がアクションを示します)。",
			KO: "메시지에 작업 이름이 없습니다: %s이(가) 그것을 나타냅니다. 예외는 작업에 의존하지 않습니다(보안 주체를 지정합니다). 변경할 Deny 문을 찾으려면 Action이 거부된 호출과 일치하는 문을 찾으세요(그 호출의 CloudTrail 이벤트의 eventSource와 eventName이 작업을 나타냅니다).",
		},
		"note.principal-unknown": { // principal token, account token, command
			EN: "The message does not say who was denied, nor whether it is an IAM user or a role: in the fixes, %s stands for its ARN and %s for its account ID; %s, run with its credentials, prints both.",
			JA: "メッセージには、誰が拒否されたのかも、それが IAM ユーザーかロールかも書かれていません。修正内容の %s はその ARN、%s はそのアカウント ID を表します。その認証情報で %s を実行すると両方が表示されます。",
			KO: "메시지에는 누가 거부되었는지도, 그것이 IAM 사용자인지 역할인지도 나와 있지 않습니다. 수정 내용에서 %s은(는) 그 ARN, %s은(는) 그 계정 ID를 나타냅니다. 그 자격 증명으로 %s을(를) 실행하면 둘 다 출력됩니다.",
		},
		"note.redacted-account.principal": { // token, principal ARN
			EN: "The message hides the caller's account ID: replace %s in the fixes with the account ID of %s.",
			JA: "メッセージでは呼び出し元のアカウント ID が伏せられています。修正内容の %s を %s のアカウント ID に置き換えてください。",
			KO: "메시지에서 호출자의 계정 ID가 가려져 있습니다. 수정 내용의 %s을(를) %s의 계정 ID로 바꾸세요.",
		},
		"note.redacted-account.resource": { // resource ARN, token
			EN: "The message hides the account ID of %s: replace %s in the fixes with the ID of the account that owns it, which may not be the caller's.",
			JA: "メッセージでは %s のアカウント ID が伏せられています。修正内容の %s を、そのリソースを所有するアカウントの ID (呼び出し元のアカウントとは限りません) に置き換えてください。",
			KO: "메시지에서 %s의 계정 ID가 가려져 있습니다. 수정 내용의 %s을(를) 그 리소스를 소유한 계정의 ID(호출자의 계정이 아닐 수 있습니다)로 바꾸세요.",
		},
		"note.redacted-account.management": { // policy ARN, token, command
			EN: "The message hides the account ID of %s: %s in the fixes is the organization's management account, where SCPs and RCPs are changed, not the caller's; any account of the organization prints it: %s",
			JA: "メッセージでは %s のアカウント ID が伏せられています。修正内容の %s は組織の管理アカウント (SCP と RCP を変更するアカウント) で、呼び出し元のアカウントではありません。組織内のどのアカウントからでも次のコマンドで確認できます: %s",
			KO: "메시지에서 %s의 계정 ID가 가려져 있습니다. 수정 내용의 %s은(는) 조직의 관리 계정(SCP와 RCP를 변경하는 계정)이며 호출자의 계정이 아닙니다. 조직의 어느 계정에서든 다음 명령으로 확인할 수 있습니다: %s",
		},
		"note.redacted-cross": {
			EN: "With one account ID hidden, whether the caller and the resource are in one account is not known: the fixes take them to be in two, where both must allow. In one account, the fix to the resource's own policy, which names the caller, is enough on its own.",
			JA: "アカウント ID の一方が伏せられているため、呼び出し元とリソースが同じアカウントにあるかはわかりません。修正は別々のアカウントにあるもの (両方が許可する必要がある) としています。同じアカウントなら、呼び出し元を指定するリソース自身のポリシーの修正だけで足ります。",
			KO: "계정 ID 하나가 가려져 있어 호출자와 리소스가 같은 계정에 있는지 알 수 없습니다. 수정은 서로 다른 계정(양쪽이 모두 허용해야 함)에 있다고 가정합니다. 같은 계정이라면 호출자를 지정하는 리소스 자체 정책의 수정만으로 충분합니다.",
		},
	})
	registerGeneric(register)
}

// registerGeneric registers the generic per-layer messages: a title
// (action) and a cause (principal, action, resource) for each layer and
// kind of denial, and each layer's name.
func registerGeneric(register func(map[string]tr)) {
	type layer struct {
		id                           string
		name                         [3]string // en, ja, ko
		implicitCause, explicitCause [3]string
	}
	layers := []layer{
		{"identity", [3]string{"identity-based policy", "アイデンティティベースのポリシー", "자격 증명 기반 정책"},
			[3]string{"No identity-based policy of %s allows %s on %s.", "%s のアイデンティティベースのポリシーのどれも、%s を %s に対して許可していません。", "%s의 어떤 자격 증명 기반 정책도 %s을(를) %s에 대해 허용하지 않습니다."},
			[3]string{"A Deny statement in an identity-based policy of %s matches %s on %s.", "%s のアイデンティティベースのポリシーの Deny ステートメントが、%s (%s) に一致しています。", "%s의 자격 증명 기반 정책에 있는 Deny 문이 %s(%s)과(와) 일치합니다."}},
		{"resource", [3]string{"resource-based policy", "リソースベースのポリシー", "리소스 기반 정책"},
			[3]string{"The resource's policy does not allow %s to call %s on %s (required across accounts, and always for KMS keys and role trust).", "リソースのポリシーが %s に %s (%s) を許可していません (クロスアカウントでは必須、KMS キーとロールの信頼では常に必須)。", "리소스의 정책이 %s에게 %s(%s)을(를) 허용하지 않습니다(교차 계정에서는 필수, KMS 키와 역할 신뢰에서는 항상 필수)."},
			[3]string{"A Deny statement in the resource's policy matches %s calling %s on %s.", "リソースのポリシーの Deny ステートメントが、%s による %s (%s) に一致しています。", "리소스 정책의 Deny 문이 %s의 %s(%s) 호출과 일치합니다."}},
		{"permissionsBoundary", [3]string{"permissions boundary", "アクセス許可の境界", "권한 경계"},
			[3]string{"The permissions boundary of %s does not allow %s on %s, so its identity-based policies cannot grant it.", "%s のアクセス許可の境界が %s (%s) を許可していないため、アイデンティティベースのポリシーで付与できません。", "%s의 권한 경계가 %s(%s)을(를) 허용하지 않으므로 자격 증명 기반 정책으로 부여할 수 없습니다."},
			[3]string{"A Deny statement in the permissions boundary of %s matches %s on %s.", "%s のアクセス許可の境界の Deny ステートメントが %s (%s) に一致しています。", "%s의 권한 경계에 있는 Deny 문이 %s(%s)과(와) 일치합니다."}},
		{"session", [3]string{"session policy", "セッションポリシー", "세션 정책"},
			[3]string{"The session policy of %s does not allow %s on %s; it was passed by whoever created the session (AssumeRole, GetFederationToken, an SSO permission set).", "%s のセッションポリシーが %s (%s) を許可していません。セッションを作成した側 (AssumeRole、GetFederationToken、SSO の権限セット) が渡したポリシーです。", "%s의 세션 정책이 %s(%s)을(를) 허용하지 않습니다. 세션을 만든 쪽(AssumeRole, GetFederationToken, SSO 권한 세트)이 전달한 정책입니다."},
			[3]string{"A Deny statement in the session policy of %s matches %s on %s.", "%s のセッションポリシーの Deny ステートメントが %s (%s) に一致しています。", "%s의 세션 정책에 있는 Deny 문이 %s(%s)과(와) 일치합니다."}},
		{"scp", [3]string{"service control policy", "サービスコントロールポリシー", "서비스 제어 정책"},
			[3]string{"No SCP at some level above the account allows %s to call %s on %s.", "アカウントより上位のある階層で、%s の %s (%s) を許可する SCP がありません。", "계정 상위의 어떤 계층에도 %s의 %s(%s)을(를) 허용하는 SCP가 없습니다."},
			[3]string{"An SCP above the account denies %s calling %s on %s.", "アカウントより上位の SCP が、%s による %s (%s) を拒否しています。", "계정 상위의 SCP가 %s의 %s(%s) 호출을 거부합니다."}},
		{"rcp", [3]string{"resource control policy", "リソースコントロールポリシー", "리소스 제어 정책"},
			[3]string{"No RCP allows %s to call %s on %s.", "%s の %s (%s) を許可する RCP がありません。", "%s의 %s(%s)을(를) 허용하는 RCP가 없습니다."},
			[3]string{"A resource control policy of the resource's organization denies %s calling %s on %s.", "リソースの組織のリソースコントロールポリシーが、%s による %s (%s) を拒否しています。", "리소스 조직의 리소스 제어 정책이 %s의 %s(%s) 호출을 거부합니다."}},
		{"vpcEndpoint", [3]string{"VPC endpoint policy", "VPC エンドポイントポリシー", "VPC 엔드포인트 정책"},
			[3]string{"The VPC endpoint the request went through does not allow %s to call %s on %s.", "リクエストが通過した VPC エンドポイントのポリシーが、%s の %s (%s) を許可していません。", "요청이 통과한 VPC 엔드포인트의 정책이 %s의 %s(%s)을(를) 허용하지 않습니다."},
			[3]string{"The VPC endpoint policy denies %s calling %s on %s.", "VPC エンドポイントポリシーが %s による %s (%s) を拒否しています。", "VPC 엔드포인트 정책이 %s의 %s(%s) 호출을 거부합니다."}},
	}
	m := map[string]tr{
		"layer.unknown": {EN: "policy", JA: "ポリシー", KO: "정책"},
	}
	for _, l := range layers {
		m["layer."+l.id] = tr{EN: l.name[0], JA: l.name[1], KO: l.name[2]}
		m["generic."+l.id+".implicit.title"] = tr{
			EN: "%s: no " + l.name[0] + " allows it",
			JA: "%s: 許可している" + l.name[1] + "がありません",
			KO: "%s: 허용하는 " + l.name[2] + "이(가) 없습니다",
		}
		m["generic."+l.id+".explicit.title"] = tr{
			EN: "%s: explicitly denied by " + article(l.name[0]) + " " + l.name[0],
			JA: "%s: " + l.name[1] + "で明示的に拒否されています",
			KO: "%s: " + l.name[2] + "에서 명시적으로 거부되었습니다",
		}
		// The titles of a finding whose request the snapshot's policies
		// allow (diagnose.Finding.Claimed): the message's claim.
		m["generic."+l.id+".implicit.title.claimed"] = tr{
			EN: "%s: the message says no " + l.name[0] + " allows it",
			JA: "%s: メッセージによれば、許可している" + l.name[1] + "がありません",
			KO: "%s: 메시지에 따르면 허용하는 " + l.name[2] + "이(가) 없습니다",
		}
		m["generic."+l.id+".explicit.title.claimed"] = tr{
			EN: "%s: the message says " + article(l.name[0]) + " " + l.name[0] + " explicitly denies it",
			JA: "%s: メッセージによれば、" + l.name[1] + "で明示的に拒否されています",
			KO: "%s: 메시지에 따르면 " + l.name[2] + "에서 명시적으로 거부되었습니다",
		}
		m["generic."+l.id+".implicit.cause"] = tr{EN: l.implicitCause[0], JA: l.implicitCause[1], KO: l.implicitCause[2]}
		m["generic."+l.id+".explicit.cause"] = tr{EN: l.explicitCause[0], JA: l.explicitCause[1], KO: l.explicitCause[2]}
	}
	register(m)
}

// article is the English indefinite article of a noun phrase.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an"
	}
	return "a"
}
