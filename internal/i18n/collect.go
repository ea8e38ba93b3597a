package i18n

// Messages of denied collect (package internal/cli, collect.go).
func init() {
	register(map[string]map[Lang]string{
		"collect.progress": { // calls done, calls started
			EN: "collecting: %d/%d calls",
			JA: "収集中: %d/%d 件の呼び出し",
			KO: "수집 중: %d/%d개 호출",
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
