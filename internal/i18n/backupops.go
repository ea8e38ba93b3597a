package i18n

// Texts of the AWS Backup operations catalog (catalog/backupops): the
// operations' titles, their conditions and the "when" phrases of
// conditional requirements and conditions, keyed by the message ids the
// catalog gives them (backupops.TitleID, backupops.ConditionID,
// backupops.WhenID). The English is the catalog's own text, word for word:
// a test compares them, so that an edit of the catalog that changes a
// text (and with it the text's id) asks for its translation here.
// IAM actions, ARNs, policy and API names, and AWS's own error messages
// (quoted) stay as they are in every language.
func registerBackupops(register func(map[string]tr)) {
	register(map[string]tr{
		// Operation titles, by operation id.
		"backupops.title.backup/Aurora": {
			EN: "Start an on-demand backup job of an Aurora DB cluster (StartBackupJob)",
			JA: "Aurora DB クラスター のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "Aurora DB 클러스터의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/CloudFormation": {
			EN: "Start an on-demand backup job of a CloudFormation stack (StartBackupJob)",
			JA: "CloudFormation スタック のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "CloudFormation 스택의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/DocumentDB": {
			EN: "Start an on-demand backup job of a DocumentDB cluster (StartBackupJob)",
			JA: "DocumentDB クラスター のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "DocumentDB 클러스터의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/DynamoDB": {
			EN: "Start an on-demand backup job of a DynamoDB table (StartBackupJob)",
			JA: "DynamoDB テーブル のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "DynamoDB 테이블의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/EBS": {
			EN: "Start an on-demand backup job of an EBS volume (StartBackupJob)",
			JA: "EBS ボリューム のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "EBS 볼륨의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/EC2": {
			EN: "Start an on-demand backup job of an EC2 instance (StartBackupJob)",
			JA: "EC2 インスタンス のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "EC2 인스턴스의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/EFS": {
			EN: "Start an on-demand backup job of an EFS file system (StartBackupJob)",
			JA: "EFS ファイルシステム のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "EFS 파일 시스템의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/FSx": {
			EN: "Start an on-demand backup job of an FSx file system or volume (StartBackupJob)",
			JA: "FSx ファイルシステムまたはボリューム のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "FSx 파일 시스템 또는 볼륨의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/Neptune": {
			EN: "Start an on-demand backup job of a Neptune cluster (StartBackupJob)",
			JA: "Neptune クラスター のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "Neptune 클러스터의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/RDS": {
			EN: "Start an on-demand backup job of an RDS DB instance (StartBackupJob)",
			JA: "RDS DB インスタンス のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "RDS DB 인스턴스의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/S3": {
			EN: "Start an on-demand backup job of an S3 bucket (StartBackupJob)",
			JA: "S3 バケット のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "S3 버킷의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/SAPHANA": {
			EN: "Start an on-demand backup job of an SAP HANA database on EC2 (StartBackupJob)",
			JA: "EC2 上の SAP HANA データベース のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "EC2의 SAP HANA 데이터베이스의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/StorageGateway": {
			EN: "Start an on-demand backup job of a Storage Gateway volume (StartBackupJob)",
			JA: "Storage Gateway ボリューム のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "Storage Gateway 볼륨의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/Timestream": {
			EN: "Start an on-demand backup job of a Timestream table (StartBackupJob)",
			JA: "Timestream テーブル のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "Timestream 테이블의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.backup/VMware": {
			EN: "Start an on-demand backup job of a VMware virtual machine (Backup gateway) (StartBackupJob)",
			JA: "VMware 仮想マシン (Backup gateway) のオンデマンドバックアップジョブを開始 (StartBackupJob)",
			KO: "VMware 가상 머신(Backup gateway)의 온디맨드 백업 작업 시작(StartBackupJob)",
		},
		"backupops.title.copy/cross-account": {
			EN: "Copy a recovery point to a vault in another account of the organization (StartCopyJob)",
			JA: "組織内の別のアカウントのボールトに復旧ポイントをコピー (StartCopyJob)",
			KO: "조직 내 다른 계정의 볼트로 복구 지점 복사(StartCopyJob)",
		},
		"backupops.title.copy/cross-region": {
			EN: "Copy a recovery point to a vault in another Region of the same account (StartCopyJob)",
			JA: "同じアカウントの別のリージョンのボールトに復旧ポイントをコピー (StartCopyJob)",
			KO: "같은 계정의 다른 리전에 있는 볼트로 복구 지점 복사(StartCopyJob)",
		},
		"backupops.title.copy/same-region": {
			EN: "Copy a recovery point to another vault in the same Region and account (StartCopyJob)",
			JA: "同じリージョン・同じアカウントの別のボールトに復旧ポイントをコピー (StartCopyJob)",
			KO: "같은 리전, 같은 계정의 다른 볼트로 복구 지점 복사(StartCopyJob)",
		},
		"backupops.title.create-plan": {
			EN: "Create a backup plan (CreateBackupPlan)",
			JA: "バックアッププランを作成 (CreateBackupPlan)",
			KO: "백업 계획 생성(CreateBackupPlan)",
		},
		"backupops.title.create-selection": {
			EN: "Assign resources to a backup plan (CreateBackupSelection) with a job role",
			JA: "ジョブロールを指定してバックアッププランにリソースを割り当て (CreateBackupSelection)",
			KO: "작업 역할을 지정해 백업 계획에 리소스 할당(CreateBackupSelection)",
		},
		"backupops.title.create-vault": {
			EN: "Create a backup vault encrypted with the default key (aws/backup)",
			JA: "デフォルトキー (aws/backup) で暗号化したバックアップボールトを作成",
			KO: "기본 키(aws/backup)로 암호화된 백업 볼트 생성",
		},
		"backupops.title.create-vault/cmk": {
			EN: "Create a backup vault encrypted with a customer managed KMS key",
			JA: "カスタマーマネージド KMS キーで暗号化したバックアップボールトを作成",
			KO: "고객 관리형 KMS 키로 암호화된 백업 볼트 생성",
		},
		"backupops.title.put-vault-lock": {
			EN: "Configure Vault Lock (PutBackupVaultLockConfiguration)",
			JA: "Vault Lock を設定 (PutBackupVaultLockConfiguration)",
			KO: "Vault Lock 구성(PutBackupVaultLockConfiguration)",
		},
		"backupops.title.put-vault-policy": {
			EN: "Set a backup vault access policy (PutBackupVaultAccessPolicy)",
			JA: "バックアップボールトのアクセスポリシーを設定 (PutBackupVaultAccessPolicy)",
			KO: "백업 볼트 액세스 정책 설정(PutBackupVaultAccessPolicy)",
		},
		"backupops.title.restore/Aurora": {
			EN: "Restore an Aurora DB cluster (StartRestoreJob)",
			JA: "Aurora DB クラスター を復元 (StartRestoreJob)",
			KO: "Aurora DB 클러스터 복원(StartRestoreJob)",
		},
		"backupops.title.restore/CloudFormation": {
			EN: "Restore a CloudFormation stack (StartRestoreJob)",
			JA: "CloudFormation スタック を復元 (StartRestoreJob)",
			KO: "CloudFormation 스택 복원(StartRestoreJob)",
		},
		"backupops.title.restore/DocumentDB": {
			EN: "Restore a DocumentDB cluster (StartRestoreJob)",
			JA: "DocumentDB クラスター を復元 (StartRestoreJob)",
			KO: "DocumentDB 클러스터 복원(StartRestoreJob)",
		},
		"backupops.title.restore/DynamoDB": {
			EN: "Restore a DynamoDB table (StartRestoreJob)",
			JA: "DynamoDB テーブル を復元 (StartRestoreJob)",
			KO: "DynamoDB 테이블 복원(StartRestoreJob)",
		},
		"backupops.title.restore/EBS": {
			EN: "Restore an EBS volume (StartRestoreJob)",
			JA: "EBS ボリューム を復元 (StartRestoreJob)",
			KO: "EBS 볼륨 복원(StartRestoreJob)",
		},
		"backupops.title.restore/EC2": {
			EN: "Restore an EC2 instance without an instance profile (\"Proceed with no IAM role\") (StartRestoreJob)",
			JA: "インスタンスプロファイルなしの EC2 インスタンス (\"Proceed with no IAM role\") を復元 (StartRestoreJob)",
			KO: "인스턴스 프로파일 없는 EC2 인스턴스(\"Proceed with no IAM role\") 복원(StartRestoreJob)",
		},
		"backupops.title.restore/EC2/instance-role": {
			EN: "Restore an EC2 instance with a given IAM role (instance profile)",
			JA: "指定した IAM ロール (インスタンスプロファイル) で EC2 インスタンスを復元",
			KO: "지정한 IAM 역할(인스턴스 프로파일)로 EC2 인스턴스 복원",
		},
		"backupops.title.restore/EC2/original-role": {
			EN: "Restore an EC2 instance with its original IAM role (instance profile)",
			JA: "元の IAM ロール (インスタンスプロファイル) で EC2 インスタンスを復元",
			KO: "원래 IAM 역할(인스턴스 프로파일)로 EC2 인스턴스 복원",
		},
		"backupops.title.restore/EFS": {
			EN: "Restore an EFS file system (StartRestoreJob)",
			JA: "EFS ファイルシステム を復元 (StartRestoreJob)",
			KO: "EFS 파일 시스템 복원(StartRestoreJob)",
		},
		"backupops.title.restore/FSx": {
			EN: "Restore an FSx file system or volume (StartRestoreJob)",
			JA: "FSx ファイルシステムまたはボリューム を復元 (StartRestoreJob)",
			KO: "FSx 파일 시스템 또는 볼륨 복원(StartRestoreJob)",
		},
		"backupops.title.restore/Neptune": {
			EN: "Restore a Neptune cluster (StartRestoreJob)",
			JA: "Neptune クラスター を復元 (StartRestoreJob)",
			KO: "Neptune 클러스터 복원(StartRestoreJob)",
		},
		"backupops.title.restore/RDS": {
			EN: "Restore an RDS DB instance (StartRestoreJob)",
			JA: "RDS DB インスタンス を復元 (StartRestoreJob)",
			KO: "RDS DB 인스턴스 복원(StartRestoreJob)",
		},
		"backupops.title.restore/Redshift": {
			EN: "Restore a Redshift cluster or table (StartRestoreJob)",
			JA: "Redshift クラスターまたはテーブル を復元 (StartRestoreJob)",
			KO: "Redshift 클러스터 또는 테이블 복원(StartRestoreJob)",
		},
		"backupops.title.restore/RedshiftServerless": {
			EN: "Restore a Redshift Serverless namespace or table (StartRestoreJob)",
			JA: "Redshift Serverless 名前空間またはテーブル を復元 (StartRestoreJob)",
			KO: "Redshift Serverless 네임스페이스 또는 테이블 복원(StartRestoreJob)",
		},
		"backupops.title.restore/S3": {
			EN: "Restore an S3 bucket (StartRestoreJob)",
			JA: "S3 バケット を復元 (StartRestoreJob)",
			KO: "S3 버킷 복원(StartRestoreJob)",
		},
		"backupops.title.restore/SAPHANA": {
			EN: "Restore an SAP HANA database on EC2 without a restore role (caller's identity)",
			JA: "復元ロールなしで (呼び出し元の ID で) EC2 上の SAP HANA データベースを復元",
			KO: "복원 역할 없이(호출자의 자격 증명으로) EC2의 SAP HANA 데이터베이스 복원",
		},
		"backupops.title.restore/StorageGateway": {
			EN: "Restore a Storage Gateway volume (StartRestoreJob)",
			JA: "Storage Gateway ボリューム を復元 (StartRestoreJob)",
			KO: "Storage Gateway 볼륨 복원(StartRestoreJob)",
		},
		"backupops.title.restore/Timestream": {
			EN: "Restore a Timestream table (StartRestoreJob)",
			JA: "Timestream テーブル を復元 (StartRestoreJob)",
			KO: "Timestream 테이블 복원(StartRestoreJob)",
		},
		"backupops.title.restore/VMware": {
			EN: "Restore a VMware virtual machine (Backup gateway) (StartRestoreJob)",
			JA: "VMware 仮想マシン (Backup gateway) を復元 (StartRestoreJob)",
			KO: "VMware 가상 머신(Backup gateway) 복원(StartRestoreJob)",
		},
		"backupops.title.collect": {
			EN: "Read the account as denied collect does (read-only)",
			JA: "denied collect と同じようにアカウントを読み取る (読み取り専用)",
			KO: "denied collect와 같은 방식으로 계정 읽기(읽기 전용)",
		},

		// Conditions, by kind and a digest of the English text.
		"backupops.cond.trust.339bceb8bf": {
			EN: "The job role's trust policy must allow backup.amazonaws.com to assume it (sts:AssumeRole).",
			JA: "ジョブロールの信頼ポリシーが、backup.amazonaws.com によるロールの引き受け (sts:AssumeRole) を許可している必要があります。",
			KO: "작업 역할의 신뢰 정책이 backup.amazonaws.com의 역할 수임(sts:AssumeRole)을 허용해야 합니다.",
		},
		"backupops.cond.vaultPolicy.7ddf1ee2f1": {
			EN: "The vault access policy must not deny the backup request.",
			JA: "ボールトのアクセスポリシーがバックアップのリクエストを拒否していてはなりません。",
			KO: "볼트 액세스 정책이 백업 요청을 거부하면 안 됩니다.",
		},
		"backupops.cond.keyPolicy.a636ca547e": {
			EN: "The key policy of the resource's KMS key must allow the job role the KMS actions it is granted in IAM.",
			JA: "リソースの KMS キーのキーポリシーが、IAM で付与されている KMS アクションをジョブロールに許可している必要があります。",
			KO: "리소스 KMS 키의 키 정책이 IAM에서 부여된 KMS 작업을 작업 역할에 허용해야 합니다.",
		},
		"backupops.cond.organization.3f03108424": {
			EN: "SCPs apply to job roles as to any principal of a member account: an SCP (or a permissions boundary on the role) that denies one of the job role's requests fails the job asynchronously (FAILED/ABORTED status message), not the API call.",
			JA: "SCP はメンバーアカウントの他のプリンシパルと同じようにジョブロールにも適用されます。ジョブロールのリクエストを拒否する SCP (またはロールのアクセス許可の境界) は、API 呼び出しではなくジョブを非同期に失敗させます (FAILED/ABORTED のステータスメッセージ)。",
			KO: "SCP는 멤버 계정의 다른 보안 주체와 마찬가지로 작업 역할에도 적용됩니다. 작업 역할의 요청을 거부하는 SCP(또는 역할의 권한 경계)는 API 호출이 아니라 작업을 비동기적으로 실패시킵니다(FAILED/ABORTED 상태 메시지).",
		},
		"backupops.cond.service.f32cfe44e6": {
			EN: "Scheduled jobs of a plan use the selection's role; no caller is involved at run time.",
			JA: "プランのスケジュールされたジョブは、リソース割り当て (選択) のロールを使用します。実行時に呼び出し元は関与しません。",
			KO: "계획의 예약된 작업은 리소스 할당(선택)의 역할을 사용합니다. 실행 시에는 호출자가 관여하지 않습니다.",
		},
		"backupops.cond.service.077dfbb99e": {
			EN: "Each nested resource of the stack needs its own resource type's backup permissions.",
			JA: "スタックのネストされた各リソースには、それぞれのリソースタイプのバックアップ権限が必要です。",
			KO: "스택의 중첩된 각 리소스에는 해당 리소스 유형의 백업 권한이 각각 필요합니다.",
		},
		"backupops.cond.service.ba78244bf6": {
			EN: "S3 needs AWSBackupServiceRolePolicyForS3Backup on the job role: the default role AWSBackupDefaultServiceRole does not have it.",
			JA: "S3 ではジョブロールに AWSBackupServiceRolePolicyForS3Backup が必要です。デフォルトロール AWSBackupDefaultServiceRole にはこのポリシーがありません。",
			KO: "S3에는 작업 역할에 AWSBackupServiceRolePolicyForS3Backup이 필요합니다. 기본 역할 AWSBackupDefaultServiceRole에는 이 정책이 없습니다.",
		},
		"backupops.cond.keyPolicy.c9a596efe8": {
			EN: "The job role must be able to use the bucket's KMS key (IAM and key policy consistent); otherwise the job can succeed while objects are not backed up.",
			JA: "ジョブロールがバケットの KMS キーを使用できる必要があります (IAM とキーポリシーが整合していること)。そうでないと、オブジェクトがバックアップされないままジョブが成功することがあります。",
			KO: "작업 역할이 버킷의 KMS 키를 사용할 수 있어야 합니다(IAM과 키 정책이 일치해야 함). 그렇지 않으면 객체가 백업되지 않았는데도 작업이 성공할 수 있습니다.",
		},
		"backupops.cond.vaultPolicy.35f9521978": {
			EN: "The source vault access policy must not deny backup:StartCopyJob (the default policy of aws/efs/automatic-backup-vault denies it).",
			JA: "送信元ボールトのアクセスポリシーが backup:StartCopyJob を拒否していてはなりません (aws/efs/automatic-backup-vault のデフォルトポリシーは拒否します)。",
			KO: "원본 볼트 액세스 정책이 backup:StartCopyJob을 거부하면 안 됩니다(aws/efs/automatic-backup-vault의 기본 정책은 이를 거부합니다).",
		},
		"backupops.cond.organization.8f8a068ac4": {
			EN: "Guardrail SCPs can deny backup:CopyFromBackupVault unless backup:CopyTargets / backup:CopyTargetOrgPaths match, or deny backup:CopyIntoBackupVault when aws:ResourceTag/DestinationBackupVault is null.",
			JA: "ガードレールの SCP は、backup:CopyTargets / backup:CopyTargetOrgPaths が一致しない限り backup:CopyFromBackupVault を拒否したり、タグ aws:ResourceTag/DestinationBackupVault がないときに backup:CopyIntoBackupVault を拒否したりすることがあります。",
			KO: "가드레일 SCP는 backup:CopyTargets / backup:CopyTargetOrgPaths가 일치하지 않으면 backup:CopyFromBackupVault를 거부하거나, aws:ResourceTag/DestinationBackupVault 태그가 없으면 backup:CopyIntoBackupVault를 거부할 수 있습니다.",
		},
		"backupops.cond.service.9da5b0150e": {
			EN: "Backups in the cold storage tier cannot be copied; copies of continuous backups become snapshot backups.",
			JA: "コールドストレージ階層のバックアップはコピーできません。継続的バックアップのコピーはスナップショットバックアップになります。",
			KO: "콜드 스토리지 계층의 백업은 복사할 수 없습니다. 연속 백업의 복사본은 스냅샷 백업이 됩니다.",
		},
		"backupops.cond.organization.e90e815504": {
			EN: "Source and destination accounts must be members of the same AWS Organization (\"Copy job failed. Both source and destination account must be a member of the same organization\").",
			JA: "送信元と送信先のアカウントが同じ AWS Organizations の組織のメンバーである必要があります (\"Copy job failed. Both source and destination account must be a member of the same organization\")。",
			KO: "원본 계정과 대상 계정이 같은 AWS Organizations 조직의 구성원이어야 합니다(\"Copy job failed. Both source and destination account must be a member of the same organization\").",
		},
		"backupops.cond.organization.603434f110": {
			EN: "The management account must enable cross-account backup (console Settings or UpdateGlobalSettings).",
			JA: "管理アカウントでクロスアカウントバックアップを有効にする必要があります (コンソールの「設定」または UpdateGlobalSettings)。",
			KO: "관리 계정에서 교차 계정 백업을 활성화해야 합니다(콘솔의 설정 또는 UpdateGlobalSettings).",
		},
		"backupops.cond.vaultPolicy.a1d6566116": {
			EN: "The destination vault access policy must allow backup:CopyIntoBackupVault to the source account (arn:aws:iam::<source>:root), the copy role, or the organization / OU (aws:PrincipalOrgID, aws:PrincipalOrgPaths, with ids that exist); otherwise \"Access Denied trying to call AWS Backup service\".",
			JA: "送信先ボールトのアクセスポリシーが、送信元アカウント (arn:aws:iam::<source>:root)、コピーロール、または組織/OU (実在する ID を指定した aws:PrincipalOrgID、aws:PrincipalOrgPaths) に backup:CopyIntoBackupVault を許可している必要があります。そうでないと \"Access Denied trying to call AWS Backup service\" になります。",
			KO: "대상 볼트 액세스 정책이 원본 계정(arn:aws:iam::<source>:root), 복사 역할 또는 조직/OU(실제로 있는 ID를 지정한 aws:PrincipalOrgID, aws:PrincipalOrgPaths)에 backup:CopyIntoBackupVault를 허용해야 합니다. 그렇지 않으면 \"Access Denied trying to call AWS Backup service\"가 발생합니다.",
		},
		"backupops.cond.service.28207ab192": {
			EN: "For types not fully managed by AWS Backup the destination vault must not be the default vault (its key cannot be shared): use a vault encrypted with a customer managed key. Fully managed types may use a CMK or aws/backup.",
			JA: "AWS Backup で完全には管理されないタイプでは、送信先ボールトをデフォルトボールトにはできません (そのキーは共有できないため)。カスタマーマネージドキーで暗号化したボールトを使ってください。完全に管理されるタイプは CMK と aws/backup のどちらも使えます。",
			KO: "AWS Backup이 완전히 관리하지 않는 유형에서는 대상 볼트가 기본 볼트이면 안 됩니다(그 키는 공유할 수 없음). 고객 관리형 키로 암호화된 볼트를 사용하세요. 완전히 관리되는 유형은 CMK와 aws/backup 모두 사용할 수 있습니다.",
		},
		"backupops.cond.keyPolicy.72bdc02073": {
			EN: "If the source is encrypted with a customer managed key, its key policy must allow the destination account; AWS managed keys (aws/ebs, aws/rds) cannot be shared, so cross-account copies of such backups fail (\"Given key ID is not accessible\").",
			JA: "送信元がカスタマーマネージドキーで暗号化されている場合、そのキーポリシーが送信先アカウントを許可している必要があります。AWS マネージドキー (aws/ebs、aws/rds) は共有できないため、そのようなバックアップのクロスアカウントコピーは失敗します (\"Given key ID is not accessible\")。",
			KO: "원본이 고객 관리형 키로 암호화된 경우 그 키 정책이 대상 계정을 허용해야 합니다. AWS 관리형 키(aws/ebs, aws/rds)는 공유할 수 없으므로 이런 백업의 교차 계정 복사는 실패합니다(\"Given key ID is not accessible\").",
		},
		"backupops.cond.keyPolicy.a8811a12d6": {
			EN: "To restore the copy, the destination key policy must admit role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup of the destination account, which performs the copy there.",
			JA: "コピーを復元するには、送信先のキーポリシーが送信先アカウントの role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup (送信先でコピーを実行するロール) を許可している必要があります。",
			KO: "복사본을 복원하려면 대상 키 정책이 대상 계정의 role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup(대상에서 복사를 수행하는 역할)을 허용해야 합니다.",
		},
		"backupops.cond.organization.10997f1877": {
			EN: "Organization tag policies can break cross-account copies.",
			JA: "組織のタグポリシーによってクロスアカウントコピーが失敗することがあります。",
			KO: "조직의 태그 정책 때문에 교차 계정 복사가 실패할 수 있습니다.",
		},
		"backupops.cond.service.8eb70daf05": {
			EN: "EC2 Allowed AMIs in the destination must allow the source account, or the copy fails with \"Source AMI not found in Region\".",
			JA: "送信先の EC2 の「許可された AMI」の設定が送信元アカウントを許可している必要があります。そうでないとコピーは \"Source AMI not found in Region\" で失敗します。",
			KO: "대상의 EC2 허용 AMI 설정이 원본 계정을 허용해야 합니다. 그렇지 않으면 복사가 \"Source AMI not found in Region\"으로 실패합니다.",
		},
		"backupops.cond.service.750aca09a8": {
			EN: "Deleting the copy role during a cross-account copy fails it with \"Failed to unshare snapshot\".",
			JA: "クロスアカウントコピーの実行中にコピーロールを削除すると、コピーは \"Failed to unshare snapshot\" で失敗します。",
			KO: "교차 계정 복사 중에 복사 역할을 삭제하면 복사가 \"Failed to unshare snapshot\"으로 실패합니다.",
		},
		"backupops.cond.keyPolicy.cfecb2e3f1": {
			EN: "For types not fully managed by AWS Backup (EBS, EC2, RDS, Aurora, ...) the snapshot is re-encrypted with a key of the destination Region: the copy role needs KMS permissions on both the source key and the destination key (e.g. multi-Region replica keys for encrypted Aurora).",
			JA: "AWS Backup で完全には管理されないタイプ (EBS、EC2、RDS、Aurora など) では、スナップショットは送信先リージョンのキーで再暗号化されます。コピーロールには送信元キーと送信先キーの両方に対する KMS 権限が必要です (例: 暗号化された Aurora ではマルチリージョンのレプリカキー)。",
			KO: "AWS Backup이 완전히 관리하지 않는 유형(EBS, EC2, RDS, Aurora 등)에서는 스냅샷이 대상 리전의 키로 다시 암호화됩니다. 복사 역할에는 원본 키와 대상 키 모두에 대한 KMS 권한이 필요합니다(예: 암호화된 Aurora에는 다중 리전 복제본 키).",
		},
		"backupops.cond.organization.941b55ef9a": {
			EN: "Region-deny SCPs that do not exempt the job role block its calls in the destination Region.",
			JA: "ジョブロールを除外していないリージョン拒否の SCP は、送信先リージョンでのジョブロールの呼び出しをブロックします。",
			KO: "작업 역할을 예외로 두지 않은 리전 거부 SCP는 대상 리전에서 작업 역할의 호출을 차단합니다.",
		},
		"backupops.cond.keyPolicy.ecec0674f2": {
			EN: "The destination vault's KMS key must be usable by the copy role.",
			JA: "送信先ボールトの KMS キーをコピーロールが使用できる必要があります。",
			KO: "복사 역할이 대상 볼트의 KMS 키를 사용할 수 있어야 합니다.",
		},
		"backupops.cond.service.5e765bfac4": {
			EN: "The role must exist and be assumable by backup.amazonaws.com, and allowed tag:GetResources for tag-based selections; otherwise CreateBackupSelection fails with InvalidParameterValueException (\"IAM Role ... is not authorized to call tag:GetResources\", ERROR_3018, or \"cannot be assumed\"), which can also be transient right after the role is created (IAM eventual consistency).",
			JA: "ロールが存在し、backup.amazonaws.com が引き受けることができ、タグベースの選択では tag:GetResources が許可されている必要があります。そうでないと CreateBackupSelection は InvalidParameterValueException (\"IAM Role ... is not authorized to call tag:GetResources\"、ERROR_3018、または \"cannot be assumed\") で失敗します。これはロールの作成直後に一時的に起きることもあります (IAM の結果整合性)。",
			KO: "역할이 존재하고 backup.amazonaws.com이 수임할 수 있어야 하며, 태그 기반 선택에서는 tag:GetResources가 허용되어야 합니다. 그렇지 않으면 CreateBackupSelection이 InvalidParameterValueException(\"IAM Role ... is not authorized to call tag:GetResources\", ERROR_3018 또는 \"cannot be assumed\")으로 실패합니다. 이는 역할을 만든 직후에 일시적으로 발생할 수도 있습니다(IAM의 최종 일관성).",
		},
		"backupops.cond.service.8674957dfe": {
			EN: "With only AWSBackupFullAccess or AWSBackupOperatorAccess, the caller can pass only roles whose name matches *AwsBackup* or *AWSBackup*.",
			JA: "AWSBackupFullAccess または AWSBackupOperatorAccess だけでは、呼び出し元は名前が *AwsBackup* または *AWSBackup* に一致するロールしか渡せません。",
			KO: "AWSBackupFullAccess나 AWSBackupOperatorAccess만으로는 호출자가 이름이 *AwsBackup* 또는 *AWSBackup*과 일치하는 역할만 전달할 수 있습니다.",
		},
		"backupops.cond.service.9ac4056583": {
			EN: "Creating the console default role AWSBackupDefaultServiceRole needs iam:CreateRole, iam:AttachRolePolicy, iam:PassRole and iam:ListRoles, which AWSBackupFullAccess does not grant.",
			JA: "コンソールのデフォルトロール AWSBackupDefaultServiceRole の作成には iam:CreateRole、iam:AttachRolePolicy、iam:PassRole、iam:ListRoles が必要ですが、AWSBackupFullAccess はこれらを付与しません。",
			KO: "콘솔 기본 역할 AWSBackupDefaultServiceRole을 만들려면 iam:CreateRole, iam:AttachRolePolicy, iam:PassRole, iam:ListRoles가 필요하지만 AWSBackupFullAccess는 이를 부여하지 않습니다.",
		},
		"backupops.cond.organization.2e1df93def": {
			EN: "No SCP or permissions boundary may deny the caller's requests (the KC's layers: identity policy, permissions boundary, SCP, KMS key policy).",
			JA: "SCP やアクセス許可の境界が呼び出し元のリクエストを拒否していてはなりません (AWS ナレッジセンター記事が挙げるレイヤー: アイデンティティベースのポリシー、アクセス許可の境界、SCP、KMS キーポリシー)。",
			KO: "SCP나 권한 경계가 호출자의 요청을 거부하면 안 됩니다(AWS 지식 센터 문서가 드는 계층: 자격 증명 기반 정책, 권한 경계, SCP, KMS 키 정책).",
		},
		"backupops.cond.service.5e43c28ebd": {
			EN: "The console creates a vault named Default on the first visit of the Vaults page in a Region; the CLI, SDKs and CloudFormation do not.",
			JA: "コンソールは、リージョンで初めて「ボールト」ページを開いたときに \"Default\" という名前のボールトを作成します。CLI、SDK、CloudFormation は作成しません。",
			KO: "콘솔은 리전에서 처음 볼트 페이지를 열 때 \"Default\"라는 이름의 볼트를 만듭니다. CLI, SDK, CloudFormation은 만들지 않습니다.",
		},
		"backupops.cond.service.2f947635a9": {
			EN: "AWSBackupOperatorAccess does not allow backup:CreateBackupVault; AWSBackupFullAccess does (with backup-storage:*).",
			JA: "AWSBackupOperatorAccess は backup:CreateBackupVault を許可しません。AWSBackupFullAccess は許可します (backup-storage:* も含む)。",
			KO: "AWSBackupOperatorAccess는 backup:CreateBackupVault를 허용하지 않습니다. AWSBackupFullAccess는 허용합니다(backup-storage:* 포함).",
		},
		"backupops.cond.keyPolicy.f8cbe79376": {
			EN: "The key policy must allow the caller kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt and kms:GenerateDataKey, directly or through the root \"enable IAM user permissions\" statement.",
			JA: "キーポリシーが呼び出し元に kms:CreateGrant、kms:DescribeKey、kms:RetireGrant、kms:Decrypt、kms:GenerateDataKey を、直接またはルートの \"enable IAM user permissions\" ステートメントを通じて許可している必要があります。",
			KO: "키 정책이 호출자에게 kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt, kms:GenerateDataKey를 직접 또는 루트의 \"enable IAM user permissions\" 문을 통해 허용해야 합니다.",
		},
		"backupops.cond.keyPolicy.82bc6cf00b": {
			EN: "The key must be enabled: the AWS managed key aws/backup always is (AWS managed keys are permanently enabled and cannot be disabled).",
			JA: "キーが有効である必要があります: AWS マネージドキー aws/backup は常に有効です (AWS マネージドキーは恒久的に有効で、無効にできません)。",
			KO: "키가 활성화되어 있어야 합니다: AWS 관리형 키 aws/backup은 항상 활성화되어 있습니다(AWS 관리형 키는 영구적으로 활성화되어 있으며 비활성화할 수 없음).",
		},
		"backupops.cond.keyPolicy.ae698bd585": {
			EN: "The recovery point's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the restore fails.",
			JA: "復旧ポイントの KMS キーが有効である必要があります: AWS KMS は無効、削除保留中、インポート保留中、または使用不可のキーによる暗号化オペレーションをすべて拒否するため (DisabledException、KMSInvalidStateException)、復元は失敗します。",
			KO: "복구 지점의 KMS 키가 활성화되어 있어야 합니다: AWS KMS는 비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가 상태인 키로 하는 모든 암호화 작업을 거부하므로(DisabledException, KMSInvalidStateException) 복원이 실패합니다.",
		},
		"backupops.cond.keyPolicy.f75c220065": {
			EN: "The resource's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the backup fails.",
			JA: "リソースの KMS キーが有効である必要があります: AWS KMS は無効、削除保留中、インポート保留中、または使用不可のキーによる暗号化オペレーションをすべて拒否するため (DisabledException、KMSInvalidStateException)、バックアップは失敗します。",
			KO: "리소스의 KMS 키가 활성화되어 있어야 합니다: AWS KMS는 비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가 상태인 키로 하는 모든 암호화 작업을 거부하므로(DisabledException, KMSInvalidStateException) 백업이 실패합니다.",
		},
		"backupops.cond.keyPolicy.5b654c51e6": {
			EN: "The vault's KMS key, which encrypts the backups of this resource type, must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable, so the backup fails.",
			JA: "このリソースタイプのバックアップを暗号化するボールトの KMS キーが有効である必要があります: AWS KMS は無効、削除保留中、インポート保留中、または使用不可のキーによる暗号化オペレーションをすべて拒否するため、バックアップは失敗します。",
			KO: "이 리소스 유형의 백업을 암호화하는 볼트의 KMS 키가 활성화되어 있어야 합니다: AWS KMS는 비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가 상태인 키로 하는 모든 암호화 작업을 거부하므로 백업이 실패합니다.",
		},
		"backupops.cond.keyPolicy.719f887daa": {
			EN: "The source recovery point's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the copy fails.",
			JA: "送信元の復旧ポイントの KMS キーが有効である必要があります: AWS KMS は無効、削除保留中、インポート保留中、または使用不可のキーによる暗号化オペレーションをすべて拒否するため (DisabledException、KMSInvalidStateException)、コピーは失敗します。",
			KO: "원본 복구 지점의 KMS 키가 활성화되어 있어야 합니다: AWS KMS는 비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가 상태인 키로 하는 모든 암호화 작업을 거부하므로(DisabledException, KMSInvalidStateException) 복사가 실패합니다.",
		},
		"backupops.cond.keyPolicy.e02abd42cd": {
			EN: "The destination vault's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable, so the copy fails.",
			JA: "送信先ボールトの KMS キーが有効である必要があります: AWS KMS は無効、削除保留中、インポート保留中、または使用不可のキーによる暗号化オペレーションをすべて拒否するため、コピーは失敗します。",
			KO: "대상 볼트의 KMS 키가 활성화되어 있어야 합니다: AWS KMS는 비활성화, 삭제 대기 중, 가져오기 대기 중 또는 사용 불가 상태인 키로 하는 모든 암호화 작업을 거부하므로 복사가 실패합니다.",
		},
		"backupops.cond.keyPolicy.c92a565c6b": {
			EN: "The key must be enabled and in the vault's Region.",
			JA: "キーが有効で、ボールトと同じリージョンにある必要があります。",
			KO: "키가 활성화되어 있고 볼트와 같은 리전에 있어야 합니다.",
		},
		"backupops.cond.service.3be89bd098": {
			EN: "A CMK of another account can be used only through the CLI or API, not the console.",
			JA: "別のアカウントの CMK はコンソールでは使用できず、CLI または API からのみ使用できます。",
			KO: "다른 계정의 CMK는 콘솔에서는 사용할 수 없고 CLI나 API로만 사용할 수 있습니다.",
		},
		"backupops.cond.service.37ddac6591": {
			EN: "AWSBackupFullAccess grants kms:CreateGrant only via backup (kms:ViaService backup.*.amazonaws.com, kms:GrantIsForAWSResource) and no kms:RetireGrant or kms:Decrypt: a user with only that policy may fail the KC's check.",
			JA: "AWSBackupFullAccess は kms:CreateGrant を AWS Backup 経由でのみ許可し (kms:ViaService backup.*.amazonaws.com、kms:GrantIsForAWSResource)、kms:RetireGrant と kms:Decrypt は許可しません。このポリシーだけを持つユーザーは、AWS ナレッジセンター記事のチェックに通らないことがあります。",
			KO: "AWSBackupFullAccess는 kms:CreateGrant를 AWS Backup을 통해서만 허용하고(kms:ViaService backup.*.amazonaws.com, kms:GrantIsForAWSResource) kms:RetireGrant와 kms:Decrypt는 허용하지 않습니다. 이 정책만 가진 사용자는 AWS 지식 센터 문서의 점검을 통과하지 못할 수 있습니다.",
		},
		"backupops.cond.organization.8c4be0d08d": {
			EN: "SCPs and identity policies can restrict the lock settings with backup:ChangeableForDays, backup:MinRetentionDays and backup:MaxRetentionDays.",
			JA: "SCP とアイデンティティベースのポリシーは、backup:ChangeableForDays、backup:MinRetentionDays、backup:MaxRetentionDays でロックの設定を制限できます。",
			KO: "SCP와 자격 증명 기반 정책은 backup:ChangeableForDays, backup:MinRetentionDays, backup:MaxRetentionDays로 잠금 설정을 제한할 수 있습니다.",
		},
		"backupops.cond.service.c77c02c6db": {
			EN: "A lock in compliance mode (ChangeableForDays given) is immutable after the grace period: changing it or DeleteBackupVaultLockConfiguration then fails with InvalidRequestException, not AccessDenied.",
			JA: "コンプライアンスモードのロック (ChangeableForDays を指定) は猶予期間が過ぎると変更できません。その後の変更や DeleteBackupVaultLockConfiguration は、AccessDenied ではなく InvalidRequestException で失敗します。",
			KO: "규정 준수 모드 잠금(ChangeableForDays 지정)은 유예 기간이 지나면 변경할 수 없습니다. 그 후의 변경이나 DeleteBackupVaultLockConfiguration은 AccessDenied가 아니라 InvalidRequestException으로 실패합니다.",
		},
		"backupops.cond.service.8fadf1252a": {
			EN: "Vault Lock blocks deleting recovery points and lifecycle changes that shorten retention; this looks like an access failure but is not an IAM decision.",
			JA: "Vault Lock は、復旧ポイントの削除と、保持期間を短くするライフサイクルの変更をブロックします。アクセスの失敗に見えますが、IAM の判定ではありません。",
			KO: "Vault Lock은 복구 지점 삭제와 보존 기간을 줄이는 수명 주기 변경을 차단합니다. 액세스 실패처럼 보이지만 IAM 판정이 아닙니다.",
		},
		"backupops.cond.vaultPolicy.ce675ed89b": {
			EN: "The vault's existing access policy must not deny backup:PutBackupVaultAccessPolicy to the caller (the pattern AWS Config's backup-recovery-point-manual-deletion-disabled expects denies it to Principal \"*\").",
			JA: "ボールトの既存のアクセスポリシーが呼び出し元に backup:PutBackupVaultAccessPolicy を拒否していてはなりません (AWS Config の backup-recovery-point-manual-deletion-disabled が想定するパターンは、Principal \"*\" に対してこれを拒否します)。",
			KO: "볼트의 기존 액세스 정책이 호출자에게 backup:PutBackupVaultAccessPolicy를 거부하면 안 됩니다(AWS Config의 backup-recovery-point-manual-deletion-disabled가 기대하는 패턴은 Principal \"*\"에게 이를 거부합니다).",
		},
		"backupops.cond.vaultPolicy.10ee412d99": {
			EN: "Vault access policies do not support wildcards in Action.",
			JA: "ボールトのアクセスポリシーは、Action でのワイルドカードをサポートしていません。",
			KO: "볼트 액세스 정책은 Action의 와일드카드를 지원하지 않습니다.",
		},
		"backupops.cond.vaultPolicy.566cf819fe": {
			EN: "A vault access policy governs AWS Backup APIs only; cross-account access for any action other than backup:CopyIntoBackupVault is rejected whatever the policy says.",
			JA: "ボールトのアクセスポリシーが適用されるのは AWS Backup の API だけです。backup:CopyIntoBackupVault 以外のアクションのクロスアカウントアクセスは、ポリシーの内容にかかわらず拒否されます。",
			KO: "볼트 액세스 정책은 AWS Backup API에만 적용됩니다. backup:CopyIntoBackupVault 이외의 작업에 대한 교차 계정 액세스는 정책 내용과 관계없이 거부됩니다.",
		},
		"backupops.cond.vaultPolicy.ec43d8e7e6": {
			EN: "The vault access policy must not deny backup:StartRestoreJob (the default policy of aws/efs/automatic-backup-vault denies it to everyone).",
			JA: "ボールトのアクセスポリシーが backup:StartRestoreJob を拒否していてはなりません (aws/efs/automatic-backup-vault のデフォルトポリシーは全員に対して拒否します)。",
			KO: "볼트 액세스 정책이 backup:StartRestoreJob을 거부하면 안 됩니다(aws/efs/automatic-backup-vault의 기본 정책은 모두에게 이를 거부합니다).",
		},
		"backupops.cond.keyPolicy.64f1059105": {
			EN: "The key policy of the recovery point's KMS key must allow the restore role the KMS actions it is granted in IAM.",
			JA: "復旧ポイントの KMS キーのキーポリシーが、IAM で付与されている KMS アクションを復元ロールに許可している必要があります。",
			KO: "복구 지점 KMS 키의 키 정책이 IAM에서 부여된 KMS 작업을 복원 역할에 허용해야 합니다.",
		},
		"backupops.cond.service.3a69034ed3": {
			EN: "Cross-account restore is not supported: copy the recovery point into the target account first; that account needs the service-linked role of the restored service.",
			JA: "クロスアカウントの復元はサポートされていません。まず復旧ポイントを対象アカウントにコピーしてください。そのアカウントには、復元するサービスのサービスリンクロールが必要です。",
			KO: "교차 계정 복원은 지원되지 않습니다. 먼저 복구 지점을 대상 계정으로 복사하세요. 그 계정에는 복원하는 서비스의 서비스 연결 역할이 필요합니다.",
		},
		"backupops.cond.service.f20bdc40f4": {
			EN: "A composite (stack) recovery point cannot be restored itself: restore its nested recovery points, each needing its resource type's permissions.",
			JA: "複合 (スタック) 復旧ポイントそのものは復元できません。ネストされた復旧ポイントをそれぞれ復元してください (それぞれにそのリソースタイプの権限が必要です)。",
			KO: "복합(스택) 복구 지점 자체는 복원할 수 없습니다. 중첩된 복구 지점을 각각 복원하세요(각각 해당 리소스 유형의 권한이 필요합니다).",
		},
		"backupops.cond.service.b5e2853d97": {
			EN: "Identity policies that restrict the target table by source IP must exempt calls made by AWS services (aws:ViaAWSService), or the restore is cancelled.",
			JA: "復元先テーブルを送信元 IP で制限するアイデンティティベースのポリシーは、AWS のサービスによる呼び出し (aws:ViaAWSService) を除外する必要があります。そうでないと復元はキャンセルされます。",
			KO: "대상 테이블을 원본 IP로 제한하는 자격 증명 기반 정책은 AWS 서비스가 하는 호출(aws:ViaAWSService)을 예외로 해야 합니다. 그렇지 않으면 복원이 취소됩니다.",
		},
		"backupops.cond.service.c9326ed3f0": {
			EN: "Disabling or deleting the KMS key during the restore fails it.",
			JA: "復元中に KMS キーを無効化または削除すると、復元は失敗します。",
			KO: "복원 중에 KMS 키를 비활성화하거나 삭제하면 복원이 실패합니다.",
		},
		"backupops.cond.service.916f8b9aad": {
			EN: "A denied iam:PassRole of the instance profile's role fails the restore job with an encoded authorization failure message in its status (decode it with sts:DecodeAuthorizationMessage).",
			JA: "インスタンスプロファイルのロールに対する iam:PassRole が拒否されると、復元ジョブはステータスにエンコードされた認可失敗メッセージを残して失敗します (sts:DecodeAuthorizationMessage でデコードできます)。",
			KO: "인스턴스 프로파일 역할에 대한 iam:PassRole이 거부되면 복원 작업은 상태에 인코딩된 권한 부여 실패 메시지를 남기고 실패합니다(sts:DecodeAuthorizationMessage로 디코딩할 수 있습니다).",
		},
		"backupops.cond.service.c54de04ef9": {
			EN: "AWSBackupServiceRolePolicyForRestores allows this iam:PassRole (PassedToService ec2.amazonaws.com) only since v25 (2025-11-10); a custom restore role, a permissions boundary or an SCP can still block it. Alternatives: restore with no IAM role (restore/EC2) and attach the profile later.",
			JA: "AWSBackupServiceRolePolicyForRestores がこの iam:PassRole (PassedToService ec2.amazonaws.com) を許可するのは v25 (2025-11-10) 以降です。カスタムの復元ロール、アクセス許可の境界、SCP は今もこれをブロックできます。代替案: IAM ロールなしで復元し (restore/EC2)、後でプロファイルをアタッチします。",
			KO: "AWSBackupServiceRolePolicyForRestores가 이 iam:PassRole(PassedToService ec2.amazonaws.com)을 허용하는 것은 v25(2025-11-10)부터입니다. 사용자 지정 복원 역할, 권한 경계 또는 SCP는 여전히 이를 차단할 수 있습니다. 대안: IAM 역할 없이 복원(restore/EC2)하고 나중에 프로파일을 연결합니다.",
		},
		"backupops.cond.service.dc1059f858": {
			EN: "User data is not backed up or restored.",
			JA: "ユーザーデータはバックアップも復元もされません。",
			KO: "사용자 데이터는 백업되거나 복원되지 않습니다.",
		},
		"backupops.cond.service.4d3f735967": {
			EN: "fsx.* is not in the restore policy's kms:ViaService list: KMS use is granted only through grants (kms:GrantIsForAWSResource).",
			JA: "fsx.* は復元ポリシーの kms:ViaService のリストにありません。KMS の使用はグラント経由でのみ許可されます (kms:GrantIsForAWSResource)。",
			KO: "fsx.*는 복원 정책의 kms:ViaService 목록에 없습니다. KMS 사용은 KMS 권한 부여를 통해서만 허용됩니다(kms:GrantIsForAWSResource).",
		},
		"backupops.cond.service.adfac7a206": {
			EN: "S3 needs AWSBackupServiceRolePolicyForS3Restore on the restore role: the default role AWSBackupDefaultServiceRole does not have it.",
			JA: "S3 では復元ロールに AWSBackupServiceRolePolicyForS3Restore が必要です。デフォルトロール AWSBackupDefaultServiceRole にはこのポリシーがありません。",
			KO: "S3에는 복원 역할에 AWSBackupServiceRolePolicyForS3Restore가 필요합니다. 기본 역할 AWSBackupDefaultServiceRole에는 이 정책이 없습니다.",
		},
		"backupops.cond.bucketPolicy.d346bfb854": {
			EN: "The destination bucket policy must allow the restore role.",
			JA: "復元先バケットのバケットポリシーが復元ロールを許可している必要があります。",
			KO: "대상 버킷의 버킷 정책이 복원 역할을 허용해야 합니다.",
		},
		"backupops.cond.keyPolicy.10263c211b": {
			EN: "The destination bucket's KMS key policy must allow the restore role.",
			JA: "復元先バケットの KMS キーのキーポリシーが復元ロールを許可している必要があります。",
			KO: "대상 버킷 KMS 키의 키 정책이 복원 역할을 허용해야 합니다.",
		},
		"backupops.cond.service.028f473840": {
			EN: "SAP HANA restores are destructive. StartRestoreJob may omit IamRoleArn for them; AWS Backup then uses the caller's identity, so the caller needs the ssm-sap permissions of AWSBackupRestoreAccessForSAPHANA.",
			JA: "SAP HANA の復元は破壊的な操作です (既存のデータを上書きします)。この復元では StartRestoreJob の IamRoleArn を省略でき、その場合 AWS Backup は呼び出し元の ID を使うため、呼び出し元に AWSBackupRestoreAccessForSAPHANA の ssm-sap 権限が必要です。",
			KO: "SAP HANA 복원은 파괴적인 작업입니다(기존 데이터를 덮어씀). 이 복원에서는 StartRestoreJob에서 IamRoleArn을 생략할 수 있으며, 그러면 AWS Backup이 호출자의 자격 증명을 사용하므로 호출자에게 AWSBackupRestoreAccessForSAPHANA의 ssm-sap 권한이 필요합니다.",
		},
		"backupops.cond.vaultPolicy.0154dcf4b9": {
			EN: "The vault access policy must not deny backup:StartRestoreJob.",
			JA: "ボールトのアクセスポリシーが backup:StartRestoreJob を拒否していてはなりません。",
			KO: "볼트 액세스 정책이 backup:StartRestoreJob을 거부하면 안 됩니다.",
		},
		"backupops.cond.service.e78fd5c799": {
			EN: "Restores of a VM to EC2 or EBS need the EC2 or EBS restore permissions instead.",
			JA: "VM を EC2 または EBS に復元する場合は、代わりに EC2 または EBS の復元権限が必要です。",
			KO: "VM을 EC2나 EBS로 복원하려면 대신 EC2나 EBS의 복원 권한이 필요합니다.",
		},

		// "When" phrases, by a digest of the English text.
		"backupops.when.6af8a9e196": {
			EN: "resource or recovery point encrypted with a KMS key",
			JA: "リソースまたは復旧ポイントが KMS キーで暗号化されている場合",
			KO: "리소스나 복구 지점이 KMS 키로 암호화된 경우",
		},
		"backupops.when.7af0b0593c": {
			EN: "advanced DynamoDB backup",
			JA: "DynamoDB の高度なバックアップ",
			KO: "DynamoDB 고급 백업",
		},
		"backupops.when.ea0f4b3282": {
			EN: "snapshot moved to the archive tier",
			JA: "アーカイブ階層に移動したスナップショット",
			KO: "아카이브 계층으로 이동한 스냅샷",
		},
		"backupops.when.b1cc3ed44d": {
			EN: "Windows VSS-enabled backup",
			JA: "Windows VSS を有効にしたバックアップ",
			KO: "Windows VSS를 활성화한 백업",
		},
		"backupops.when.367fdd8948": {
			EN: "continuous backup (point-in-time recovery)",
			JA: "継続的バックアップ (ポイントインタイムリカバリ)",
			KO: "연속 백업(특정 시점 복구)",
		},
		"backupops.when.0de9b949b2": {
			EN: "EBS recovery point",
			JA: "EBS の復旧ポイント",
			KO: "EBS 복구 지점",
		},
		"backupops.when.f55bc2f452": {
			EN: "EC2 recovery point",
			JA: "EC2 の復旧ポイント",
			KO: "EC2 복구 지점",
		},
		"backupops.when.1901f9817a": {
			EN: "RDS recovery point",
			JA: "RDS の復旧ポイント",
			KO: "RDS 복구 지점",
		},
		"backupops.when.152b6d0e3f": {
			EN: "Aurora, DocumentDB or Neptune recovery point",
			JA: "Aurora、DocumentDB または Neptune の復旧ポイント",
			KO: "Aurora, DocumentDB 또는 Neptune 복구 지점",
		},
		"backupops.when.55ecd30a90": {
			EN: "RDS, Aurora, DocumentDB or Neptune recovery point",
			JA: "RDS、Aurora、DocumentDB または Neptune の復旧ポイント",
			KO: "RDS, Aurora, DocumentDB 또는 Neptune 복구 지점",
		},
		"backupops.when.5742f9c0c7": {
			EN: "EC2 or EBS recovery point",
			JA: "EC2 または EBS の復旧ポイント",
			KO: "EC2 또는 EBS 복구 지점",
		},
		"backupops.when.ba67e48a61": {
			EN: "FSx recovery point",
			JA: "FSx の復旧ポイント",
			KO: "FSx 복구 지점",
		},
		"backupops.when.b663b34c9f": {
			EN: "source recovery point encrypted with a KMS key",
			JA: "送信元の復旧ポイントが KMS キーで暗号化されている場合",
			KO: "원본 복구 지점이 KMS 키로 암호화된 경우",
		},
		"backupops.when.4aa7964772": {
			EN: "destination vault key given",
			JA: "送信先ボールトのキーを指定した場合",
			KO: "대상 볼트 키를 지정한 경우",
		},
		"backupops.when.e8016ff64a": {
			EN: "tags given",
			JA: "タグを指定した場合",
			KO: "태그를 지정한 경우",
		},
		"backupops.when.a8dee649f1": {
			EN: "the plan names a malware-scan role",
			JA: "プランでマルウェアスキャン用のロールを指定した場合",
			KO: "계획에서 맬웨어 검사 역할을 지정한 경우",
		},
		"backupops.when.b5e8e864fa": {
			EN: "tag-based selection",
			JA: "タグベースの選択",
			KO: "태그 기반 선택",
		},
		"backupops.when.5e1cc20fd0": {
			EN: "console \"Default role\"",
			JA: "コンソールの「デフォルトのロール」",
			KO: "콘솔의 \"기본 역할\"",
		},
		"backupops.when.4dbddb36b1": {
			EN: "conservative check: KMS key ARN of aws/backup given",
			JA: "保守的なチェック: aws/backup の KMS キー ARN を指定した場合",
			KO: "보수적 점검: aws/backup의 KMS 키 ARN을 지정한 경우",
		},
		"backupops.when.ba8d89c674": {
			EN: "continuous backup (point-in-time) recovery point",
			JA: "継続的バックアップ (ポイントインタイム) の復旧ポイント",
			KO: "연속 백업(특정 시점) 복구 지점",
		},
		"backupops.when.dd4d781811": {
			EN: "snapshot in the archive tier",
			JA: "アーカイブ階層のスナップショット",
			KO: "아카이브 계층의 스냅샷",
		},
		"backupops.when.e12514e010": {
			EN: "ONTAP or OpenZFS volume",
			JA: "ONTAP または OpenZFS のボリューム",
			KO: "ONTAP 또는 OpenZFS 볼륨",
		},
		"backupops.when.b8ce7ee9d0": {
			EN: "FSx for Windows (Active Directory)",
			JA: "Windows 用 FSx (Active Directory 連携)",
			KO: "Windows용 FSx(Active Directory 연동)",
		},
		"backupops.when.899d777406": {
			EN: "file system in a VPC (route tables tagged AmazonFSx=ManagedByAmazonFSx)",
			JA: "VPC 内のファイルシステム (ルートテーブルにタグ AmazonFSx=ManagedByAmazonFSx)",
			KO: "VPC 안의 파일 시스템(라우팅 테이블에 AmazonFSx=ManagedByAmazonFSx 태그)",
		},
		"backupops.when.fa3eabf11a": {
			EN: "tenant databases",
			JA: "テナントデータベース",
			KO: "테넌트 데이터베이스",
		},

		// Condition kinds, as the check report labels its conditions.
		"backupops.kind.trust":          {EN: "trust", JA: "信頼ポリシー", KO: "신뢰 정책"},
		"backupops.kind.vaultPolicy":    {EN: "vaultPolicy", JA: "ボールトアクセスポリシー", KO: "볼트 액세스 정책"},
		"backupops.kind.keyPolicy":      {EN: "keyPolicy", JA: "キーポリシー", KO: "키 정책"},
		"backupops.kind.bucketPolicy":   {EN: "bucketPolicy", JA: "バケットポリシー", KO: "버킷 정책"},
		"backupops.kind.resourcePolicy": {EN: "resourcePolicy", JA: "リソースベースのポリシー", KO: "리소스 기반 정책"},
		"backupops.kind.organization":   {EN: "organization", JA: "組織", KO: "조직"},
		"backupops.kind.service":        {EN: "service", JA: "サービスのルール", KO: "서비스 규칙"},
	})
}
