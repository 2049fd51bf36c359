#!/usr/bin/env bash
# Bounded load benchmark of the PEER system, Keycloak's account REST API, measured the way
# api-bench.sh measures the hub: over loopback, with `wrk -t1 -c16`, one bearer token per
# request in turn, so that "hub me / keycloak account" can be read as a ratio on one machine.
# Usage: src/test/scripts/keycloak-bench.sh [users] [seconds] [rounds]
#        (defaults 1000 users, 10 s per measurement, 3 rounds)
# Downloads Keycloak's server distribution (org.keycloak:keycloak-quarkus-dist, zip) once from
# Maven Central, checks its SHA-1 and keeps it, unpacked, in KC_HOME_CACHE; the first run also
# keeps there the result of Keycloak's one-off dev-mode build (augmentation, ~30-60 s), so later
# runs neither download nor rebuild. Each run copies that home into a scratch directory (with
# Keycloak's embedded dev-file H2 database), runs `kc.sh start-dev` on 127.0.0.1 on a free port,
# and removes the scratch directory and stops the server at exit.
# Set-up through the admin REST API (bootstrap admin): a realm `bench` (access tokens of 1 hour;
# password hashing cut to 1 iteration to keep set-up short; it is not on the measured path), a
# public client `bench` with the direct-access (password) grant, and the users, with first and
# last names and e-mails, each with the realm's default roles (account: manage-account,
# view-profile). Then one access token per user (password grant), one checked request, a
# warm-up, and `rounds` measurements of GET /realms/bench/account (Accept: application/json);
# an answer counts as failed unless it is HTTP 200 with the profile ("username") in its body.
# Prints each measurement, then the median of the rounds: throughput, p50 and p99 (ms), and
# Keycloak's RSS (MiB, VmRSS of its java process after the measurement; peak at the end).
# Bounded in time: start-up waits at most 10 minutes, every set-up request has a time limit,
# every wrk run its duration; a default run takes about 3 minutes (the first one about 1 more).
# Knobs: KC_VERSION (default 26.7.3), KC_HOME_CACHE (default ~/.cache/keycloak-bench),
# KC_JAVA_HOME (default the Temurin 25 JDK when present, else JAVA_HOME), JAVA_OPTS_KC_HEAP
# (default -Xmx768m, as the hub's BENCH_HEAP) or JAVA_OPTS (replaces all of kc.sh's JVM options),
# KC_WARMUP (warm-up seconds, default 60), KC_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD (default
# admin / a random password).
set -euo pipefail

users="${1:-1000}"
seconds="${2:-10}"
rounds="${3:-3}"
warmup="${KC_WARMUP:-60}"
version="${KC_VERSION:-26.7.3}"
cache="${KC_HOME_CACHE:-$HOME/.cache/keycloak-bench}"
connections=16
password="bench-password"

if ! command -v wrk >/dev/null; then
	echo "installing wrk (Debian package)" >&2
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
for tool in curl jq unzip sha1sum ss; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if [ -n "${KC_JAVA_HOME:-}" ]; then
	export JAVA_HOME="$KC_JAVA_HOME"
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -n "${JAVA_HOME:-}" ] || { echo "set KC_JAVA_HOME (no Temurin 25 JDK found)" >&2; exit 1; }
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xmx768m}"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')}"

# --- Keycloak's distribution, downloaded and unpacked once -----------------------------------
home_cache="$cache/keycloak-$version"
if [ ! -x "$home_cache/bin/kc.sh" ]; then
	mkdir -p "$cache"
	zip="$cache/keycloak-quarkus-dist-$version.zip"
	base="https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip"
	if [ ! -f "$zip" ]; then
		echo "downloading Keycloak $version from Maven Central" >&2
		curl -sSfL --retry 3 --max-time 900 -o "$zip.part" "$base"
		expected=$(curl -sSfL --retry 3 --max-time 60 "$base.sha1" | awk '{ print $1 }')
		actual=$(sha1sum "$zip.part" | awk '{ print $1 }')
		[ "$expected" = "$actual" ] || { echo "SHA-1 mismatch for $base" >&2; rm -f "$zip.part"; exit 1; }
		mv "$zip.part" "$zip"
	fi
	unpack=$(mktemp -d "$cache/unpack-XXXXXX")
	unzip -q "$zip" -d "$unpack"
	rm -rf "$home_cache"
	mv "$unpack/keycloak-$version" "$home_cache"
	rm -rf "$unpack"
