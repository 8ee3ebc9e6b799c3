#!/usr/bin/env bash
# sources-curve.sh — how the packaged service scales with its number of sources, healthy and
# during an upstream outage, in one table.
#
#   src/test/bench/sources-curve.sh                 (README "Performance"; ~20-30 minutes with the defaults)
#   SOURCES="1 200" QUIET_SECS=15 ROUND_SECS=5 src/test/bench/sources-curve.sh     (a quick check)
#
# Builds the jar if there is none, then, on loopback only, for each count in SOURCES: starts the
# service (the image's JVM options, src/main/docker/jvm.options) with that many Instagram
# sources on a stand-in Graph API (upstream.py) and a fast cadence (REFRESH_PERIOD, STALE_AFTER,
# MIN_INTERVAL), and measures
#   healthy: seconds from process start until every source has data (GET /api/metrics polled every
#            POLL_SECS), then over QUIET_SECS without reads the upstream calls per minute and the
#            process's CPU (% of one core, /proc/<pid>/stat); the body's size; read req/s, p99 and
#            wrk's errors in one ROUND_SECS round (wrk -t1 -c32, after WARMUP_SECS), with the upstream
#            calls per minute during it; heap after a full GC (jcmd GC.run, jstat) and RSS;
#   outage:  the stand-in answers 503 after OUTAGE_MS; once every source is stale (at most
#            STALE_TIMEOUT_SECS), the same quiet window and read round, then heap and RSS, whether
#            the process still answers and how many OutOfMemoryError lines its log has;
#   both:    the WARN/ERROR lines the service logged in the phase, and the 1-minute load average.
# Every phase is bounded: a service that stops answering is reported ("no answer", "exited"), its
# remaining phases skipped, and it is killed. The load average beside each row (taken just before
# its read round) says how busy the machine was: other work sharing the cores lowers every figure.
# KEEP_LOGS=dir keeps each service's log there. GROUP_SIZE=100 also declares named tickers of 100
# sources each and reads /api/tickers/t0 instead of the whole body. (Not TICKER_…: the service
# would take any TICKER_* variable it inherits as one of its own properties, and refuse to start.)
# Needs: wrk, curl, jq, python3 (Debian packages), a JDK 17 (java, jcmd, jstat).
set -euo pipefail

SOURCES=${SOURCES:-"1 200 2000 10000"}
REFRESH_PERIOD=${REFRESH_PERIOD:-10s}
STALE_AFTER=${STALE_AFTER:-20s}
MIN_INTERVAL=${MIN_INTERVAL:-5s}
OUTAGE_MS=${OUTAGE_MS:-300}
POLL_SECS=${POLL_SECS:-1}
DATA_TIMEOUT_SECS=${DATA_TIMEOUT_SECS:-240}
STALE_TIMEOUT_SECS=${STALE_TIMEOUT_SECS:-90}
QUIET_SECS=${QUIET_SECS:-60}
WARMUP_SECS=${WARMUP_SECS:-10}
ROUND_SECS=${ROUND_SECS:-10}
CONNS=${CONNS:-32}
GROUP_SIZE=${GROUP_SIZE:-}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
for tool in wrk curl jq python3 java jcmd jstat; do
  command -v "$tool" >/dev/null || { echo "sources-curve: $tool is not installed" >&2; exit 2; }
done

# The image's JVM options, the file its ENTRYPOINT reads.
LOAD_OPTS=${LOAD_OPTS:-"@$root/src/main/docker/jvm.options"}

