#!/usr/bin/env bash
# One run of Outage Herald against the RIS Live replay of shared/bench (rislive-replay.js), on 127.0.0.1 only.
#
#   bench/rislive-bench.sh RUN_DIR [replay options...]
#
# The replay folder must be a copy outside the repository with its npm packages installed:
#   cp -r /work/shared/bench /tmp/ris-bench && (cd /tmp/ris-bench && npm ci)
#
# Environment (defaults in brackets):
#   REPLAY_DIR [/tmp/ris-bench]   the replay copy
#   MONITORED [100] UNMONITORED [10000] SEED [1]   the universe, passed to the replay and to rislive-universe.js
#   JAVA_OPTS [-Xmx64m -Xmn12m -XX:+UseSerialGC -Xss256k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=64m
#              -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000 -XX:MetaspaceSize=48m
#              -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10]
#                                 the JVM's flags; MALLOC_ARENA_MAX [2] is set for it too (fewer glibc arenas)
#   LG [process]                  process: the fake looking glass (FakeLookingGlass) runs in a JVM of its own on
#                                 core 0, so Herald's CPU and RSS are the service's alone; inside: in Herald's JVM
#   LG_JAVA_OPTS [-Xmx256m -XX:+UseSerialGC]   that JVM's flags
#   HERALD_ARGS []                extra RisLiveBenchmark options, e.g. "--confirm-after 1 --dark-enter-fraction 0.001"
#   CONFIRM_FOR [1s]              detection.confirm-for, subtracted from the latencies in report.json
#   PIN [1]                       1: replay on core 0, Herald on core 1 (taskset)
#   PORT [7800] HOOK_PORT [7801]  the replay's websocket and its webhook (the Telegram Bot API stand-in)
#   SENDER [replay]               replay: rislive-replay.js makes and sends the stream; flood: StreamFlood (Java, on
#                                 core 0) first records FLOOD_MESSAGES [1500000] of the replay's messages, with the
#                                 outage events FLOOD_EVENTS [--outage-at 3,6] (replay options), into CAPTURE
#                                 [RUN_DIR/capture.bin, kept and reused: delete it when the universe or the events
#                                 change], then writes them again in a loop as fast as Herald reads: Herald's own
#                                 ceiling, past the replay's; the options after RUN_DIR are then --duration, --warmup
#   HOG [0] HOGS [1]              seconds of HOGS busy loops on Herald's core during the replay (PIN=1): Herald
#                                 then gets 1/(HOGS+1) of a core, so that a fixed --rate offers more than it reads
#
# The fake looking glass starts first, then Herald, which it seeds; the replay starts when the benchmark writes its
# ready file, and its first ris_subscribe starts the stream. procsample.js samples the JVM every second.
# RUN_DIR gets monitored.json, universe.json, herald.log, replay.log, results.json, samples.csv, summary.json
# and report.json (node bench/rislive-report.js RUN_DIR).
set -euo pipefail

RUN=${1:?usage: rislive-bench.sh RUN_DIR [replay options...]}
shift
REPO=$(cd "$(dirname "$0")/.." && pwd)
REPLAY_DIR=${REPLAY_DIR:-/tmp/ris-bench}
MONITORED=${MONITORED:-100}
UNMONITORED=${UNMONITORED:-10000}
SEED=${SEED:-1}
LG=${LG:-process}
LG_JAVA_OPTS=${LG_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -Xmn12m -XX:+UseSerialGC -Xss256k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=64m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000 -XX:MetaspaceSize=48m -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
CONFIRM_FOR=${CONFIRM_FOR:-1s}
PIN=${PIN:-1}
SENDER=${SENDER:-replay}
FLOOD_MESSAGES=${FLOOD_MESSAGES:-1500000}
FLOOD_EVENTS=${FLOOD_EVENTS:---outage-at 3,6}
HOG=${HOG:-0}
HOGS=${HOGS:-1}
PORT=${PORT:-7800}
HOOK_PORT=${HOOK_PORT:-7801}
UNIVERSE=(--seed "$SEED" --monitored "$MONITORED" --unmonitored "$UNMONITORED")

mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
rm -f "$RUN"/{ready,results.json,summary.json,samples.csv,report.json,alerts.log,lg.url}
touch "$RUN/alerts.log"

CP_FILE="$REPO/target/bench.classpath"
if [ ! -f "$CP_FILE" ] || [ ! -d "$REPO/target/test-classes/net/outageherald/bench" ]; then
  (cd "$REPO" && mvn -B -q -Pbench test-compile)
fi
CP="$REPO/target/test-classes:$REPO/target/classes:$(cat "$CP_FILE")"

# the replay's outage plan (it must see the same outage options as the run below) and the model's peers
PLAN=("$@")
# shellcheck disable=SC2206
if [ "$SENDER" = flood ]; then PLAN=($FLOOD_EVENTS); fi
node "$REPLAY_DIR/rislive-replay.js" "${UNIVERSE[@]}" "${PLAN[@]}" --write-prefixes "$RUN/monitored.json" --dump 1 \
  --quiet >/dev/null
node "$REPO/bench/rislive-universe.js" --replay-dir "$REPLAY_DIR" --out "$RUN/universe.json" --check "$RUN/monitored.json" \
  "${UNIVERSE[@]}" "${PLAN[@]}"

pin() { if [ "$PIN" = 1 ]; then echo "taskset -c $1"; fi; }

case "$SENDER" in
  replay|flood) ;;
  *) echo "SENDER must be replay or flood, not '$SENDER'" >&2; exit 2 ;;