fi

# --- a private copy of the home (its data/ holds the dev database), a free port, start-up -----
scratch=$(mktemp -d /tmp/keycloak-bench-XXXXXX)
kc=""
java_pid=""
stop() {
	if [ -n "$kc" ]; then
		# kc.sh forwards TERM to its java child (or is java itself after a rebuild's exec)
		kill -TERM "$kc" 2>/dev/null || true
		[ -n "$java_pid" ] && kill -TERM "$java_pid" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$kc" 2>/dev/null || { [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; } || break
			sleep 1
		done
		kill -KILL "$kc" $java_pid 2>/dev/null || true
		wait "$kc" 2>/dev/null || true
	fi
	rm -rf "$scratch"
}
trap stop EXIT
trap 'exit 130' INT TERM

cp -a "$home_cache" "$scratch/keycloak"
rm -rf "$scratch/keycloak/data"

free_port() {
	local port used
	used=$(ss -Htln | awk '{ n = split($4, a, ":"); print a[n] }')
	for _ in $(seq 1 100); do
		port=$((20000 + RANDOM % 12000))
		grep -qx "$port" <<<"$used" || { echo "$port"; return; }
	done
	echo "no free port found" >&2
	return 1
}
port=$(free_port)
url="http://127.0.0.1:$port"

"$scratch/keycloak/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" >"$scratch/keycloak.log" 2>&1 &
kc=$!
for _ in $(seq 1 600); do
	curl -sf -o /dev/null --max-time 5 "$url/realms/master" && break
	if ! kill -0 "$kc" 2>/dev/null; then
		echo "Keycloak stopped:" >&2
		tail -50 "$scratch/keycloak.log" >&2
		exit 1
	fi
	sleep 1
done
curl -sf -o /dev/null --max-time 5 "$url/realms/master" || { echo "Keycloak was not ready within 10 minutes" >&2; tail -50 "$scratch/keycloak.log" >&2; exit 1; }
grep -h "started in" "$scratch/keycloak.log" | sed 's/^.*\] ([^)]*) //' || true

# kc.sh runs java as its child, or execs it (same pid) after a rebuild
java_exe=$(readlink -f "$JAVA_HOME/bin/java")
for pid in "$kc" $(pgrep -P "$kc" || true); do
	[ "$(readlink "/proc/$pid/exe" || true)" = "$java_exe" ] && java_pid=$pid
done
[ -n "$java_pid" ] || { echo "no java process under kc.sh ($kc)" >&2; exit 1; }

if grep -q "Updating the configuration" "$scratch/keycloak.log"; then
	# keep the dev-mode build, so that later runs start without it
	rm -rf "$home_cache/lib/quarkus.new"
	cp -a "$scratch/keycloak/lib/quarkus" "$home_cache/lib/quarkus.new"
	rm -rf "$home_cache/lib/quarkus"
	mv "$home_cache/lib/quarkus.new" "$home_cache/lib/quarkus"
	echo "kept Keycloak's dev-mode build in $home_cache" >&2
fi

# --- realm, client, users, tokens ------------------------------------------------------------
admin_token() {
	curl -sSf --max-time 60 -d grant_type=password -d client_id=admin-cli \
		--data-urlencode "username=$KC_BOOTSTRAP_ADMIN_USERNAME" --data-urlencode "password=$KC_BOOTSTRAP_ADMIN_PASSWORD" \
		"$url/realms/master/protocol/openid-connect/token" | jq -r .access_token
}
admin() { # method path [json file]
	local args=(-sS --max-time 900 -X "$1" -H "Authorization: Bearer $(admin_token)" -o "$scratch/admin.out" -w '%{http_code}')
	[ $# -gt 2 ] && args+=(-H "Content-Type: application/json" --data-binary "@$3")
	local status
	status=$(curl "${args[@]}" "$url/admin/realms$2")
	case "$status" in
		2??) ;;
		*) echo "$1 /admin/realms$2 answered HTTP $status: $(head -c 300 "$scratch/admin.out")" >&2; return 1 ;;
	esac
}

setup_start=$(date +%s)
jq -n '{realm: "bench", enabled: true, accessTokenLifespan: 3600, ssoSessionIdleTimeout: 36000,
	ssoSessionMaxLifespan: 36000, passwordPolicy: "hashIterations(1)",
	clients: [{clientId: "bench", publicClient: true, directAccessGrantsEnabled: true, standardFlowEnabled: false}]}' \
	>"$scratch/realm.json"
