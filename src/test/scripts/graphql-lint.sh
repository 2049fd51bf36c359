#!/usr/bin/env bash
# Loads graphql/*.graphqls and graphql/operations/ with third-party tools (not Spring):
# graphql-eslint's schema-recommended and operations-recommended rules with the hub's house
# style (inline "..." descriptions; value types and payloads carry no id), then graphql-js
# buildSchema + validate of every operation. Needs Node 20 and the npm registry; installs
# pinned versions into a temporary folder, nothing into the repo.
# Usage: src/test/scripts/graphql-lint.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp src/test/scripts/graphql-lint/*.mjs "$work/"
(cd "$work" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund \
	@graphql-eslint/eslint-plugin@4.4.1 eslint@10.16.0 graphql@16.15.0 > /dev/null)
# operation names are camelCase by contract, so that one naming rule is left out
HUB_REPO="$repo" HOUSE=1 "$work/node_modules/.bin/eslint" -c "$work/eslint.config.mjs" \
	--rule '{"@graphql-eslint/naming-convention": "off"}' 'graphql/*.graphqls' 'graphql/operations/**/*.graphql'
echo "graphql-eslint: schema and operations pass"
HUB_REPO="$repo" node "$work/check.mjs"
