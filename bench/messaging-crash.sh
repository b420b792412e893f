#!/usr/bin/env bash
# Crash test of the messaging delivery engine: dispatch a bulletin to 37,317 recipients through a local
# stub gateway (a separate process that outlives the app), SIGKILL the application in the middle of the
# dispatch, restart it on the same SOTONG_HOME, wait until the bulletin is sent, and check in the stub's
# ledger that every recipient was delivered exactly once (0 lost, 0 duplicate).
#   bench/messaging-crash.sh [kill-after-deliveries=12000]
set -euo pipefail
cd "$(dirname "$0")/.."
KILL_AFTER=${1:-12000}
N=37317
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
WORK=$(mktemp -d /tmp/sotong-crash-XXXXXX)
LEDGER="$WORK/ledger.csv"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
STUB_PID=""; APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null || true
}
trap cleanup EXIT

java -cp "$CP" kr.sotong.messaging.StubGateway "$PORT" bench-key bench-secret "$LEDGER" > "$WORK/stub.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 1 120); do [ -f "$LEDGER" ] && break; sleep 0.5; done
echo "work dir: $WORK (stub pid $STUB_PID, port $PORT)"

java ${BENCH_JAVA_OPTS:-} -cp "$CP" kr.sotong.bench.messaging.CrashApp "$WORK/home" "http://127.0.0.1:$PORT" > "$WORK/app1.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + 600))
while :; do
  lines=0; [ -f "$LEDGER" ] && lines=$(wc -l < "$LEDGER")
  if [ "$lines" -ge "$KILL_AFTER" ]; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "app exited before the kill point"; cat "$WORK/app1.log" | tail -20; exit 1; fi
  if [ $SECONDS -ge $deadline ]; then echo "timeout waiting for deliveries"; exit 1; fi
  sleep 0.05
done
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
at_kill=$(wc -l < "$LEDGER")
echo "SIGKILL after $at_kill deliveries"
APP_PID=""

java ${BENCH_JAVA_OPTS:-} -cp "$CP" kr.sotong.bench.messaging.CrashApp "$WORK/home" "http://127.0.0.1:$PORT" > "$WORK/app2.log" 2>&1 &
APP_PID=$!
if ! timeout 900 bash -c "while kill -0 $APP_PID 2>/dev/null; do sleep 1; done"; then echo "restarted app did not finish"; exit 1; fi
wait "$APP_PID" || { echo "restarted app failed"; tail -30 "$WORK/app2.log"; exit 1; }
APP_PID=""
grep -E "RESUMING|DONE" "$WORK/app2.log" | sed 's/^/app: /'
stats=$(curl -s "http://127.0.0.1:$PORT/_stats")
total=$(grep -c '^b' "$LEDGER")
unique_recipients=$(grep '^b' "$LEDGER" | cut -d, -f2 | sort -u | wc -l)
dup=$((total - unique_recipients))
lost=$((N - unique_recipients))
echo "stub: $stats"
echo "deliveries in ledger: $total, distinct recipients: $unique_recipients of $N"
echo "RESULT: lost=$lost duplicate=$dup (re-submissions after the crash answered DUPLICATE by the gateway: see stub duplicates)"
if [ "$lost" -eq 0 ] && [ "$dup" -eq 0 ]; then echo "PASS"; else echo "FAIL"; exit 1; fi
