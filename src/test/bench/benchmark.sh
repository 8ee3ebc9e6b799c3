#!/usr/bin/env bash
# benchmark.sh — the read path, start-up and memory of the packaged service, in one table.
#
#   src/test/bench/benchmark.sh            (README "Performance"; ~6 minutes with the defaults)
#
# Builds the jar if there is none, then, on loopback only, stopping everything it starts:
#   1. start-up: process start → first 200 from /api/metrics, STARTUP_RUNS times per JVM option
#      set (Java 17: plain, C1 only, AppCDS, AppCDS + C1; Java 25 when JAVA25_HOME has one: plain,
#      AOT cache (the image's runtime), AOT cache + C1), with RSS at that moment;
#   2. the read path: the service as the image runs it (Java 25 with its AOT cache and LOAD_OPTS,
#      the image's src/main/docker/jvm.options; Java 17 and a warning when there is no Java 25)
#      with an Instagram source whose
#      Graph API is a stand-in (upstream.py), and nginx serving the service's own bytes with the same
#      headers; after WARMUP_SECS, ROUNDS alternating wrk rounds of ROUND_SECS on both, for 200 and
#      304 (If-None-Match), at each of CONNS connections; req/s, p50, p99 and service/nginx ratios;
#      Then the same against a service with MANY_SOURCES sources (a body of tens of KB), 200 only,
#      at 64 connections;
#   3. RSS after the load (and every 30 s of SOAK_SECS more load, when set);
#   4. upstream economy: upstream calls during the fresh-data load (must be 0), and during
#      STALE_SECS of load on data that is always stale (at most one per min-interval).
# Needs: wrk, nginx, curl, python3 (Debian packages), a JDK 17, and a Java 25 (JAVA25_HOME, else
# Temurin's under /usr/lib/jvm) for the image's runtime.
set -euo pipefail

