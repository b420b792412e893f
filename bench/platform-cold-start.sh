#!/usr/bin/env bash
# Issue 2 benchmark: cold start to ready on the embedded default, seeded.
# Builds the runnable jar and extracts it (Spring Boot's recommended layout for running), then for each
# way of starting it — plain `java -jar`, and with a class-data-sharing archive (AppCDS) made once by a
# training run that is not timed — starts it N times on a fresh SOTONG_HOME (first start: initdb,
# migrations, seed) and once more on the same home (restart), timing until
# /actuator/health/readiness answers 200 (readiness waits for the initial data).
# Usage: bench/platform-cold-start.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -B package -DskipTests
jar=$(ls target/sotong-*.jar | grep -v original | head -1)
work=$(mktemp -d /tmp/sotong-cold-XXXX)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=$(ls "$work"/app/sotong-*.jar)
password() { echo "Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-9"; }
port=18080
measure() { # home, java options...
  local home=$1; shift
  local start=$(date +%s%N)
  SOTONG_HOME=$home SOTONG_ADMIN_INITIAL_PASSWORD="$(password)" java "$@" -jar "$app" --server.port=$port \
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
# training run for the CDS archive (not timed): starts the context once and exits
SOTONG_HOME="$work/train" SOTONG_ADMIN_INITIAL_PASSWORD="$(password)" java -XX:ArchiveClassesAtExit="$work/app.jsa" \
  -Dspring.context.exit=onRefresh -jar "$app" --server.port=$port --logging.level.root=WARN >"$work/train.log" 2>&1
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  for mode in plain cds; do
    opts=(); [ $mode = cds ] && opts=(-XX:SharedArchiveFile="$work/app.jsa")
    home="$work/home-$i-$mode"
    first=$(measure "$home" "${opts[@]}")
    again=$(measure "$home" "${opts[@]}")
    echo "run $i ($mode): fresh home (initdb+migrate+seed) ${first} ms, restart ${again} ms"
    rm -rf "$home" "$home.log"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
