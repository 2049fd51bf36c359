#!/usr/bin/env bash
# Measures the embedded store's write cost per durability mode.
# Usage: src/test/scripts/embedded-store-bench.sh [operations-per-mode]   (default 2000)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
	org.onesignin.hub.embeddedstore.EmbeddedStoreWriteBenchmark "$@"
