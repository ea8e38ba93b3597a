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
		"cli.explain.reading": {
			EN: "reading the input: %v",
			JA: "入力を読み取れません: %v",
			KO: "입력을 읽을 수 없습니다: %v",
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
