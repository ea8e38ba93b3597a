package i18n

// Errors the explain command shows (package cli), in the language of the
// report it could not write.
func registerCli(register func(map[string]tr)) {
	register(map[string]tr{
		"cli.explain.format": {
			EN: "--format must be text, json or markdown, not %q",
			JA: "--format には \"text\"、\"json\"、\"markdown\" のいずれかを指定してください (%q は指定できません)",
			KO: "--format에는 \"text\", \"json\", \"markdown\" 중 하나를 지정하세요(%q은(는) 지정할 수 없습니다)",
		},
		"cli.explain.show": {
			EN: "--show takes policy, cli, terraform, cloudformation or all, not %q",
			JA: "--show には \"policy\"、\"cli\"、\"terraform\"、\"cloudformation\"、\"all\" を指定してください (%q は指定できません)",
			KO: "--show에는 \"policy\", \"cli\", \"terraform\", \"cloudformation\", \"all\"을(를) 지정하세요(%q은(는) 지정할 수 없습니다)",
		},
		"cli.explain.lang": {
			EN: "--lang must be en, ja or ko, not %q",
			JA: "--lang には \"en\"、\"ja\"、\"ko\" のいずれかを指定してください (%q は指定できません)",
			KO: "--lang에는 \"en\", \"ja\", \"ko\" 중 하나를 지정하세요(%q은(는) 지정할 수 없습니다)",
		},
		"cli.check.account.id": { // the --account value
			EN: "--account %q is not a 12-digit account ID",
			JA: "--account %q は 12 桁のアカウント ID ではありません",
			KO: "--account %q은(는) 12자리 계정 ID가 아닙니다",
		},
		"cli.check.account.snapshot": { // --account, the snapshot's account
			EN: "--account %s is not the snapshot's account (%s): a one-account snapshot checks only its own account; for another account use an organization snapshot (denied collect --org) or that account's own snapshot",
			JA: "--account %s はスナップショットのアカウント (%s) ではありません: 1 アカウントのスナップショットでチェックできるのはそのアカウントだけです。別のアカウントには組織のスナップショット (denied collect --org) か、そのアカウント自身のスナップショットを使ってください",
			KO: "--account %s은(는) 스냅샷의 계정(%s)이 아닙니다: 단일 계정 스냅샷으로는 그 계정만 점검할 수 있습니다. 다른 계정에는 조직 스냅샷(denied collect --org)이나 그 계정 자체의 스냅샷을 사용하세요",
		},
		"cli.check.account.live": { // --account, the account read
			EN: "--account %s is not the account read live (%s, the credentials' account): --live checks only that account; for another account use credentials of that account (--profile)",
			JA: "--account %s は実環境から読み取ったアカウント (%s、認証情報のアカウント) ではありません: --live でチェックできるのはそのアカウントだけです。別のアカウントにはそのアカウントの認証情報 (--profile) を使ってください",
			KO: "--account %s은(는) 실시간으로 읽은 계정(%s, 자격 증명의 계정)이 아닙니다: --live로는 그 계정만 점검할 수 있습니다. 다른 계정에는 그 계정의 자격 증명(--profile)을 사용하세요",
		},
		"cli.check.recovery-point.region": { // --recovery-point, its Region, --region
			EN: "--recovery-point %s is in %s, not in --region %s: a recovery point is restored or copied in its own Region (leave out --region)",
			JA: "--recovery-point %s は %s にあり、--region %s にはありません: 復旧ポイントの復元やコピーはそのリージョンでのみ行えます (--region を省略してください)",
			KO: "--recovery-point %s은(는) %s에 있으며 --region %s에 있지 않습니다: 복구 지점은 자체 리전에서만 복원하거나 복사할 수 있습니다(--region을 생략하세요)",
		},
		"cli.check.account.org-member": { // directory, account, where it comes from (--account or "the account of --role ARN"), accounts in the index
			EN: "%s: account %s (%s) is not a member of the organization snapshot (its index lists %d accounts); nothing of it can be checked",
			JA: "%s: アカウント %s (%s) は組織のスナップショットのメンバーではありません (インデックスのアカウントは %d 件)。このアカウントについては何もチェックできません",
			KO: "%s: 계정 %s(%s)은(는) 조직 스냅샷의 구성원이 아닙니다(인덱스의 계정 %d개). 이 계정에 대해서는 아무것도 점검할 수 없습니다",
		},
		"cli.check.account.org-member.one": {
			EN: "%s: account %s (%s) is not a member of the organization snapshot (its index lists %d account); nothing of it can be checked",
			JA: "%s: アカウント %s (%s) は組織のスナップショットのメンバーではありません (インデックスのアカウントは %d 件)。このアカウントについては何もチェックできません",
			KO: "%s: 계정 %s(%s)은(는) 조직 스냅샷의 구성원이 아닙니다(인덱스의 계정 %d개). 이 계정에 대해서는 아무것도 점검할 수 없습니다",
		},
		"cli.check.account.org-not-collected": { // directory, account, where it comes from, status (and error)
			EN: "%s: account %s (%s) was not collected (%s); nothing of it can be checked",
			JA: "%s: アカウント %s (%s) は収集されていません (%s)。このアカウントについては何もチェックできません",
			KO: "%s: 계정 %s(%s)은(는) 수집되지 않았습니다(%s). 이 계정에 대해서는 아무것도 점검할 수 없습니다",
		},
		"cli.check.account.from-arn": { // flag, ARN
			EN: "the account of %s %s",
			JA: "%s %s のアカウント",
			KO: "%s %s의 계정",
		},
		"cli.explain.snapshot-and-live": {
			EN: "--snapshot and --live exclude each other",
			JA: "--snapshot と --live は同時に指定できません",
			KO: "--snapshot과 --live는 함께 지정할 수 없습니다",
		},
		"cli.explain.snapshot": {
			EN: "%s: %v",
			JA: "スナップショット %s を読み込めません: %v",
			KO: "스냅샷 %s을(를) 읽을 수 없습니다: %v",
		},
		// explain --snapshot or --live: messages whose request the
		// re-evaluation could not decide (exit 4); the report says why.
		"cli.explain.unchecked": {
			EN: "%s messages could not be checked against the snapshot: nothing proves whether its policies deny their requests (exit 4)",
			JA: "スナップショットに対してチェックできなかったメッセージが %s 件あります: スナップショットのポリシーがそのリクエストを拒否するかは確認できていません (終了コード 4)",
			KO: "스냅샷 기준으로 점검할 수 없었던 메시지가 %s개 있습니다: 스냅샷의 정책이 그 요청을 거부하는지 확인되지 않았습니다(종료 코드 4)",
		},
		"cli.explain.unchecked.one": {
			EN: "%s message could not be checked against the snapshot: nothing proves whether its policies deny its request (exit 4)",
			JA: "スナップショットに対してチェックできなかったメッセージが %s 件あります: スナップショットのポリシーがそのリクエストを拒否するかは確認できていません (終了コード 4)",
			KO: "스냅샷 기준으로 점검할 수 없었던 메시지가 %s개 있습니다: 스냅샷의 정책이 그 요청을 거부하는지 확인되지 않았습니다(종료 코드 4)",
		},
		"cli.explain.reading": {
			EN: "reading the input: %v",
			JA: "入力を読み取れません: %v",
			KO: "입력을 읽을 수 없습니다: %v",
		},
		"cli.explain.too-large": {
			EN: "%s is larger than %d MiB (the limit; set %s to a larger number of MiB to read it)",
			JA: "%s は %d MiB (上限) を超えています。読み取るには %s に、より大きな MiB 数を設定してください",
			KO: "%s이(가) %d MiB(한도)보다 큽니다. 읽으려면 %s를 더 큰 MiB 수로 설정하세요",
		},
		"cli.explain.limit-env": {
			EN: "%s=%q: want a whole number of MiB from 1 to 1048576",
			JA: "%s=%q: 1 から 1048576 までの整数 (MiB) を指定してください",
			KO: "%s=%q: 1부터 1048576까지의 정수(MiB)를 지정하세요",
		},
		"cli.explain.stdin": {
			EN: "standard input",
			JA: "標準入力",
			KO: "표준 입력",
		},
		"cli.explain.json-cut": {
			EN: "warning: %s starts as JSON at %d:%d that does not close by its end (byte %d): the input looks cut; it was read as text, and what a complete input holds past the cut is not explained",
			JA: "警告: %s は %d:%d から JSON として始まりますが、末尾 (バイト %d) までに閉じていません: 入力が途中で切れているようです。テキストとして読み取りました。切れた先にある内容は説明されません",
			KO: "경고: %s은(는) %d:%d에서 JSON으로 시작하지만 끝(바이트 %d)까지 닫히지 않습니다: 입력이 잘린 것으로 보입니다. 텍스트로 읽었으며, 잘린 뒤의 내용은 설명되지 않습니다",
		},
		"cli.explain.nothing": {
			EN: "nothing to explain: %s",
			JA: "説明するものがありません: %s",
			KO: "설명할 것이 없습니다: %s",
		},
		"cli.explain.directory": {
			EN: "%s is a directory: explain reads a message as an argument, a file, or - for standard input",
			JA: "%s はディレクトリです: explain はメッセージを引数、ファイル、または標準入力 (-) から読み取ります",
			KO: "%s은(는) 디렉터리입니다: explain은 메시지를 인수, 파일 또는 표준 입력(-)에서 읽습니다",
		},
		"cli.explain.no-file": {
			EN: "no file named %q, so it was read as the message",
			JA: "%q という名前のファイルがないため、メッセージとして読み取りました",
			KO: "%q이라는 파일이 없어 메시지로 읽었습니다",
		},
		"cli.explain.no-denial": {
			EN: "no access-denied message found: paste the whole error (the text after \"User:\", the CLI/SDK/Terraform error, the CloudTrail event JSON, the AWS Backup job status message or the output of aws sts decode-authorization-message)",
			JA: "アクセス拒否のメッセージが見つかりません: エラー全体を貼り付けてください (「User:」以降のテキスト、CLI/SDK/Terraform のエラー、CloudTrail イベントの JSON、AWS Backup ジョブのステータスメッセージ、または aws sts decode-authorization-message の出力)",
			KO: "액세스 거부 메시지를 찾을 수 없습니다: 오류 전체를 붙여 넣으세요(\"User:\" 뒤의 텍스트, CLI/SDK/Terraform 오류, CloudTrail 이벤트 JSON, AWS Backup 작업 상태 메시지 또는 aws sts decode-authorization-message의 출력)",
		},
	})
}
