#!/usr/bin/env bash
# Bounded load benchmark of the hub's GraphQL API on the embedded store, over loopback.
# Usage: src/test/scripts/api-bench.sh [people] [reads] [updates] [concurrency]
#        (defaults 200 2000 1000 4)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
	org.onesignin.hub.bench.HubApiBenchmark "$@"