admin POST "" "$scratch/realm.json"
batch=500
for first in $(seq 1 "$batch" "$users"); do
	last=$((first + batch - 1))
	[ "$last" -gt "$users" ] && last=$users
	seq "$first" "$last" | jq -n --arg password "$password" '{ifResourceExists: "FAIL", users: [inputs | {
		username: "user\(.)", enabled: true, firstName: "First\(.)", lastName: "Last\(.)",
		email: "user\(.)@bench.example", emailVerified: true, realmRoles: ["default-roles-bench"],
		credentials: [{type: "password", value: $password, temporary: false}]}]}' >"$scratch/users.json"
	admin POST /bench/partialImport "$scratch/users.json"
done

mkdir "$scratch/tokens"
for i in $(seq 1 "$users"); do
	[ "$i" -gt 1 ] && echo next
	printf 'url = "%s/realms/bench/protocol/openid-connect/token"\ndata = "grant_type=password&client_id=bench&username=user%d&password=%s"\noutput = "%s/tokens/%d.json"\nfail\nmax-time = 60\n' \
		"$url" "$i" "$password" "$scratch" "$i"
done >"$scratch/tokens.curl"
curl --no-progress-meter --parallel --parallel-max 4 -K "$scratch/tokens.curl"
find "$scratch/tokens" -name '*.json' -print0 | xargs -0 jq -r .access_token >"$scratch/tokens.txt"
rm -rf "$scratch/tokens" "$scratch/tokens.curl" "$scratch/users.json"
got=$(grep -c '^ey' "$scratch/tokens.txt" || true)
[ "$got" -eq "$users" ] || { echo "got $got access tokens for $users users" >&2; exit 1; }

check=$(curl -sS --max-time 30 -w '\n%{http_code}' -H "Authorization: Bearer $(head -1 "$scratch/tokens.txt")" \
	-H "Accept: application/json" "$url/realms/bench/account")
status=$(tail -1 <<<"$check")
body=$(sed '$d' <<<"$check")
if [ "$status" != 200 ] || ! jq -e '.username and .email and .firstName and .lastName' >/dev/null <<<"$body"; then
	echo "GET /realms/bench/account answered HTTP $status: ${body:0:300}" >&2
	exit 1
fi
echo "seeded $users users with tokens in $(($(date +%s) - setup_start)) s; GET /realms/bench/account: HTTP 200, $(jq -c '{username, firstName, lastName, email}' <<<"$body")"
echo "keycloak $version; java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); heap: ${JAVA_OPTS:-$JAVA_OPTS_KC_HEAP}; wrk -t1 -c$connections; ${seconds}s per measurement, $rounds rounds after ${warmup}s warm-up"

# --- measurement -----------------------------------------------------------------------------
# the hub's wrk script, in its keycloak scenario: GET /realms/bench/account with each
# token in turn; an answer fails unless it is HTTP 200 with the profile ("username")
script="$(dirname "${BASH_SOURCE[0]}")/api-bench.lua"

rss_mib() {
	awk -v field="$1" '$1 == field":" { printf "%.0f", $2 / 1024 }' "/proc/$java_pid/status"
}
run() { # seconds
	wrk -t1 -c"$connections" -d"$1"s --timeout 10s -s "$script" "$url" -- keycloak "$scratch/tokens.txt" | grep '^RESULT' | sed 's/^RESULT //'
}

run "$warmup" >/dev/null
results="$scratch/results.txt"
for round in $(seq 1 "$rounds"); do
	line="$(run "$seconds") rss_mib=$(rss_mib VmRSS)"
	echo "round $round keycloak $line"
	echo "keycloak $line" >>"$results"
done

echo
echo "median of $rounds rounds (keycloak $version, $users users):"
awk '
	function median(values, n,   i, j, t) {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
		return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
	}
	{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1], NR] = kv[2] } n = NR }
	END {
		for (i = 1; i <= n; i++) { r[i] = v["req_s", i]; p5[i] = v["p50_ms", i]; p9[i] = v["p99_ms", i]; rs[i] = v["rss_mib", i]; fl += v["failed", i] + v["socket_errors", i] }
		printf "keycloak req/s=%.0f p50_ms=%.2f p99_ms=%.2f rss_mib=%.0f failed=%d\n", median(r, n), median(p5, n), median(p9, n), median(rs, n), fl
	}' "$results"
echo "peak_rss_mib=$(rss_mib VmHWM)"
