#!/usr/bin/env bash
# Times failed sign-ins against a running demo hub (default http://localhost:8080) for an
# unknown email, a closed identity and an active one (median of N each, interleaved), to
# show that a refusal's time does not tell them apart; then the answer to
# requestPasswordReset for N fresh verified addresses and N unknown ones (each asked once,
# interleaved), which must not tell them apart either. Wrong passwords lock the two
# identities (and, after 20, this client address) for 15 minutes: every refusal still
# checks a password hash, so the timing holds, but run it against a hub you can spare.
# Usage: src/test/scripts/sign-in-timing.sh [hub-url] [N]      (needs curl and python3)
set -euo pipefail
HUB=${1:-http://localhost:8080}
N=${2:-50}
RUN="timing-$(date +%s)-$RANDOM"
PASSWORD="a timing passphrase 1"

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
gql() { # token, query
	python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$2" \
		| curl -sf "$HUB/graphql" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d @-
}
MY_SONY=$(curl -sf -u my-sony:my-sony-secret -d grant_type=client_credentials "$HUB/oauth2/token" | json '["access_token"]')
register() { # email; my-sony asserts it verified the address (the registry trusts it to)
	gql "$MY_SONY" "mutation { registerAccount(input: {email: \"$1\", password: \"$PASSWORD\", serviceAccountId: \"$RUN-$1\", basicDetails: {givenName: \"Timing\"}, emailVerified: true}) { account { id } errors { code } } }" >/dev/null
}
ACTIVE="$RUN-active@example.com"; CLOSED="$RUN-closed@example.com"; UNKNOWN="$RUN-unknown@example.com"
register "$ACTIVE"; register "$CLOSED"
CLOSED_ID=$(gql "$(curl -sf -d client_id=account-pages -d username="$CLOSED" --data-urlencode password="$PASSWORD" "$HUB/local/token" | json '["access_token"]')" '{ me { id } }' | json '["data"]["me"]["id"]')
gql "$MY_SONY" "mutation { cancelServiceAccount(input: {accountId: \"$CLOSED_ID\", serviceId: \"my-sony\"}) { errors { code } } }" >/dev/null
PAGES=$(curl -sf -d client_id=account-pages -d username="$CLOSED" --data-urlencode password="$PASSWORD" "$HUB/local/token" | json '["access_token"]')
gql "$PAGES" 'mutation { closeAccount(input: {}) { account { status } errors { code } } }' | grep -q CLOSED

python3 - "$HUB" "$N" "$UNKNOWN" "$CLOSED" "$ACTIVE" <<'PY'
import statistics, subprocess, sys
hub, n, emails = sys.argv[1], int(sys.argv[2]), dict(zip(("unknown", "closed", "active"), sys.argv[3:6]))
times = {kind: [] for kind in emails}
for _ in range(n):
    for kind, email in emails.items():
        out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                              "-d", "client_id=account-pages", "--data-urlencode", "username=" + email,
                              "--data-urlencode", "password=not the password", hub + "/local/token"],
                             capture_output=True, text=True).stdout.split()
        assert out[0] == "400", out
        times[kind].append(float(out[1]) * 1000)
for kind, values in times.items():
    q = statistics.quantiles(values, n=4)
    print(f"failed sign-in, {kind:7} identity: median {statistics.median(values):6.1f} ms  (quartiles {q[0]:.1f}-{q[2]:.1f} ms, n={len(values)})")
PY

KNOWN=()
for i in $(seq 1 "$N"); do KNOWN+=("$RUN-reset-$i@example.com"); register "$RUN-reset-$i@example.com"; done
python3 - "$HUB" "$RUN" "${KNOWN[@]}" <<'PY'
import json, statistics, subprocess, sys, time
hub, run, known = sys.argv[1], sys.argv[2], sys.argv[3:]
query = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { errors { code } } }"
times = {"known": [], "unknown": []}
for i, address in enumerate(known):
    for kind, email in (("known", address), ("unknown", f"{run}-nobody-{i}@example.com")):
        body = json.dumps({"query": query, "variables": {"i": {"email": email}}})
        out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                              "-H", "Content-Type: application/json", "-d", body, hub + "/graphql"],
                             capture_output=True, text=True).stdout.split()
        assert out[0] == "200", out
        times[kind].append(float(out[1]) * 1000)
        time.sleep(0.15)  # under the anonymous rate limit (10 a second)
for kind, values in times.items():
    q = statistics.quantiles(values, n=4)
    print(f"requestPasswordReset, {kind:7} address: median {statistics.median(values):6.1f} ms  (quartiles {q[0]:.1f}-{q[2]:.1f} ms, n={len(values)})")
PY