jars=("$root"/target/social-ticker-*.jar)
if [[ -z "${JAR:-}" && ! -f "${jars[0]}" ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
  jars=("$root"/target/social-ticker-*.jar)
fi
# JAR=path measures another build (e.g. an older commit's) by the same method.
jar=$(cd "$(dirname "${JAR:-${jars[0]}}")" && pwd)/$(basename "${JAR:-${jars[0]}}")

work=$(mktemp -d /tmp/ticker-curve.XXXXXX)
upstream_pid=
service_pid=
# A JVM out of heap may ignore SIGTERM for minutes: it gets KILL after 10 s.
stop_pid() {
  local pid=$1
  [[ -n $pid ]] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$service_pid"
  stop_pid "$upstream_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=src/test/bench/common.sh
source "$here/common.sh"
load1() { cut -d' ' -f1 /proc/loadavg; }
alive() { kill -0 "$service_pid" 2>/dev/null; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$service_pid/status" 2>/dev/null || echo "—"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service_pid/stat" 2>/dev/null || echo 0; }
clk_tck=$(getconf CLK_TCK)
# WARN and ERROR lines in the service's log so far (the console format: time, then level).
warnings() { grep -cE '^[^ ]+ +(WARN|ERROR) ' "$log" || true; }
ooms() { grep -c OutOfMemoryError "$log" || true; }

upstream_port=$(free_port)
python3 "$here/upstream.py" "$upstream_port" "$OUTAGE_MS" &
upstream_pid=$!
upstream() { curl -s --max-time 5 "http://127.0.0.1:$upstream_port/$1"; }
for _ in $(seq 50); do upstream calls >/dev/null && break; sleep 0.1; done

# Instagram sources on the stand-in, listed in a config file; with GROUP_SIZE, also named tickers
# t0, t1, … of that many sources each (the reads then go to /api/tickers/t0).
sources_file() {  # file count
  { echo "ticker:"; echo "  sources:"
    for i in $(seq 0 $(( $2 - 1 ))); do
      echo "    - { provider: instagram, account: \"$(( 17841400000000000 + i ))\" }"
    done
    if [[ -n $GROUP_SIZE ]]; then
      echo "  tickers:"
      for i in $(seq 0 $(( $2 - 1 ))); do
        if (( i % GROUP_SIZE == 0 )); then echo "    t$(( i / GROUP_SIZE )):"; echo "      sources:"; fi
        echo "        - instagram-$(( 17841400000000000 + i ))"
      done
    fi; } >"$1"
}

start_service() {  # sources-file
  # shellcheck disable=SC2086 # LOAD_OPTS is a list of JVM flags
  (cd "$work" && exec java $LOAD_OPTS -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 --ticker.store.type=memory --spring.config.additional-location="file:$1" \
    --ticker.providers.instagram.access-token=benchmark-token-0123456789 \
    --ticker.providers.instagram.base-url="http://127.0.0.1:$upstream_port/v25.0" \
    --ticker.refresh.period="$REFRESH_PERIOD" --ticker.refresh.stale-after="$STALE_AFTER" \
    --ticker.refresh.min-interval="$MIN_INTERVAL" >"$log" 2>&1) &
  service_pid=$!
}

# GET /api/metrics into $work/body; prints the HTTP status (000: no answer within 10 s).
read_metrics() { curl -s --max-time 10 -o "$work/body" -w '%{http_code}' "$api" || true; }
# Sources with data, and stale ones, in the last body read ("0 0" when it is not the JSON).
count_sources() {
  jq -r '[([.sources[]? | select(.total != null)] | length), ([.sources[]? | select(.stale)] | length)] | @tsv' \
    "$work/body" 2>/dev/null || echo "0 0"
}

# "up", "exited" or "no answer": the process's state, after a read bounded to 10 s.
state() {
  alive || { echo "exited"; return; }
  [[ $(read_metrics) =~ ^(200|503)$ ]] && echo "up" || echo "no answer"
}

# Seconds until every source has data: "12.3"; ">240 (719/2000)" at the timeout; "exited at 80 s
# (407/2000)" if the process ended first.
wait_all_data() {  # count started_ms
  local with=0 stale
  while (( $(now_ms) - $2 < DATA_TIMEOUT_SECS * 1000 )); do
    alive || { echo "exited at $(( ($(now_ms) - $2) / 1000 )) s ($with/$1)"; return; }
    read_metrics >/dev/null
    read -r with stale < <(count_sources)
    if (( with >= $1 )); then
      awk -v ms=$(( $(now_ms) - $2 )) 'BEGIN { printf "%.1f", ms / 1000 }'; return
    fi
    sleep "$POLL_SECS"
  done
  echo ">$DATA_TIMEOUT_SECS ($with/$1)"
}

# Until every source is stale (an outage has outlasted stale-after); "" or the reason it did not.
wait_all_stale() {  # count
  local deadline=$(( $(now_ms) + STALE_TIMEOUT_SECS * 1000 )) with stale=0
  while (( $(now_ms) < deadline )); do
    alive || { echo "exited"; return; }
    read_metrics >/dev/null
    read -r with stale < <(count_sources)
    (( stale >= $1 )) && return
    sleep 2
  done
  echo "not all stale after ${STALE_TIMEOUT_SECS}s ($stale/$1, ${with} with data)"
}

# Upstream calls per minute and CPU (% of one core) over QUIET_SECS without reads.
quiet_window() {
  local calls0 ticks0 t0
  calls0=$(upstream calls); ticks0=$(cpu_ticks); t0=$(now_ms)
  sleep "$QUIET_SECS"
  local calls1 ticks1 ms
  calls1=$(upstream calls); ticks1=$(cpu_ticks); ms=$(( $(now_ms) - t0 ))
  awk -v c=$(( calls1 - calls0 )) -v t=$(( ticks1 - ticks0 )) -v ms="$ms" -v hz="$clk_tck" \
    'BEGIN { printf "%d %.0f\n", c * 60000 / ms, t / hz * 100000 / ms }'
}

# One wrk round: "req/s p99_ms errors calls_per_min"; errors = non-2xx/3xx + socket errors.
read_round() {
  local calls0 t0
  calls0=$(upstream calls); t0=$(now_ms)
  timeout $(( ROUND_SECS + 30 )) wrk -t1 -c"$CONNS" -d"${ROUND_SECS}s" --latency "$reads" >"$work/wrk.out" 2>&1 || true
  local per_min
  per_min=$(( ( $(upstream calls) - calls0 ) * 60000 / ( $(now_ms) - t0 ) ))
  local rps p99 bad socket
  read -r rps _ p99 bad socket < <(wrk_summary "$work/wrk.out")
  printf '%s %.1f %d %d\n' "$rps" "$p99" $(( bad + socket )) "$per_min"
}

# Heap used after a full GC (MiB) and the old generation's share of its capacity: "41 (63 %)".
heap_after_gc() {
  alive || { echo "—"; return; }
  if ! timeout 30 jcmd "$service_pid" GC.run >/dev/null 2>&1; then
    alive && echo "no GC.run in 30 s" || echo "— (exited)"
    return
  fi
  timeout 30 jstat -gc "$service_pid" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]
              printf "%.0f (old %.0f %%)\n", used / 1024, 100 * $col["OU"] / $col["OC"] }' || echo "—"
}

# The quiet window, the body, the read round (after warm_up_secs of warm-up), then heap and RSS.
measure() {  # warm_up_secs
  read -r 'm[quiet_calls]' 'm[cpu]' < <(quiet_window)
  m[body]=$(curl -s --max-time 10 -o /dev/null -w '%{size_download}' "$reads" | awk '{printf "%.1f", $1 / 1024}')
  if (( $1 > 0 )); then
    timeout $(( $1 + 30 )) wrk -t1 -c"$CONNS" -d"$1s" "$reads" >/dev/null 2>&1 || true
  fi
  m[load]=$(load1)
  read -r 'm[rps]' 'm[p99]' 'm[errors]' 'm[read_calls]' < <(read_round)
  m[heap]=$(heap_after_gc)
  m[rss]=$(rss_mib)
  m[state]=$(state)
}

rows=()
declare -A m
# shellcheck disable=SC2034 # the fields are read through m
record() {  # sources upstream
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$1" "$2" \
    "${m[rps]:-—}" "${m[p99]:-—}" "${m[errors]:-—}" "${m[heap]:-—}" "${m[rss]:-—}" "${m[data]:-—}" \
    "${m[quiet_calls]:-—}" "${m[read_calls]:-—}" "${m[cpu]:-—}" "${m[body]:-—}" "${m[state]:-—}" \
    "${m[oom]:-0}" "${m[warnings]:-0}" "${m[load]:-—}")")
}

