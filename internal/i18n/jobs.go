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
		"jobs.unreadable.heading": {
			EN: "Could not read (the report is incomplete)",
			JA: "読み取れなかったもの (レポートは不完全です)",
			KO: "읽을 수 없었던 것 (보고서가 불완전합니다)",
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
