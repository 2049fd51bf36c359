#!/usr/bin/env bash
# The end-to-end journey against a running hub (default http://localhost:8080):
# register through playstation-network, confirm the address with the link the hub mailed
# (the demo writes mails as .eml files under ./data/mail of the hub's working directory),
# link sony-music with the person's token obtained
# through the sony-music client, change the given name as owner, read the sony-music feed
# with its partner token, acknowledge it, and show the link IN_SYNC.
# Usage: src/test/scripts/journey.sh [hub-url] [mail-dir]     (needs curl and python3)
set -euo pipefail
HUB=${1:-http://localhost:8080}
MAIL_DIR=${2:-./data/mail}
EMAIL="journey-$(date +%s)@example.com"
PASSWORD="a long journey password"

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
partner_token() { curl -sf -u "$1:$1-secret" -d grant_type=client_credentials "$HUB/oauth2/token" | json '["access_token"]'; }
# a partner's own client is confidential: /local/token wants its (demo) secret too; a
# public client (the account pages) has none
person_token() {
	local auth=(-u "$1:$1-secret")
	case "$1" in account-pages | support-console) auth=() ;; esac
	curl -sf "${auth[@]}" -d client_id="$1" --data-urlencode username="$EMAIL" --data-urlencode password="$PASSWORD" "$HUB/local/token" | json '["access_token"]'
}
gql() { # token, query, variables-json; fails on any GraphQL or payload error
	python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' "$2" "${3:-{\}}" \
		| curl -sf "$HUB/graphql" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d @- \
		| python3 -c '
import json, sys
body = json.load(sys.stdin)
problems = body.get("errors") or [e for v in (body.get("data") or {}).values() if isinstance(v, dict) for e in v.get("errors", [])]
if problems:
    sys.exit("journey: refused: " + json.dumps(problems))
print(json.dumps(body))'
}
show() { echo; echo "== $1"; python3 -m json.tool; }

PSN=$(partner_token playstation-network)
gql "$PSN" 'mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { account { id revision } errors { code field message } } }' \
	"{\"i\": {\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\", \"serviceAccountId\": \"psn-$RANDOM\", \"basicDetails\": {\"givenName\": \"Ada\", \"familyName\": \"Lovelace\", \"country\": \"GB\"}}}" \
	| tee /tmp/journey-register.json | show "registerAccount through playstation-network"

# the hub mailed a confirmation link: until it is followed (with the password), the new
# identity cannot sign in or link a second service
LINK=""
for _ in $(seq 1 50); do
	LINK=$(grep -l "To: $EMAIL" "$MAIL_DIR"/*.eml 2>/dev/null | head -n 1 | xargs -r grep -ho 'http[^ "<>]*/sign-in/confirm-email?token=[A-Za-z0-9_-]*' | head -n 1 || true)
	[ -n "$LINK" ] && break
	sleep 0.2
done
[ -n "$LINK" ] || { echo "journey: no confirmation mail for $EMAIL in $MAIL_DIR" >&2; exit 1; }
echo; echo "== the confirmation link mailed to $EMAIL (in $MAIL_DIR)"; echo "$LINK"
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT
# the link names the hub's public URL (hub.public-url, by default the issuer's); this
# script talks to the hub it was given
PAGE="$HUB/sign-in/confirm-email?token=${LINK#*token=}"
CSRF=$(curl -sf -c "$JAR" -b "$JAR" "$PAGE" | python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -c "$JAR" -b "$JAR" "$HUB/sign-in/confirm-email" --data-urlencode "token=${LINK#*token=}" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" | grep -q 'Address confirmed' \
	|| { echo "journey: the confirmation was refused" >&2; exit 1; }
echo "confirmed on $HUB/sign-in/confirm-email with the password"

MUSIC_USER=$(person_token sony-music)
gql "$MUSIC_USER" 'mutation { linkServiceAccount(input: {serviceId: "sony-music", serviceAccountId: "sm-'"$RANDOM$RANDOM"'"}) { account { revision linkedAccounts { service { id } serviceAccountId syncState } } errors { code message } } }' \
	| show "linkServiceAccount sony-music (person's token through the sony-music client)"

PAGES=$(person_token account-pages)
REVISION=$(gql "$PAGES" '{ me { revision } }' | json '["data"]["me"]["revision"]')
gql "$PAGES" 'mutation($r: Int!) { updateBasicDetails(input: {expectedRevision: $r, givenName: "Augusta Ada"}) { account { revision basicDetails { givenName } } errors { code message } } }' "{\"r\": $REVISION}" \
	| show "updateBasicDetails as owner (expectedRevision $REVISION)"

MUSIC=$(partner_token sony-music)
gql "$MUSIC" '{ serviceChanges(serviceId: "sony-music", first: 100) { edges { cursor node { type revision changedFields data } } } }' \
	| tee /tmp/journey-feed.json | show "sony-music feed (partner token)"
LAST=$(json '["data"]["serviceChanges"]["edges"][-1]["cursor"]' < /tmp/journey-feed.json)

gql "$MUSIC" 'mutation($c: String!) { acknowledgeServiceChanges(input: {serviceId: "sony-music", upTo: $c}) { acknowledgedUpTo errors { code message } } }' "{\"c\": \"$LAST\"}" \
	| show "acknowledgeServiceChanges up to the last cursor"

gql "$PAGES" '{ me { revision linkedAccounts { service { id } syncState acknowledgedRevision } } }' \
	| show "sync state seen by the owner"