ROUND_SECS=${ROUND_SECS:-6}
WARMUP_SECS=${WARMUP_SECS:-20}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-"32 64"}
STARTUP_RUNS=${STARTUP_RUNS:-3}
SOAK_SECS=${SOAK_SECS:-0}
STALE_SECS=${STALE_SECS:-10}
MANY_SOURCES=${MANY_SOURCES:-200}
JAVA17=${JAVA17:-java}
java25s=(/usr/lib/jvm/temurin-25*)
if [[ -z "${JAVA25_HOME:-}" && -d "${java25s[0]}" ]]; then JAVA25_HOME=${java25s[0]}; fi
JAVA25_HOME=${JAVA25_HOME:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
# The image's JVM options, the file its ENTRYPOINT reads.
LOAD_OPTS=${LOAD_OPTS:-"@$root/src/main/docker/jvm.options"}
BASE_OPTS=$LOAD_OPTS
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || { echo "benchmark: $tool is not installed (apt-get install $tool)" >&2; exit 2; }
done
jars=("$root"/target/social-ticker-*.jar)
if [[ -z "${JAR:-}" && ! -f "${jars[0]}" ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
  jars=("$root"/target/social-ticker-*.jar)
fi
# JAR=path compares another build (e.g. an older commit's) by the same method.
jar=${JAR:-${jars[0]}}

# shellcheck source=src/test/bench/common.sh
source "$here/common.sh"
bench_workdir bench
rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
calls() { curl -s "http://127.0.0.1:$upstream_port/calls"; }

upstream_port=$(free_port)
python3 "$here/upstream.py" "$upstream_port" &
pids+=($!)

# Instagram sources on the stand-in, listed in a config file (one here; MANY_SOURCES below).
sources_file() {  # file count
  { echo "ticker:"; echo "  sources:"
    for i in $(seq 0 $(( $2 - 1 ))); do
      echo "    - { provider: instagram, account: \"$(( 17841400000000000 + i ))\" }"
    done; } >"$1"
}
one_source="$work/one-source.yaml"
sources_file "$one_source" 1

# The service with the sources of a file; extra arguments after it.
start_service() {  # java opts port sources-file [args...]
  local java=$1 opts=$2 port=$3 sources=$4; shift 4
  # shellcheck disable=SC2086 # opts is a list of JVM flags
  "$java" $opts -jar "$service_jar" --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 --ticker.store.type=memory --spring.config.additional-location="file:$sources" \
    --ticker.providers.instagram.access-token=benchmark-token-0123456789 \
    --ticker.providers.instagram.base-url="http://127.0.0.1:$upstream_port/v25.0" "$@" \
    >"$work/service-$port.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
}

# Milliseconds until the first 200 from /api/metrics (also waits for the first refresh).
wait_ready() {  # port started_ms
  for _ in $(seq 1200); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/api/metrics" || true)" == "200" ]]; then
      echo $(( $(now_ms) - $2 )); return 0
    fi
    sleep 0.02
  done
  echo "benchmark: the service on port $1 did not answer 200; its log:" >&2
  tail -20 "$work/service-$1.log" >&2
  return 1
}

stop_service() {
  kill "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- 1. start-up
# The jar extracted (Spring Boot's layout for class-data sharing), and one archive per JVM.
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
service_jar=$(ls "$work"/app/*.jar)
train() {  # java opts...: a run that stops once the application context is refreshed (as the Dockerfile's)
  local java=$1; shift
  # shellcheck disable=SC2086 # BASE_OPTS is a list of JVM flags
  "$java" $BASE_OPTS "$@" -Dspring.context.exit=onRefresh -jar "$service_jar" --server.port=0 \
    --management.server.port=0 --ticker.store.type=memory >"$work/train.log" 2>&1 || true
}
(( STARTUP_RUNS == 0 )) || train "$JAVA17" -XX:ArchiveClassesAtExit="$work/app17.jsa"
variants=("17 plain|$JAVA17|"
          "17 C1 only|$JAVA17|-XX:TieredStopAtLevel=1"
          "17 AppCDS|$JAVA17|-XX:SharedArchiveFile=$work/app17.jsa"
          "17 AppCDS + C1|$JAVA17|-XX:SharedArchiveFile=$work/app17.jsa -XX:TieredStopAtLevel=1")
# The image's runtime: Java 25 with an AOT cache made as the Dockerfile makes it. The read path
# below runs on it too.
if [[ -n "$JAVA25_HOME" && -x "$JAVA25_HOME/bin/java" ]]; then
  train "$JAVA25_HOME/bin/java" -XX:AOTCacheOutput="$work/app25.aot"
  LOAD_JAVA="$JAVA25_HOME/bin/java"
  LOAD_OPTS="$LOAD_OPTS -XX:AOTCache=$work/app25.aot"
  variants+=("25 plain|$JAVA25_HOME/bin/java|"
             "25 AOT cache (image)|$JAVA25_HOME/bin/java|-XX:AOTCache=$work/app25.aot"
             "25 AOT cache + C1|$JAVA25_HOME/bin/java|-XX:AOTCache=$work/app25.aot -XX:TieredStopAtLevel=1")
else
  LOAD_JAVA=$JAVA17
  echo "benchmark: no Java 25 (JAVA25_HOME): the read path runs on Java 17, not the image's runtime" >&2
fi
declare -a startup_rows=()
# STARTUP_RUNS=0 skips this part (comparing read paths only).
(( STARTUP_RUNS > 0 )) || variants=()
for variant in "${variants[@]}"; do
  IFS='|' read -r name java opts <<<"$variant"
  times=(); rss=()
  for _ in $(seq "$STARTUP_RUNS"); do
    port=$(free_port)
    started=$(now_ms)
    start_service "$java" "$opts $BASE_OPTS" "$port" "$one_source"
    times+=("$(wait_ready "$port" "$started")")
    rss+=("$(rss_mib "$service_pid")")
    stop_service
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  startup_rows+=("$(printf '| %-20s | %s | %s |' "$name" "$sorted" "${rss[*]}")")
done

# ---------------------------------------------------------------- 2. the read path
# Started first and measured alone: the service with many sources (one config file lists them),
# then the service with one source, which the rest of the benchmark uses.
many_sources="$work/many-sources.yaml"
sources_file "$many_sources" "$MANY_SOURCES"
many_port=$(free_port)
start_service "$LOAD_JAVA" "$LOAD_OPTS" "$many_port" "$many_sources" --ticker.refresh.period=30m
many_pid=$service_pid
wait_ready "$many_port" "$(now_ms)" >/dev/null
many="http://127.0.0.1:$many_port/api/metrics"
# Ready once every source has its count (the first 200 comes with the first one).
for _ in $(seq 600); do
  # a "total" per source, and one at the top
  [[ $(curl -s "$many" | grep -o '"total":[0-9]' | wc -l) -gt $MANY_SOURCES ]] && break
  sleep 0.1
done
curl -s -D "$work/many-headers" -o "$work/many.json" "$many"

app_port=$(free_port)
start_service "$LOAD_JAVA" "$LOAD_OPTS" "$app_port" "$one_source" --ticker.refresh.period=30m
wait_ready "$app_port" "$(now_ms)" >/dev/null
app="http://127.0.0.1:$app_port/api/metrics"
curl -s -D "$work/headers" -o "$work/metrics.json" "$app"
header() { awk -v name="$1" 'tolower($1)==tolower(name)":" {sub(/^[^:]*: /, ""); sub(/\r$/, ""); print}' "${2:-$work/headers}"; }
etag=$(header ETag)
cache_control=$(header Cache-Control)
many_cache_control=$(header Cache-Control "$work/many-headers")

# nginx: the same bytes and headers, one worker.
nginx_port=$(free_port)
nginx_serve "$nginx_port" "/api/metrics|$work/metrics.json|$cache_control" \
  "/many/api/metrics|$work/many.json|$many_cache_control"
nginx="http://127.0.0.1:$nginx_port/api/metrics"
nginx_etag=$(curl -s -D - -o /dev/null "$nginx" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')

bench() {  # url conns [wrk args...] → "req/s p50_ms p99_ms non2xx3xx socket_errors"
  local url=$1 conns=$2; shift 2
  wrk -t1 -c"$conns" -d"${ROUND_SECS}s" --latency "$@" "$url" >"$work/wrk.out" 2>&1
  wrk_summary "$work/wrk.out"
}

calls_before_load=$(calls)
wrk -t1 -c64 -d"${WARMUP_SECS}s" "$app" >/dev/null
declare -a read_rows=()
for round in $(seq "$ROUNDS"); do
  for conns in $CONNS; do
    for kind in 200 304; do
      if [[ $kind == 200 ]]; then
        read -r n_rps n_p50 n_p99 _ < <(bench "$nginx" "$conns")
        read -r s_rps s_p50 s_p99 s_odd _ < <(bench "$app" "$conns")
      else
        read -r n_rps n_p50 n_p99 _ < <(bench "$nginx" "$conns" -H "If-None-Match: $nginx_etag")
        read -r s_rps s_p50 s_p99 s_odd _ < <(bench "$app" "$conns" -H "If-None-Match: $etag")
      fi
      # A 304 round must be all 304s, a 200 round all 200s (wrk counts 3xx as "Non-2xx or 3xx").
      [[ $kind == 200 && $s_odd -ne 0 ]] && echo "benchmark: $s_odd answers were not 200" >&2
      ratio=$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }')
      read_rows+=("$(printf '| %d | %3d | %s | %7d | %6.2f | %6.2f | %7d | %6.2f | %6.2f | %5s× |' \
        "$round" "$conns" "$kind" "$n_rps" "$n_p50" "$n_p99" "$s_rps" "$s_p50" "$s_p99" "$ratio")")
    done
  done
done
rss_after_load=$(rss_mib "$service_pid")
calls_during_fresh_load=$(( $(calls) - calls_before_load ))

# The many-sources service: the same rounds, 200 only, at 64 connections.
nginx_many="http://127.0.0.1:$nginx_port/many/api/metrics"
wrk -t1 -c64 -d"${WARMUP_SECS}s" "$many" >/dev/null
declare -a many_rows=()
for round in $(seq "$ROUNDS"); do
  read -r n_rps n_p50 n_p99 _ < <(bench "$nginx_many" 64)
  read -r s_rps s_p50 s_p99 s_odd _ < <(bench "$many" 64)
  [[ $s_odd -ne 0 ]] && echo "benchmark: $s_odd answers were not 200" >&2
  ratio=$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }')
  many_rows+=("$(printf '| %d |  64 | 200 | %7d | %6.2f | %6.2f | %7d | %6.2f | %6.2f | %5s× |' \
    "$round" "$n_rps" "$n_p50" "$n_p99" "$s_rps" "$s_p50" "$s_p99" "$ratio")")
done
kill "$many_pid"; wait "$many_pid" 2>/dev/null || true

# ---------------------------------------------------------------- 3. soak
soak_curve="not run (SOAK_SECS=0)"
if (( SOAK_SECS > 0 )); then
  soak_curve="$rss_after_load"
  for _ in $(seq $(( SOAK_SECS / 30 ))); do
    wrk -t1 -c64 -d30s "$app" >/dev/null
    soak_curve+=" → $(rss_mib "$service_pid")"
  done
  soak_curve+=" MiB (every 30 s of 64-connection load)"
fi
stop_service

# ---------------------------------------------------------------- 4. upstream economy, stale data
stale_port=$(free_port)
start_service "$LOAD_JAVA" "$LOAD_OPTS" "$stale_port" "$one_source" --ticker.refresh.period=10m \
  --ticker.refresh.stale-after=1s --ticker.refresh.min-interval=2s
wait_ready "$stale_port" "$(now_ms)" >/dev/null
sleep 1.1   # the first count is stale from here on
stale_before=$(calls)
wrk -t1 -c64 -d"${STALE_SECS}s" "http://127.0.0.1:$stale_port/api/metrics" >/dev/null
calls_during_stale_load=$(( $(calls) - stale_before ))
stop_service

# ---------------------------------------------------------------- the table
echo "# Social Ticker benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
# Paths of this machine left out of the report (it is kept in docs/benchmarks/).
shown_opts=${LOAD_OPTS//$root\//}
echo "# jar: $(basename "$jar"); load JVM: $("$LOAD_JAVA" -version 2>&1 | head -n1); LOAD_OPTS: ${shown_opts//$work/<work>}"
echo
echo "Start-up, process start → first 200 from /api/metrics (ms, $STARTUP_RUNS runs, sorted) and RSS then (MiB)"
echo "| JVM and options      | ms | RSS MiB |"
echo "|---|---|---|"
printf '%s\n' "${startup_rows[@]}"
echo
echo "Read path: wrk -t1, ${ROUND_SECS}s rounds after ${WARMUP_SECS}s of warm-up; nginx serving the same bytes and headers"
echo "| round | conns | status | nginx req/s | p50 ms | p99 ms | service req/s | p50 ms | p99 ms | service/nginx |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${read_rows[@]}"
echo
echo "The same with $MANY_SOURCES sources ($(( $(wc -c <"$work/many.json") / 1024 )) KiB body)"
echo "| round | conns | status | nginx req/s | p50 ms | p99 ms | service req/s | p50 ms | p99 ms | service/nginx |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${many_rows[@]}"
echo
echo "RSS after the load: $rss_after_load MiB; soak: $soak_curve"
echo "Upstream calls during the fresh-data load: $calls_during_fresh_load (must be 0)"
echo "Upstream calls during ${STALE_SECS}s of 64-connection load on stale data (min-interval 2s): $calls_during_stale_load (at most $(( STALE_SECS / 2 + 1 )))"
