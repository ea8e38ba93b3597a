package i18n

// Messages of denied jobs (package internal/cli, jobs.go).
func registerJobs(register func(map[string]tr)) {
	register(map[string]tr{
		"jobs.title": { // since (RFC 3339 time, or jobs.since.any)
			EN: "AWS Backup jobs that did not complete, created since %s",
			JA: "%s 以降に作成され、完了しなかった AWS Backup ジョブ",
			KO: "%s 이후 생성되어 완료되지 않은 AWS Backup 작업",
		},
		"jobs.since.any": {
			EN: "the oldest job AWS Backup keeps",
			JA: "AWS Backup が保持する最も古いジョブ",
			KO: "AWS Backup이 보관하는 가장 오래된 작업",
		},
		"jobs.summary": { // jobs, states, types, jobs with a cause, causes, other jobs
			EN: "%d jobs read (states %s; types %s): %d failed for an authorization cause (%d causes), %d for another reason.",
			JA: "%d 件のジョブを読み取りました (状態 %s、種類 %s): 認可が原因の失敗 %d 件 (原因 %d 種類)、その他の理由 %d 件。",
			KO: "작업 %d개를 읽었습니다 (상태 %s, 유형 %s): 권한 부여가 원인인 실패 %d개 (원인 %d가지), 기타 이유 %d개.",
		},
		"jobs.none": {
			EN: "No job matches: nothing to explain.",
			JA: "該当するジョブはありません。説明するものはありません。",
			KO: "해당하는 작업이 없습니다. 설명할 것이 없습니다.",
		},
		"jobs.none.partial": {
			EN: "No job was read, but part of AWS Backup could not be read: this does not prove that no job failed.",
			JA: "ジョブは読み取られませんでしたが、AWS Backup の一部を読み取れませんでした。失敗したジョブがないことの証明にはなりません。",
			KO: "읽은 작업은 없지만 AWS Backup의 일부를 읽을 수 없었습니다. 실패한 작업이 없다는 증거가 아닙니다.",
		},
		"jobs.count": { // number of jobs
			EN: "jobs: %d",
			JA: "ジョブ %d 件",
			KO: "작업 %d개",
		},
		"jobs.count.paren": { // number of jobs
			EN: "(jobs: %d)",
			JA: "(ジョブ %d 件)",
			KO: "(작업 %d개)",
		},
		"jobs.not-authorization": {
			EN: "Not an authorization failure",
			JA: "認可による失敗ではありません",
			KO: "권한 부여로 인한 실패가 아닙니다",
		},
		"jobs.not-recognized": {
			EN: "Status message not recognized: it may still be a permission failure",
			JA: "認識できないステータスメッセージ: 権限による失敗の可能性もあります",
			KO: "인식할 수 없는 상태 메시지: 권한으로 인한 실패일 수도 있습니다",
		},
		"jobs.not-recognized.note": {
			EN: "denied does not recognize these messages (or the jobs have none), so it does not claim they are unrelated to permissions: read each message, and its job in the AWS Backup console.",
			JA: "denied はこれらのメッセージを認識できない (またはジョブにメッセージがない) ため、権限と無関係とは判断しません。各メッセージと AWS Backup コンソールのジョブを確認してください。",
			KO: "denied는 이 메시지를 인식하지 못하므로 (또는 작업에 메시지가 없으므로) 권한과 무관하다고 판단하지 않습니다. 각 메시지와 AWS Backup 콘솔의 작업을 확인하세요.",
		},
		"jobs.summary.unrecognized": { // jobs
			EN: "%d of them have a status message that is not recognized (or none): they are not proven unrelated to permissions.",
			JA: "そのうち %d 件は認識できないステータスメッセージ (またはメッセージなし) で、権限と無関係とは証明されていません。",
			KO: "그중 %d개는 인식할 수 없는 상태 메시지 (또는 메시지 없음)이며 권한과 무관하다는 것이 증명되지 않았습니다.",
		},
		"jobs.unrecognized": { // jobs
			EN: "no authorization cause was found, but %d jobs have a status message that is not recognized: could not check them",
			JA: "認可の原因は見つかりませんでしたが、%d 件のジョブのステータスメッセージを認識できません。確認できませんでした",
			KO: "권한 부여 원인은 없었지만 작업 %d개의 상태 메시지를 인식할 수 없습니다. 확인할 수 없었습니다",
		},
		"jobs.rule.role-insufficient-permissions.title": {
			EN: "The job role lacks the permissions for the backup",
			JA: "ジョブロールにバックアップの権限がありません",
			KO: "작업 역할에 백업 권한이 없습니다",
		},
		"jobs.rule.role-insufficient-permissions.cause": { // role, resource
			EN: "The identity-based policies of the job role %s do not allow what AWS Backup does with this resource type (%s).",
			JA: "ジョブロール %s のアイデンティティベースのポリシーが、このリソースタイプで AWS Backup が行う操作を許可していません (%s)。",
			KO: "작업 역할 %s의 자격 증명 기반 정책이 이 리소스 유형에서 AWS Backup이 하는 작업을 허용하지 않습니다 (%s).",
		},
		"jobs.rule.role-insufficient-permissions.check": {
			EN: "Attach AWSBackupServiceRolePolicyForBackup (for S3 also AWSBackupServiceRolePolicyForS3Backup) to the job role's identity-based policies; if they are attached, look for a permissions boundary or an SCP that denies.",
			JA: "ジョブロールのアイデンティティベースのポリシーに AWSBackupServiceRolePolicyForBackup (S3 の場合は AWSBackupServiceRolePolicyForS3Backup も) をアタッチしてください。アタッチ済みなら、拒否しているアクセス許可の境界または SCP を確認してください。",
			KO: "작업 역할의 자격 증명 기반 정책에 AWSBackupServiceRolePolicyForBackup (S3는 AWSBackupServiceRolePolicyForS3Backup도)을 연결하세요. 이미 연결되어 있으면 거부하는 권한 경계나 SCP를 확인하세요.",
		},
		"jobs.rule.s3-insufficient-permissions.title": {
			EN: "The job role cannot read the S3 bucket",
			JA: "ジョブロールが S3 バケットを読み取れません",
			KO: "작업 역할이 S3 버킷을 읽을 수 없습니다",
		},
		"jobs.rule.s3-insufficient-permissions.cause": { // role, bucket
			EN: "The job role %s may not access the bucket %s: its identity-based policy lacks the S3 backup permissions, or the bucket policy denies the role.",
			JA: "ジョブロール %s はバケット %s にアクセスできません。アイデンティティベースのポリシーに S3 バックアップの権限がないか、バケットポリシーがロールを拒否しています。",
			KO: "작업 역할 %s은(는) 버킷 %s에 액세스할 수 없습니다. 자격 증명 기반 정책에 S3 백업 권한이 없거나 버킷 정책이 역할을 거부합니다.",
		},
		"jobs.rule.s3-insufficient-permissions.check": {
			EN: "Attach AWSBackupServiceRolePolicyForS3Backup (and AWSBackupServiceRolePolicyForS3Restore for restores) to the job role's identity-based policies; then check the bucket policy for a Deny that matches the role (aws:PrincipalArn, aws:SourceVpc, aws:SourceIp conditions) and except the role there.",
			JA: "ジョブロールのアイデンティティベースのポリシーに AWSBackupServiceRolePolicyForS3Backup (復元には AWSBackupServiceRolePolicyForS3Restore も) をアタッチしてください。次にバケットポリシーでロールに一致する Deny (aws:PrincipalArn、aws:SourceVpc、aws:SourceIp の条件) を確認し、そこでロールを除外してください。",
			KO: "작업 역할의 자격 증명 기반 정책에 AWSBackupServiceRolePolicyForS3Backup (복원에는 AWSBackupServiceRolePolicyForS3Restore도)을 연결하세요. 그다음 버킷 정책에서 역할에 일치하는 Deny (aws:PrincipalArn, aws:SourceVpc, aws:SourceIp 조건)를 확인하고 거기서 역할을 제외하세요.",
		},
		"jobs.rule.kms-key-not-accessible.title": {
			EN: "The job role cannot use the KMS key",
			JA: "ジョブロールが KMS キーを使用できません",
			KO: "작업 역할이 KMS 키를 사용할 수 없습니다",
		},
		"jobs.rule.kms-key-not-accessible.cause": { // role, key
			EN: "The key policy of %[2]s does not allow the job role %[1]s (or, when the key policy delegates to the account's IAM policies, the role's identity-based policy does not).",
			JA: "%[2]s のキーポリシーがジョブロール %[1]s を許可していません (キーポリシーがアカウントの IAM ポリシーに委任している場合は、ロールのアイデンティティベースのポリシーが許可していません)。",
			KO: "%[2]s의 키 정책이 작업 역할 %[1]s을(를) 허용하지 않습니다 (키 정책이 계정의 IAM 정책에 위임하는 경우에는 역할의 자격 증명 기반 정책이 허용하지 않습니다).",
		},
		"jobs.rule.kms-key-not-accessible.check": {
			EN: "Add the job role to the key policy (kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant, kms:DescribeKey; kms:CreateGrant with kms:GrantIsForAWSResource); if the key policy delegates to the account, allow them in the role's identity-based policy. A key in another account must allow this account in its key policy.",
			JA: "キーポリシーにジョブロールを追加してください (kms:Decrypt、kms:GenerateDataKey*、kms:CreateGrant、kms:DescribeKey。kms:CreateGrant は kms:GrantIsForAWSResource 付き)。キーポリシーがアカウントに委任している場合は、ロールのアイデンティティベースのポリシーで許可してください。別アカウントのキーは、キーポリシーでこのアカウントを許可する必要があります。",
			KO: "키 정책에 작업 역할을 추가하세요 (kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant, kms:DescribeKey. kms:CreateGrant는 kms:GrantIsForAWSResource와 함께). 키 정책이 계정에 위임하면 역할의 자격 증명 기반 정책에서 허용하세요. 다른 계정의 키는 키 정책에서 이 계정을 허용해야 합니다.",
		},
		"jobs.rule.kms-key-state.title": {
			EN: "The KMS key is disabled or pending deletion",
			JA: "KMS キーが無効化されているか削除待ちです",
			KO: "KMS 키가 비활성화되었거나 삭제 대기 중입니다",
		},
		"jobs.rule.kms-key-state.cause": { // role, key
			EN: "The key %[2]s cannot be used in its state (disabled, pending deletion): no policy change lets the job role %[1]s use it.",
			JA: "キー %[2]s はその状態 (無効、削除待ち) では使用できません。ポリシーを変更してもジョブロール %[1]s は使用できません。",
			KO: "키 %[2]s은(는) 현재 상태 (비활성화, 삭제 대기)에서는 사용할 수 없습니다. 정책을 바꿔도 작업 역할 %[1]s은(는) 사용할 수 없습니다.",
		},
		"jobs.rule.kms-key-state.check": {
			EN: "Cancel the key's deletion (aws kms cancel-key-deletion --key-id <KEY_ID>) and enable it (aws kms enable-key --key-id <KEY_ID>), or change the vault or resource to a usable key; <KEY_ID> is a placeholder for the key the message names.",
			JA: "キーの削除をキャンセル (aws kms cancel-key-deletion --key-id <KEY_ID>) して有効化 (aws kms enable-key --key-id <KEY_ID>) するか、ボールトまたはリソースを使用可能なキーに変更してください。<KEY_ID> はメッセージが示すキーのプレースホルダーです。",
			KO: "키 삭제를 취소 (aws kms cancel-key-deletion --key-id <KEY_ID>)하고 활성화 (aws kms enable-key --key-id <KEY_ID>)하거나 볼트 또는 리소스를 사용 가능한 키로 바꾸세요. <KEY_ID>는 메시지가 가리키는 키의 자리 표시자입니다.",
		},
		// The cause of a job's message whose recheck against the snapshot
		// finds the request allowed (jobs.Explanation.Recheck, status
		// allowed): what the message says, as its claim, and what the
		// snapshot says instead.
		"jobs.rule.role-insufficient-permissions.cause.claimed": { // role, resource
			EN: "The job's message says that the identity-based policies of the job role %s do not allow what AWS Backup does with this resource type (%s), but against the snapshot the engine allows each request of the job role that denied check knows for the backup: the cause is elsewhere (a policy changed since, a VPC endpoint policy, a request the catalog does not list, or a transient failure).",
			JA: "ジョブのメッセージによれば、ジョブロール %s のアイデンティティベースのポリシーが、このリソースタイプで AWS Backup が行う操作を許可していません (%s)。しかしスナップショットに対しては、denied check が把握しているバックアップのジョブロールのリクエストをエンジンはすべて許可します。原因は別のところにあります (その後に変更されたポリシー、VPC エンドポイントポリシー、カタログにないリクエスト、または一時的な障害)。",
			KO: "작업의 메시지에 따르면 작업 역할 %s의 자격 증명 기반 정책이 이 리소스 유형에서 AWS Backup이 하는 작업을 허용하지 않습니다 (%s). 그러나 스냅샷 기준으로는 denied check가 아는 백업의 작업 역할 요청을 엔진이 모두 허용합니다. 원인은 다른 곳에 있습니다(이후에 바뀐 정책, VPC 엔드포인트 정책, 카탈로그에 없는 요청 또는 일시적인 장애).",
		},
		"jobs.rule.s3-insufficient-permissions.cause.claimed": { // role, bucket
			EN: "The job's message says that the job role %s may not access the bucket %s, but against the snapshot the engine allows each S3 request of the job role that denied check knows for the backup: the cause is elsewhere (a policy changed since, a VPC endpoint policy, a request the catalog does not list, or a transient failure).",
			JA: "ジョブのメッセージはジョブロール %s がバケット %s にアクセスできないと述べています。しかしスナップショットに対しては、denied check が把握しているバックアップのジョブロールの S3 リクエストをエンジンはすべて許可します。原因は別のところにあります (その後に変更されたポリシー、VPC エンドポイントポリシー、カタログにないリクエスト、または一時的な障害)。",
			KO: "작업의 메시지는 작업 역할 %s이(가) 버킷 %s에 액세스할 수 없다고 말합니다. 그러나 스냅샷 기준으로는 denied check가 아는 백업의 작업 역할 S3 요청을 엔진이 모두 허용합니다. 원인은 다른 곳에 있습니다(이후에 바뀐 정책, VPC 엔드포인트 정책, 카탈로그에 없는 요청 또는 일시적인 장애).",
		},
		"jobs.rule.kms-key-not-accessible.cause.claimed": { // role, key
			EN: "The job's message says that the job role %[1]s cannot use the key %[2]s, but against the snapshot the engine allows each KMS request of the job role on it that denied check knows for the backup (its key policy and the role's policies): the cause is elsewhere (a policy changed since, a VPC endpoint policy, a key of another account or Region, or a transient failure).",
			JA: "ジョブのメッセージはジョブロール %[1]s がキー %[2]s を使用できないと述べています。しかしスナップショットに対しては、denied check が把握しているバックアップのジョブロールのこのキーへの KMS リクエストを、エンジンはすべて許可します (キーポリシーとロールのポリシー)。原因は別のところにあります (その後に変更されたポリシー、VPC エンドポイントポリシー、別のアカウントまたはリージョンのキー、または一時的な障害)。",
			KO: "작업의 메시지는 작업 역할 %[1]s이(가) 키 %[2]s을(를) 사용할 수 없다고 말합니다. 그러나 스냅샷 기준으로는 denied check가 아는 백업의 작업 역할이 이 키에 보내는 KMS 요청을 엔진이 모두 허용합니다(키 정책과 역할의 정책). 원인은 다른 곳에 있습니다(이후에 바뀐 정책, VPC 엔드포인트 정책, 다른 계정 또는 리전의 키 또는 일시적인 장애).",
		},
		"jobs.rule.kms-key-state.cause.aws-managed": { // role, key (as the message names it), key (the snapshot's ARN)
			EN: "The job's message says that the key %[2]s cannot be used in its state (disabled, pending deletion), but the recheck against the snapshot finds it an AWS managed key (%[3]s), which AWS KMS keeps enabled: the job role %[1]s was not refused by that key's state, and the cause is elsewhere (a transient failure, or a key of another account or Region than the one the message names).",
			JA: "ジョブのメッセージはキー %[2]s がその状態 (無効、削除待ち) では使用できないと述べています。しかしスナップショットでの再チェックでは、このキーは AWS KMS が常に有効にしている AWS マネージドキー (%[3]s) です。ジョブロール %[1]s を拒否したのはこのキーの状態ではなく、原因は別のところにあります (一時的な障害、またはメッセージが示すものとは別のアカウントまたはリージョンのキー)。",
			KO: "작업의 메시지는 키 %[2]s을(를) 현재 상태(비활성화, 삭제 대기)에서는 사용할 수 없다고 말합니다. 그러나 스냅샷 기준 재점검에서 이 키는 AWS KMS가 항상 활성화해 두는 AWS 관리형 키(%[3]s)입니다. 작업 역할 %[1]s을(를) 거부한 것은 이 키의 상태가 아니며 원인은 다른 곳에 있습니다(일시적인 장애 또는 메시지가 말하는 것과 다른 계정이나 리전의 키).",
		},
		"jobs.rule.kms-key-state.cause.enabled": { // role, key (as the message names it), key (the snapshot's ARN), state
			EN: "The job's message says that the key %[2]s cannot be used in its state (disabled, pending deletion), but in the snapshot the key %[3]s is %[4]s: it may have been enabled again since the job failed; otherwise the job role %[1]s was not refused by that key's state, and the cause is elsewhere (a transient failure, or a key of another account or Region than the one the message names).",
			JA: "ジョブのメッセージはキー %[2]s がその状態 (無効、削除待ち) では使用できないと述べています。しかしスナップショットではキー %[3]s の状態は %[4]s です。ジョブの失敗後に再び有効化された可能性があります。そうでなければ、ジョブロール %[1]s を拒否したのはこのキーの状態ではなく、原因は別のところにあります (一時的な障害、またはメッセージが示すものとは別のアカウントまたはリージョンのキー)。",
			KO: "작업의 메시지는 키 %[2]s을(를) 현재 상태(비활성화, 삭제 대기)에서는 사용할 수 없다고 말합니다. 그러나 스냅샷에서 키 %[3]s의 상태는 %[4]s입니다. 작업이 실패한 뒤 다시 활성화되었을 수 있습니다. 그렇지 않다면 작업 역할 %[1]s을(를) 거부한 것은 이 키의 상태가 아니며 원인은 다른 곳에 있습니다(일시적인 장애 또는 메시지가 말하는 것과 다른 계정이나 리전의 키).",
		},
		"jobs.rule.kms-key-state.check.rechecked": {
			EN: "Retry the job; if it fails again with this message, find the key the job uses (the vault's key, or the resource's own key) and check its state in its own account and Region (aws kms describe-key --key-id <KEY_ID> --region <REGION>; <KEY_ID> and <REGION> are placeholders).",
			JA: "ジョブを再試行してください。同じメッセージで再び失敗する場合は、ジョブが使うキー (ボールトのキー、またはリソース自身のキー) を特定し、そのキー自身のアカウントとリージョンで状態を確認してください (aws kms describe-key --key-id <KEY_ID> --region <REGION>。<KEY_ID> と <REGION> はプレースホルダーです)。",
			KO: "작업을 다시 시도하세요. 같은 메시지로 다시 실패하면 작업이 사용하는 키(볼트의 키 또는 리소스 자체의 키)를 찾아 그 키의 계정과 리전에서 상태를 확인하세요(aws kms describe-key --key-id <KEY_ID> --region <REGION>. <KEY_ID>와 <REGION>은 자리 표시자입니다).",
		},
		"jobs.recheck.denied": { // action, resource, decision, layer
			EN: "Against the snapshot the engine also refuses the job role %s on %s: %s, in the %s.",
			JA: "スナップショットに対しても、エンジンはジョブロールの %s (%s) を拒否します: %[4]sによる%[3]s。",
			KO: "스냅샷 기준으로도 엔진은 작업 역할의 %s(%s)을(를) 거부합니다: %[4]s의 %[3]s.",
		},
		"jobs.recheck.allowed": { // number of requests, operation
			EN: "Against the snapshot the engine allows each of the %d requests of the job role that denied check knows for %s: what refused the job is not in the snapshot (a policy changed since, a VPC endpoint policy), or it is a request the catalog does not list.",
			JA: "スナップショットに対しては、denied check が %[2]s について把握しているジョブロールのリクエスト %[1]d 件をエンジンはすべて許可します。ジョブを拒否した原因はスナップショットにありません (その後に変更されたポリシー、VPC エンドポイントポリシー)。またはカタログにないリクエストです。",
			KO: "스냅샷 기준으로는 denied check가 %[2]s에 대해 아는 작업 역할의 요청 %[1]d개를 엔진이 모두 허용합니다. 작업을 거부한 원인은 스냅샷에 없습니다(이후에 바뀐 정책, VPC 엔드포인트 정책). 또는 카탈로그에 없는 요청입니다.",
		},
		"jobs.recheck.key-state.denied": { // key, state
			EN: "In the snapshot the key %s is %s: in that state it cannot be used, whatever its policy.",
			JA: "スナップショットではキー %s の状態は %s です。この状態ではポリシーにかかわらず使用できません。",
			KO: "스냅샷에서 키 %s의 상태는 %s입니다. 이 상태에서는 정책과 관계없이 사용할 수 없습니다.",
		},
		"jobs.recheck.key-state.allowed": { // key, state
			EN: "In the snapshot the key %s is %s: it may have been enabled again since the job failed.",
			JA: "スナップショットではキー %s の状態は %s です。ジョブの失敗後に再び有効化された可能性があります。",
			KO: "스냅샷에서 키 %s의 상태는 %s입니다. 작업이 실패한 뒤 다시 활성화되었을 수 있습니다.",
		},
		"jobs.recheck.key-aws-managed": { // key
			EN: "In the snapshot the key %s is an AWS managed key, which AWS KMS keeps enabled (AWS managed keys cannot be disabled): the snapshot does not show the state the message names.",
			JA: "スナップショットではキー %s は AWS マネージドキーで、AWS KMS が常に有効にしています (AWS マネージドキーは無効化できません)。スナップショットはメッセージが示す状態を示していません。",
			KO: "스냅샷에서 키 %s은(는) AWS 관리형 키이며 AWS KMS가 항상 활성화해 둡니다(AWS 관리형 키는 비활성화할 수 없음). 스냅샷은 메시지가 말하는 상태를 보여 주지 않습니다.",
		},
		"jobs.recheck.cause": { // why (a could-not-check cause)
			EN: "Could not check against the snapshot: %s",
			JA: "スナップショットに対してチェックできませんでした: %s",
			KO: "스냅샷 기준으로 점검할 수 없었습니다: %s",
		},
		"jobs.recheck.no-role": {
			EN: "Not re-evaluated against the snapshot: neither the message nor the job names the job role.",
			JA: "スナップショットに対して再評価していません: メッセージにもジョブにもジョブロールがありません。",
			KO: "스냅샷 기준으로 다시 평가하지 않았습니다: 메시지와 작업 어디에도 작업 역할이 없습니다.",
		},
		"jobs.recheck.no-key": {
			EN: "Not re-evaluated against the snapshot: the message names no KMS key.",
			JA: "スナップショットに対して再評価していません: メッセージに KMS キーがありません。",
			KO: "스냅샷 기준으로 다시 평가하지 않았습니다: 메시지에 KMS 키가 없습니다.",
		},
		"jobs.recheck.no-snapshot": { // account
			EN: "Not re-evaluated: the snapshot does not hold account %s, which holds what decides.",
			JA: "再評価していません: 判定に必要な情報を持つアカウント %s はスナップショットにありません。",
			KO: "다시 평가하지 않았습니다: 판정에 필요한 정보가 있는 계정 %s이(가) 스냅샷에 없습니다.",
		},
		"jobs.recheck.not-backup": { // job kind
			EN: "Not re-evaluated against the snapshot: denied knows the job role's requests of backup jobs, not of a %s job.",
			JA: "スナップショットに対して再評価していません: denied が把握しているのはバックアップジョブのジョブロールのリクエストで、%s ジョブのものではありません。",
			KO: "스냅샷 기준으로 다시 평가하지 않았습니다: denied는 백업 작업의 작업 역할 요청만 알며 %s 작업의 요청은 모릅니다.",
		},
		"jobs.recheck.type": { // resource type
			EN: "Not re-evaluated against the snapshot: denied check has no backup operation for the resource type %q.",
			JA: "スナップショットに対して再評価していません: denied check にはリソースタイプ %q のバックアップ操作がありません。",
			KO: "스냅샷 기준으로 다시 평가하지 않았습니다: denied check에는 리소스 유형 %q의 백업 작업이 없습니다.",
		},
		"jobs.recheck.no-requests": { // operation
			EN: "Not re-evaluated against the snapshot: %s lists no request of the job role that this message is about.",
			JA: "スナップショットに対して再評価していません: %s には、このメッセージに関するジョブロールのリクエストがありません。",
			KO: "스냅샷 기준으로 다시 평가하지 않았습니다: %s에는 이 메시지와 관련된 작업 역할의 요청이 없습니다.",
		},
		"jobs.recheck.error": { // error
			EN: "Could not check against the snapshot: %s",
			JA: "スナップショットに対してチェックできませんでした: %s",
			KO: "스냅샷 기준으로 점검할 수 없었습니다: %s",
		},
		"jobs.kind.backup":  {EN: "backup", JA: "バックアップ", KO: "백업"},
		"jobs.kind.restore": {EN: "restore", JA: "復元", KO: "복원"},
		"jobs.kind.copy":    {EN: "copy", JA: "コピー", KO: "복사"},
		"jobs.resources":    {EN: "Affected resources", JA: "影響を受けたリソース", KO: "영향을 받은 리소스"},
		"jobs.jobs":         {EN: "Jobs", JA: "ジョブ", KO: "작업"},
		"jobs.messages":     {EN: "Status messages", JA: "ステータスメッセージ", KO: "상태 메시지"},
		"jobs.no-message": {
			EN: "(no status message)",
			JA: "(ステータスメッセージなし)",
			KO: "(상태 메시지 없음)",
		},
		"jobs.decoded": {
			EN: "The encoded authorization failure message was decoded through AWS STS.",
			JA: "エンコードされた認可失敗メッセージを AWS STS でデコードしました。",
			KO: "인코딩된 권한 부여 실패 메시지를 AWS STS로 디코딩했습니다.",
		},
		"jobs.role-from-job": { // role ARN
			EN: "The message names no role: the cause names the jobs' role, %s.",
			JA: "メッセージにロールが含まれていないため、原因にはジョブのロール %s を示しています。",
			KO: "메시지에 역할이 없으므로 원인에는 작업의 역할 %s을(를) 표시합니다.",
		},
		"jobs.key-state-key": { // key ARN
			EN: "The cause is the state of the key the message names, %s, not a role's permissions.",
			JA: "原因はメッセージが示すキー %s の状態で、ロールの権限ではありません。",
			KO: "원인은 메시지에 있는 키 %s의 상태이며 역할의 권한이 아닙니다.",
		},
		"jobs.key-state-key.claimed": { // key ARN (a recheck finds the key usable)
			EN: "The message blames the state of the key it names, %s, not a role's permissions; the snapshot does not confirm it (below).",
			JA: "メッセージはロールの権限ではなく、メッセージが示すキー %s の状態を原因としています。スナップショットはそれを裏付けていません (以下)。",
			KO: "메시지는 역할의 권한이 아니라 메시지에 있는 키 %s의 상태를 원인으로 듭니다. 스냅샷은 이를 뒷받침하지 않습니다(아래).",
		},
		"jobs.key-state-no-key": {
			EN: "The message names no key: the cause is the state of the KMS key the jobs use (the vault's key or the resource's), not a role's permissions.",
			JA: "メッセージにキーが含まれていません: 原因はジョブが使う KMS キー (ボールトのキーまたはリソースのキー) の状態で、ロールの権限ではありません。",
			KO: "메시지에 키가 없습니다: 원인은 작업이 사용하는 KMS 키(볼트의 키 또는 리소스의 키)의 상태이며 역할의 권한이 아닙니다.",
		},
		"jobs.unreadable.heading": {
			EN: "Could not read (the report is incomplete)",
			JA: "読み取れなかったもの (レポートは不完全です)",
			KO: "읽을 수 없었던 것 (보고서가 불완전합니다)",
		},
		"jobs.timeout": { // --timeout
			EN: "the --timeout of %s passed while the jobs were read: the calls it cut are listed as not read",
			JA: "ジョブの読み取り中に --timeout (%s) を過ぎました: 打ち切られた呼び出しは読み取れなかったものとして示します",
			KO: "작업을 읽는 중 --timeout(%s)이 지났습니다: 중단된 호출은 읽지 못한 것으로 표시합니다",
		},
		"jobs.unreadable": { // call, state, error
			EN: "could not read %s (state %s): %s",
			JA: "%s (状態 %s) を読み取れませんでした: %s",
			KO: "%s(상태 %s)을(를) 읽을 수 없습니다: %s",
		},
		"jobs.partial": { // number of calls
			EN: "AWS Backup could not be read: %d calls failed, and no authorization cause was found in what was read",
			JA: "AWS Backup を読み取れませんでした: %d 件の呼び出しが失敗し、読み取れた範囲に認可の原因はありませんでした",
			KO: "AWS Backup을 읽을 수 없습니다: 호출 %d개가 실패했고 읽은 범위에서는 권한 부여 원인이 없었습니다",
		},
		"jobs.no-region": {
			EN: "no AWS Region: give --region or set AWS_REGION",
			JA: "AWS リージョンがありません: --region を指定するか AWS_REGION を設定してください",
			KO: "AWS 리전이 없습니다: --region을 지정하거나 AWS_REGION을 설정하세요",
		},
		"jobs.config": { // error
			EN: "reading the AWS configuration: %s",
			JA: "AWS 設定の読み取り: %s",
			KO: "AWS 구성 읽기: %s",
		},
		"jobs.args": { // the argument
			EN: "jobs takes no arguments, got %q",
			JA: "jobs は引数を取りません (%q が指定されました)",
			KO: "jobs는 인수를 받지 않습니다 (%q이(가) 지정됨)",
		},
		"jobs.since": { // the value
			EN: "--since must be a duration such as 24h or 90m, not %q",
			JA: "--since には 24h や 90m のような期間を指定してください (%q は使えません)",
			KO: "--since에는 24h나 90m 같은 기간을 지정하세요 (%q은(는) 사용할 수 없습니다)",
		},
		"jobs.state": { // the value
			EN: "--state takes job states such as FAILED, ABORTED, PARTIAL, EXPIRED, not %q",
			JA: "--state には FAILED、ABORTED、PARTIAL、EXPIRED などのジョブの状態を指定してください (%q は使えません)",
			KO: "--state에는 FAILED, ABORTED, PARTIAL, EXPIRED 같은 작업 상태를 지정하세요 (%q은(는) 사용할 수 없습니다)",
		},
		"jobs.type": { // the value
			EN: "--type takes backup, restore or copy, not %q",
			JA: "--type には backup、restore、copy のいずれかを指定してください (%q は使えません)",
			KO: "--type에는 `backup`, `restore`, `copy` 중 하나를 지정하세요 (%q은(는) 사용할 수 없습니다)",
		},
	})
}
