#!/usr/bin/env bash
# Bounded load benchmark of the hub on the embedded store, over loopback, with wrk.
# Usage: src/test/scripts/api-bench.sh [people] [seconds] [rounds]
#        (defaults 10000 people, 10 s per measurement, 3 rounds)
# Starts the hub (bench profile, benchmark registry of ten services) on a scratch store,
# seeds the people (2-3 linked services each) and writers (10 each), warms every
# scenario up, then measures each scenario once per round, in turn, with
# `wrk -t1 -c16` (16 connections). Prints each measurement, then per scenario the median
# of the rounds: throughput, p50 and p99 (ms), failed answers, and the hub's RSS
# (MiB, after the scenario; peak at the end). Ends with me/floor.
# Environment:
#   BENCH_JAVA       the hub's JVM (default: the Temurin 25 JDK when present, else java)
#   BENCH_HEAP       its -Xmx (default 768m)
#   BENCH_GC         its collector options (default HUB_GC_OPTIONS below, as the README
#                    recommends; empty for the JVM's defaults)
#   BENCH_JAVA_OPTS  more JVM options (-XX:NativeMemoryTracking=summary, ...)
#   BENCH_HUB_ARGS   more hub arguments (--hub.security.verified-tokens=20000, ...)
#   BENCH_WARMUP     warm-up seconds per scenario (default 10)
#   BENCH_SCENARIOS  a subset of "floor typename me partner support update", in order
#   BENCH_JFR        a file for a JFR profile of the measured rounds
#   BENCH_NMT=1      the JVM's native memory summary at the end (needs the NMT option)
# Runs about 4 minutes with the defaults (a minute of it seeding); ends by itself.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
people="${1:-10000}"
seconds="${2:-10}"
rounds="${3:-3}"
warmup="${BENCH_WARMUP:-10}"
writers=1000
connections=16

if ! command -v wrk >/dev/null; then
	echo "installing wrk (Debian package)" >&2
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
java_bin="${BENCH_JAVA:-}"
if [ -z "$java_bin" ]; then
	java_bin=$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1 || true)
	java_bin="${java_bin:-java}"
fi

# the garbage collector settings the README recommends for the hub (G1 giving back what
# it does not need, trading a little GC time for a heap near the live set)
HUB_GC_OPTIONS="-XX:GCTimeRatio=4 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"

./mvnw -q -B -ntp test-compile -Djacoco.skip=true
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

scratch=$(mktemp -d /tmp/hub-bench-XXXXXX)
# shellcheck disable=SC2086
"$java_bin" -Xmx"${BENCH_HEAP:-768m}" ${BENCH_GC-$HUB_GC_OPTIONS} ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
	org.onesignin.hub.bench.BenchmarkHub "$scratch" "$people" "$writers" $((rounds + 1)) ${BENCH_HUB_ARGS:-} \
	>"$scratch/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true; wait $hub 2>/dev/null || true; rm -rf "$scratch"' EXIT

for _ in $(seq 1 900); do
	[ -f "$scratch/ready" ] && break
	if ! kill -0 "$hub" 2>/dev/null; then
		echo "the hub stopped:" >&2
		tail -50 "$scratch/hub.log" >&2
		exit 1
	fi
	sleep 1
done
[ -f "$scratch/ready" ] || { echo "the hub was not ready within 15 minutes" >&2; exit 1; }
url="http://127.0.0.1:$(cat "$scratch/port")"
grep -h "^seeded" "$scratch/hub.log"
echo "java: $("$java_bin" -version 2>&1 | head -1) -Xmx${BENCH_HEAP:-768m} ${BENCH_GC-$HUB_GC_OPTIONS}"
echo "wrk -t1 -c$connections; ${seconds}s per measurement, $rounds rounds, ${warmup}s of warm-up per scenario"

rss_mib() {
	awk -v field="$1" '$1 == field":" { printf "%.0f", $2 / 1024 }' "/proc/$hub/status"
}

scenarios="${BENCH_SCENARIOS:-floor typename me partner support update}"
script=src/test/scripts/api-bench.lua
results="$scratch/results.txt"

run() { # scenario file seconds
	wrk -t1 -c"$connections" -d"$3"s --timeout 10s -s "$script" "$url" -- "$1" "$2" | grep '^RESULT' | sed 's/^RESULT //'
}

for scenario in $scenarios; do
	file="$scratch/$scenario.tsv"
	[ "$scenario" = update ] && file="$scratch/update-0.tsv"
	run "$scenario" "$file" "$warmup" >/dev/null
done

jcmd_bin="$(dirname "$(readlink -f "$(command -v "$java_bin")")")/jcmd"
if [ -n "${BENCH_JFR:-}" ]; then
	"$jcmd_bin" "$hub" JFR.start name=bench settings=profile >/dev/null
fi

for round in $(seq 1 "$rounds"); do
	for scenario in $scenarios; do
		file="$scratch/$scenario.tsv"
		[ "$scenario" = update ] && file="$scratch/update-$round.tsv"
		line="$(run "$scenario" "$file" "$seconds") rss_mib=$(rss_mib VmRSS)"
		echo "round $round $scenario $line"
		echo "$scenario $line" >>"$results"
	done
done

if [ -n "${BENCH_JFR:-}" ]; then
	"$jcmd_bin" "$hub" JFR.stop name=bench filename="$BENCH_JFR" >/dev/null
	echo "profile of the measured rounds: $BENCH_JFR (jfr view hot-methods $BENCH_JFR)"
fi

echo
echo "medians of $rounds rounds (hub $people people + $((writers * (rounds + 1))) writers):"
printf '%-9s %8s %8s %8s %7s %8s\n' scenario req/s p50_ms p99_ms failed rss_mib
for scenario in $scenarios; do
	grep "^$scenario " "$results" | awk -v s="$scenario" '
		function median(values, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
			return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
		}
		{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1], NR] = kv[2] } n = NR }
		END {
			for (i = 1; i <= n; i++) { r[i] = v["req_s", i]; p5[i] = v["p50_ms", i]; p9[i] = v["p99_ms", i]; rs[i] = v["rss_mib", i]; fl += v["failed", i] + v["socket_errors", i] }
			printf "%-9s %8.0f %8.2f %8.2f %7d %8.0f\n", s, median(r, n), median(p5, n), median(p9, n), fl, median(rs, n)
		}'
done
echo "peak_rss_mib=$(rss_mib VmHWM)"
"$jcmd_bin" "$hub" GC.run >/dev/null
"$jcmd_bin" "$hub" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "heap_after_gc_mib=%.0f ", v / 1024; break } }
	/committed/ { for (i = 1; i <= NF; i++) if ($i == "committed") { v = $(i + 1); sub(/K,?/, "", v); printf "heap_committed_mib=%.0f\n", v / 1024; exit } }'
echo "rss_after_gc_mib=$(rss_mib VmRSS)"
if [ -n "${BENCH_NMT:-}" ]; then
	"$jcmd_bin" "$hub" VM.native_memory summary | grep -E "^-|committed=" | grep -E "^-" | sed 's/^-  *//' | awk '{ print "  " $0 }'
fi
floor=$(grep '^floor ' "$results" | sed 's/.*req_s=\([0-9]*\).*/\1/' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
me=$(grep '^me ' "$results" | sed 's/.*req_s=\([0-9]*\).*/\1/' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
if [ -n "$me" ] && [ -n "$floor" ]; then
	awk -v me="$me" -v floor="$floor" 'BEGIN { printf "me/floor=%.2f\n", me / floor }'
fi
