#!/usr/bin/env bash
# Issue 2 benchmark: cold start to ready on the embedded default, seeded.
# Builds the runnable jar, then starts it N times on a fresh SOTONG_HOME (first start: initdb, migrations,
# seed) and N times on the same home (restart), timing until /actuator/health/readiness answers 200.
# Usage: bench/platform-cold-start.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -B package -DskipTests
jar=$(ls target/sotong-*.jar | grep -v original | head -1)
port=18080
measure() {
  local home=$1
  local start=$(date +%s%N)
  SOTONG_HOME=$home SOTONG_ADMIN_INITIAL_PASSWORD=Sotong-bench-2025 java -jar "$jar" --server.port=$port \
    --logging.level.root=WARN >"$home.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "app died, see $home.log" >&2; exit 1; fi
    sleep 0.1
  done
  local end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d /tmp/sotong-cold-XXXX)
  first=$(measure "$home")
  again=$(measure "$home")
  echo "run $i: fresh home (initdb+migrate+seed) ${first} ms, restart ${again} ms"
  rm -rf "$home" "$home.log"
done
