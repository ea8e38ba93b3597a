package i18n

// Messages of denied collect (package internal/cli, collect.go).
func registerCollect(register func(map[string]tr)) {
	register(map[string]tr{
		"collect.progress": { // calls done, calls started, calls failed, retries
			EN: "collecting: %d/%d calls done, %d failed, %d retries",
			JA: "収集中: %d/%d 件の呼び出しが完了、失敗 %d 件、再試行 %d 回",
			KO: "수집 중: 호출 %d/%d개 완료, 실패 %d개, 재시도 %d회",
		},
		"collect.retrying": { // service, call, region, attempt, error
			EN: "retrying %s:%s in %s (attempt %d) after: %s",
			JA: "%s:%s (%s) を再試行しています (%d 回目の試行)。直前の失敗: %s",
			KO: "%s:%s(%s) 재시도 중 (%d번째 시도), 직전 실패: %s",
		},
		"collect.interrupted": {
			EN: "interrupted: no snapshot was written",
			JA: "中断されました: スナップショットは書き込まれていません",
			KO: "중단되었습니다: 스냅샷을 저장하지 않았습니다",
		},
		"collect.timeout": { // the --timeout value, calls done, calls started
			EN: "the collection did not finish within --timeout %s (%d of %d calls done): no snapshot was written",
			JA: "収集が --timeout %s 以内に終わりませんでした (%d/%d 件の呼び出しが完了): スナップショットは書き込まれていません",
			KO: "수집이 --timeout %s 안에 끝나지 않았습니다 (호출 %d/%d개 완료): 스냅샷을 저장하지 않았습니다",
		},
		"collect.unreachable": { // the failure
			EN: "AWS could not be reached: sts:GetCallerIdentity got no answer (%s); check the endpoint (AWS_ENDPOINT_URL*, the profile's endpoint_url), the region, the network and proxy settings",
			JA: "AWS に接続できませんでした: sts:GetCallerIdentity に応答がありません (%s)。エンドポイント (AWS_ENDPOINT_URL*、プロファイルの endpoint_url)、リージョン、ネットワークとプロキシの設定を確認してください",
			KO: "AWS에 연결할 수 없습니다: sts:GetCallerIdentity에 응답이 없습니다 (%s). 엔드포인트(AWS_ENDPOINT_URL*, 프로필의 endpoint_url), 리전, 네트워크와 프록시 설정을 확인하세요",
		},
		"collect.step": { // service, resources read
			EN: "%s: %d resources read",
			JA: "%s: %d 件のリソースを読み取りました",
			KO: "%s: 리소스 %d개를 읽었습니다",
		},
		"collect.step.region": { // service, region, resources read
			EN: "%s (%s): %d resources read",
			JA: "%s (%s): %d 件のリソースを読み取りました",
			KO: "%s (%s): 리소스 %d개를 읽었습니다",
		},
		"collect.unreadable": { // service, call, error
			EN: "could not read %s:%s: %s",
			JA: "%s:%s を読み取れませんでした: %s",
			KO: "%s:%s을(를) 읽을 수 없습니다: %s",
		},
		"collect.unreadable.region": { // service, call, region, error
			EN: "could not read %s:%s in %s: %s",
			JA: "%s:%s (%s) を読み取れませんでした: %s",
			KO: "%s:%s(%s)을(를) 읽을 수 없습니다: %s",
		},
		"collect.partial": { // number of calls
			EN: "the snapshot is partial: %d calls failed; they are listed under \"unreadable\" in it",
			JA: "スナップショットは不完全です: %d 件の呼び出しが失敗しました。スナップショットの \"unreadable\" に記録されています",
			KO: "스냅샷이 불완전합니다: 호출 %d개가 실패했으며 스냅샷의 \"unreadable\"에 기록되어 있습니다",
		},
		"collect.nothing": {
			EN: "nothing could be read: check the AWS credentials, region and permissions",
			JA: "何も読み取れませんでした: AWS の認証情報、リージョン、アクセス許可を確認してください",
			KO: "아무것도 읽을 수 없습니다: AWS 자격 증명, 리전, 권한을 확인하세요",
		},
		"collect.no-account": {
			EN: "the account id could not be determined (sts:GetCallerIdentity failed and nothing read names it)",
			JA: "アカウント ID を特定できませんでした (sts:GetCallerIdentity が失敗し、読み取った内容にも含まれていません)",
			KO: "계정 ID를 확인할 수 없습니다 (sts:GetCallerIdentity가 실패했고 읽은 내용에도 없습니다)",
		},
		"collect.wrote": { // file name
			EN: "snapshot written to %s",
			JA: "スナップショットを %s に書き込みました",
			KO: "스냅샷을 %s에 저장했습니다",
		},
	})
}