esac
CAPTURE=${CAPTURE:-$RUN/capture.bin}
if [ "$SENDER" = flood ] && [ ! -s "$CAPTURE" ]; then
  RPORT=$((PORT + 20))
  $(pin 0) node "$REPLAY_DIR/rislive-replay.js" --port "$RPORT" "${UNIVERSE[@]}" "${PLAN[@]}" --rate max --duration 600 \
    --idle-exit 60 --linger 0 --quiet >"$RUN/record.log" 2>&1 &
  RPID=$!
  trap 'kill $RPID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do (echo >"/dev/tcp/127.0.0.1/$RPORT") 2>/dev/null && break; sleep 0.1; done
  $(pin 1) java -Xmx256m -cp "$CP" net.outageherald.bench.StreamFlood record \
    --from "ws://127.0.0.1:$RPORT/v1/ws/" --out "$CAPTURE" --messages "$FLOOD_MESSAGES" 2>>"$RUN/record.log" \
    || { kill $RPID 2>/dev/null; echo "recording the replay failed; see $RUN/record.log" >&2; exit 1; }
  kill $RPID 2>/dev/null || true
  wait $RPID 2>/dev/null || true
  trap - EXIT
fi

case "$LG" in
  process|inside) ;;
  *) echo "LG must be process or inside, not '$LG'" >&2; exit 2 ;;
esac
LGPID=
JPID=
trap 'kill $LGPID $JPID 2>/dev/null || true' EXIT
SEED_FROM=(--universe "$RUN/universe.json")
if [ "$LG" = process ]; then
  LG_LAG=()
  if [[ " ${HERALD_ARGS:-} " =~ [[:space:]]--lg-lag[[:space:]]+([^[:space:]]+) ]]; then LG_LAG=(--lg-lag "${BASH_REMATCH[1]}"); fi
  # shellcheck disable=SC2086
  $(pin 0) java $LG_JAVA_OPTS -cp "$CP" net.outageherald.bench.FakeLookingGlass --monitored "$RUN/monitored.json" \
    --universe "$RUN/universe.json" --url-file "$RUN/lg.url" "${LG_LAG[@]}" >"$RUN/lg.log" 2>&1 &
  LGPID=$!
  for _ in $(seq 1 60); do
    [ -f "$RUN/lg.url" ] && break
    kill -0 "$LGPID" 2>/dev/null || { echo "the fake looking glass exited; see $RUN/lg.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -f "$RUN/lg.url" ] || { echo "the fake looking glass did not start within 30 s; see $RUN/lg.log" >&2; exit 1; }
  SEED_FROM=(--looking-glass "$(cat "$RUN/lg.url")")
fi

# the replay's webhook stands in for the Telegram Bot API; the flood has none, so alerts go to the console only
TELEGRAM=(--telegram "http://127.0.0.1:$HOOK_PORT")
if [ "$SENDER" = flood ]; then TELEGRAM=(); fi
# shellcheck disable=SC2086
$(pin 1) java $JAVA_OPTS -cp "$CP" net.outageherald.bench.RisLiveBenchmark \
  --monitored "$RUN/monitored.json" "${SEED_FROM[@]}" \
  --rislive "ws://127.0.0.1:$PORT/v1/ws/?client=outage-herald-bench" "${TELEGRAM[@]}" \
  --alert-file "$RUN/alerts.log" --ready-file "$RUN/ready" --summary "$RUN/summary.json" \
  --confirm-for "$CONFIRM_FOR" --run-for 900 ${HERALD_ARGS:-} >"$RUN/herald.log" 2>&1 &
JPID=$!
echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX $JAVA_OPTS (looking glass: $LG)" >"$RUN/jvm-flags.txt"

for _ in $(seq 1 900); do
  [ -f "$RUN/ready" ] && break
  kill -0 $JPID 2>/dev/null || { echo "Herald exited before it was ready; see $RUN/herald.log" >&2; exit 1; }
  sleep 1
done
[ -f "$RUN/ready" ] || { echo "Herald was not seeded within 900 s" >&2; exit 1; }

node "$REPLAY_DIR/procsample.js" --pid $JPID --out "$RUN/samples.csv" --summary "$RUN/procsample.json" >/dev/null &
SPID=$!

HPIDS=()
if [ "$HOG" != 0 ]; then
  for _ in $(seq 1 "$HOGS"); do
    taskset -c 1 timeout "$HOG" sh -c 'while :; do :; done' &
    HPIDS+=($!)
  done
fi

if [ "$SENDER" = flood ]; then
  $(pin 0) java -Xmx1g -XX:+UseSerialGC -cp "$CP" net.outageherald.bench.StreamFlood serve --capture "$CAPTURE" \
    --port "$PORT" "${UNIVERSE[@]}" "$@" --alert-file "$RUN/alerts.log" --plan "$RUN/monitored.json" \
    --results "$RUN/results.json" \
    >"$RUN/replay.log" 2>&1 || true
else
  $(pin 0) node "$REPLAY_DIR/rislive-replay.js" --port "$PORT" --webhook-port "$HOOK_PORT" --alert-file "$RUN/alerts.log" \
    "${UNIVERSE[@]}" "$@" --idle-exit 60 --results "$RUN/results.json" >"$RUN/replay.log" 2>&1 || true
fi

for h in "${HPIDS[@]}"; do kill "$h" 2>/dev/null || true; done
kill -TERM $JPID 2>/dev/null || true
wait $JPID 2>/dev/null || true
JPID= # waited for: its pid may be another process's by now
wait $SPID 2>/dev/null || true
kill $LGPID 2>/dev/null || true
trap - EXIT
node "$REPO/bench/rislive-report.js" "$RUN" --confirm-for-ms "$(node -e '
  const s = process.argv[1]; const m = s.match(/^(\d+)(ms|s|m)$/);
  console.log(m ? Number(m[1]) * {ms: 1, s: 1000, m: 60000}[m[2]] : 0)' "$CONFIRM_FOR")"