started_run=$(now_ms)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $SOURCES; do
  echo "sources-curve: $n sources (load $(load1))" >&2
  upstream mode/healthy >/dev/null
  sources="$work/sources-$n.yaml"
  sources_file "$sources" "$n"
  port=$(free_port)
  log="$work/service-$n.log"
  api="http://127.0.0.1:$port/api/metrics"
  reads=$api
  if [[ -n $GROUP_SIZE ]]; then reads="http://127.0.0.1:$port/api/tickers/t0"; fi

  # ------------------------------------------------------------------ healthy
  m=()
  started=$(now_ms)
  start_service "$sources"
  m[data]=$(wait_all_data "$n" "$started")
  m[state]=$(state)
  if [[ ${m[state]} == up ]]; then measure "$WARMUP_SECS"; fi
  healthy_oom=$(ooms)
  m[oom]=$healthy_oom
  healthy_warnings=$(warnings)
  m[warnings]=$healthy_warnings
  record "$n" healthy

  # ------------------------------------------------------------------ outage
  m=()
  upstream mode/outage >/dev/null
  outage_started=$(now_ms)
  if alive; then
    not_stale=$(wait_all_stale "$n")
    m[data]=${not_stale:-"all stale $(( ($(now_ms) - outage_started) / 1000 )) s in"}
    m[state]=$(state)
    if [[ ${m[state]} == up ]]; then measure 0; fi
  else
    m[state]="exited before"
  fi
  m[oom]=$(( $(ooms) - healthy_oom ))
  m[warnings]=$(( $(warnings) - healthy_warnings ))
  record "$n" outage
  if [[ -n ${KEEP_LOGS:-} ]]; then mkdir -p "$KEEP_LOGS" && cp "$log" "$KEEP_LOGS/service-$n.log"; fi
  stop_pid "$service_pid"; service_pid=
done

echo "# Social Ticker sources curve — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
echo "# jar: $(basename "$jar"); $(java -version 2>&1 | head -n1); LOAD_OPTS: ${LOAD_OPTS//$root\//}"
echo "# cadence: period $REFRESH_PERIOD, stale-after $STALE_AFTER, min-interval $MIN_INTERVAL; outage: 503 after $OUTAGE_MS ms;" \
  "reads: wrk -t1 -c$CONNS of ${GROUP_SIZE:+/api/tickers/t0 (named tickers of $GROUP_SIZE sources), }${ROUND_SECS}s round (healthy after ${WARMUP_SECS}s of warm-up); quiet window ${QUIET_SECS}s; GET /api/metrics polled every ${POLL_SECS}s until all data"
echo "# load average (1, 5, 15 min) at start: $load_at_start; at end: $(cut -d' ' -f1-3 /proc/loadavg); run took $(( ($(now_ms) - started_run) / 1000 ))s"
echo
echo "| sources | upstream | read req/s | p99 ms | read errors | heap MiB after GC | RSS MiB | all data s (outage: when all stale) | calls/min quiet | calls/min under reads | CPU % quiet | body KiB | state | OOM lines | WARN/ERROR lines | load 1m |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
