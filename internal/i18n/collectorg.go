package i18n

// Messages of denied collect --org (package internal/cli, collect.go).
func registerCollectorg(register func(map[string]tr)) {
	register(map[string]tr{
		"collect.org.progress": { // accounts done, accounts, failed, already collected, calls, calls failed, retries
			EN: "collecting the organization: %d/%d accounts done, %d failed, %d already collected; %d calls, %d failed, %d retries",
			JA: "組織を収集中: %d/%d アカウントが完了、失敗 %d、収集済み %d。呼び出し %d 件、失敗 %d 件、再試行 %d 回",
			KO: "조직 수집 중: 계정 %d/%d개 완료, 실패 %d개, 이미 수집됨 %d개; 호출 %d개, 실패 %d개, 재시도 %d회",
		},
		"collect.org.account.done": { // account id, name, calls failed
			EN: "account %s (%s): collected, %d calls failed",
			JA: "アカウント %s (%s): 収集しました。失敗した呼び出し %d 件",
			KO: "계정 %s (%s): 수집했습니다, 실패한 호출 %d개",
		},
		"collect.org.account.resumed": { // account id, name
			EN: "account %s (%s): already collected, skipped (--refresh collects it again)",
			JA: "アカウント %s (%s): 収集済みのためスキップしました (--refresh で再収集します)",
			KO: "계정 %s (%s): 이미 수집되어 건너뛰었습니다 (--refresh로 다시 수집합니다)",
		},
		"collect.org.account.failed": { // account id, name, status, reason
			EN: "account %s (%s): %s: %s",
			JA: "アカウント %s (%s): %s: %s",
			KO: "계정 %s (%s): %s: %s",
		},
		"collect.org.wrote": { // directory, collected, accounts, failed, skipped
			EN: "organization snapshot written to %s: %d of %d accounts collected, %d failed, %d skipped",
			JA: "組織のスナップショットを %s に書き込みました: %d/%d アカウントを収集、失敗 %d、スキップ %d",
			KO: "조직 스냅샷을 %s에 저장했습니다: 계정 %d/%d개 수집, 실패 %d개, 건너뜀 %d개",
		},
		"collect.org.failed": { // accounts failed, index file
			EN: "%d accounts could not be collected; %s lists each with the reason; run the command again to retry them",
			JA: "%d 個のアカウントを収集できませんでした。%s に理由とともに記録されています。コマンドを再実行すると再試行します",
			KO: "계정 %d개를 수집할 수 없습니다. %s에 각 계정이 이유와 함께 기록되어 있습니다. 명령을 다시 실행하면 재시도합니다",
		},
		"collect.org.list": { // the failure
			EN: "the accounts of the organization could not be listed (organizations:ListAccounts: %s): run from the management account or a delegated administrator, with organizations:ListAccounts allowed",
			JA: "組織のアカウントを一覧できませんでした (organizations:ListAccounts: %s): 管理アカウントまたは委任管理者から、organizations:ListAccounts を許可して実行してください",
			KO: "조직의 계정을 나열할 수 없습니다 (organizations:ListAccounts: %s): 관리 계정 또는 위임된 관리자에서 organizations:ListAccounts를 허용한 상태로 실행하세요",
		},
		"collect.org.other": { // directory, organization there, this organization
			EN: "%s holds a snapshot of organization %s, not %s: give another directory",
			JA: "%s には組織 %s のスナップショットがあり、%s のものではありません: 別のディレクトリを指定してください",
			KO: "%s에는 조직 %s의 스냅샷이 있으며 %s의 것이 아닙니다: 다른 디렉터리를 지정하세요",
		},
		"collect.org.interrupted": { // index file
			EN: "interrupted: %s lists the accounts done; run the command again to collect the rest",
			JA: "中断されました: 完了したアカウントは %s に記録されています。コマンドを再実行すると残りを収集します",
			KO: "중단되었습니다: 완료된 계정은 %s에 기록되어 있습니다. 명령을 다시 실행하면 나머지를 수집합니다",
		},
		"collect.org.timeout": { // the --timeout value, index file
			EN: "the collection did not finish within --timeout %s: %s lists the accounts done; run the command again to collect the rest",
			JA: "収集が --timeout %s 以内に終わりませんでした: 完了したアカウントは %s に記録されています。コマンドを再実行すると残りを収集します",
			KO: "수집이 --timeout %s 안에 끝나지 않았습니다: 완료된 계정은 %s에 기록되어 있습니다. 명령을 다시 실행하면 나머지를 수집합니다",
		},
	})
}
