#!/usr/bin/env bash
# read-ab.sh — A/B of read paths in one sitting: several instances of the service, each with its own
# JVM options or settings, loaded in turn with nginx serving the same bytes, round after round.
#
#   src/test/bench/read-ab.sh 'NAME|JVM OPTIONS|SERVICE ARGUMENTS[|PATH[|JAR]]' ...
#
#   e.g. src/test/bench/read-ab.sh 'fresh||' 'pooled||--camel.main.exchange-factory=pooled'
#        src/test/bench/read-ab.sh 'before|||/api/metrics|/tmp/before.jar' 'after||'
#
# Each variant is one instance of a jar (its own JAR, else $JAR, else target/social-ticker-*.jar: two
# builds side by side) on the image's
# runtime (Java 25 from JAVA25_HOME, else Temurin's under /usr/lib/jvm, else java) with the image's
# src/main/docker/jvm.options, then the variant's JVM options; SOURCES Instagram sources (default 1;
# 200 make a 61 KiB body) on a stand-in Graph API (upstream.py), in-memory store. PATH (default
# /api/metrics) is what wrk reads from it.
# First STARTUP_RUNS (default 3) start-ups of each variant, one instance at a time: process start →
# every count served. Then all instances run side by side, so a slow minute of the machine hits every
# variant alike. After
# WARM_SECS of load on each, ROUNDS rounds: at each of CONNS connections, 200 then 304
# (If-None-Match), wrk -t1 for ROUND_SECS on nginx, then on each variant in the order given. Prints
# req/s, p50, p99, non-2xx/3xx answers and the ratio to nginx of the same round, then each
# instance's start-ups and RSS. No AOT cache (it speeds start-up, not serving; benchmark.sh measures
# that), so start-ups compare builds, not the image's start-up.
# Loopback only; everything it starts is stopped on exit. Needs: wrk, nginx, curl, python3.
set -euo pipefail

ROUND_SECS=${ROUND_SECS:-6}
WARM_SECS=${WARM_SECS:-10}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-"32 64"}
SOURCES=${SOURCES:-1}
STARTUP_RUNS=${STARTUP_RUNS:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
(( $# > 0 )) || { sed -n '2,9p' "$0" >&2; exit 2; }
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || { echo "read-ab: $tool is not installed (apt-get install $tool)" >&2; exit 2; }
done
java25s=(/usr/lib/jvm/temurin-25*)
if [[ -z "${JAVA25_HOME:-}" && -d "${java25s[0]}" ]]; then JAVA25_HOME=${java25s[0]}; fi
java=${JAVA25_HOME:+$JAVA25_HOME/bin/java}
java=${java:-java}
jars=("$root"/target/social-ticker-*.jar)
jar=${JAR:-${jars[0]}}
[[ -f "$jar" ]] || { echo "read-ab: no jar; build one first (./mvnw -DskipTests package)" >&2; exit 2; }

# shellcheck source=src/test/bench/common.sh
source "$here/common.sh"
bench_workdir read-ab

upstream_port=$(free_port)
python3 "$here/upstream.py" "$upstream_port" >/dev/null 2>&1 &
pids+=($!)
{ echo "ticker:"; echo "  sources:"
  for i in $(seq 0 $(( SOURCES - 1 ))); do
    echo "    - { provider: instagram, account: \"$(( 17841400000000000 + i ))\" }"
  done; } >"$work/source.yaml"

# start_variant NAME PORT LOG: one instance of the variant NAME (its JVM options, arguments and jar).
start_variant() {
  local name=$1 port=$2 log=$3
  IFS='|' read -r _ opts args _ variant_jar <<<"${variant_specs[$name]}"
  # A build whose API runs on its own (Vert.x) server has the actuator on a management port of its
  # own (8081 by default): each instance gets a free one. An older build keeps one port.
  local management=()
  if unzip -l "${variant_jar:-$jar}" | grep -q camel-platform-http-vertx; then management=(--management.server.port=0); fi
  # shellcheck disable=SC2086 # opts and args are lists of flags
  "$java" "@$root/src/main/docker/jvm.options" $opts -jar "${variant_jar:-$jar}" --server.port="$port" --server.address=127.0.0.1 \
    "${management[@]}" \
    --ticker.store.type=memory --spring.config.additional-location="file:$work/source.yaml" \
    --ticker.providers.instagram.access-token=benchmark-token-0123456789 \
    --ticker.providers.instagram.base-url="http://127.0.0.1:$upstream_port/v25.0" --ticker.refresh.period=30m \
    $args >"$log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}

# ready BASE LOG: waits until every source has its count (a "total" per source, and one at the top).
ready() {
  for _ in $(seq 1800); do
    [[ $(curl -s "$1/api/metrics" | grep -o '"total":[0-9]' | wc -l) -gt $SOURCES ]] && return 0
    sleep 0.05
  done
  echo "read-ab: nothing served every source's count at $1/api/metrics; its log:" >&2
  tail -20 "$2" >&2
  exit 1
}

declare -A variant_specs startup_ms
names=(); paths=(); urls=(); bases=(); service_pids=()
for variant in "$@"; do
  IFS='|' read -r name _ _ path variant_jar <<<"$variant"
  [[ -z "$variant_jar" || -f "$variant_jar" ]] || { echo "read-ab: $name: no jar at $variant_jar" >&2; exit 2; }
  variant_specs[$name]=$variant
  names+=("$name"); paths+=("${path:-/api/metrics}")
done

# Start-up, one instance at a time on a quiet machine: process start → every count served.
for _ in $(seq "$STARTUP_RUNS"); do
  for name in "${names[@]}"; do
    port=$(free_port)
    begin=$(now_ms)
    start_variant "$name" "$port" "$work/$name-startup.log"
    ready "http://127.0.0.1:$port" "$work/$name-startup.log"
    startup_ms[$name]+="$(( $(now_ms) - begin )) "
    kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
  done
done

# The instances under load, side by side, so a slow minute of the machine hits every variant alike.
for i in "${!names[@]}"; do
  port=$(free_port)
  start_variant "${names[$i]}" "$port" "$work/${names[$i]}.log"
  service_pids+=("$started_pid"); bases+=("http://127.0.0.1:$port"); urls+=("${bases[-1]}${paths[$i]}")
done
for i in "${!names[@]}"; do ready "${bases[$i]}" "$work/${names[$i]}.log"; done

# nginx: the first variant's bytes and headers, one worker.
curl -s -D "$work/headers" -o "$work/body" "${urls[0]}"
cache_control=$(awk 'tolower($1)=="cache-control:" {sub(/^[^:]*: /, ""); sub(/\r$/, ""); print}' "$work/headers")
nginx_port=$(free_port)
nginx_serve "$nginx_port" "/api/metrics|$work/body|$cache_control"
names=(nginx "${names[@]}")
urls=("http://127.0.0.1:$nginx_port/api/metrics" "${urls[@]}")

bench() {  # url conns secs [wrk args...] → "req/s p50_ms p99_ms non2xx3xx socket_errors"
  local url=$1 conns=$2 secs=$3; shift 3
  wrk -t1 -c"$conns" -d"${secs}s" --latency "$@" "$url" >"$work/wrk.out" 2>&1
  wrk_summary "$work/wrk.out"
}
etag_of() { curl -s -D - -o /dev/null "$1" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r'; }

for url in "${urls[@]}"; do bench "$url" 64 "$WARM_SECS" >/dev/null; done
echo "# read-ab — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; jar $(basename "$jar"); $("$java" -version 2>&1 | head -n1)"
echo "| round | conns | status | variant | req/s | p50 ms | p99 ms | non-2xx/3xx | /nginx |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq "$ROUNDS"); do
  for conns in $CONNS; do
    for status in 200 304; do
      base=0
      for i in "${!names[@]}"; do
        conditional=()
        [[ $status == 304 ]] && conditional=(-H "If-None-Match: $(etag_of "${urls[$i]}")")
        read -r rps p50 p99 bad _ < <(bench "${urls[$i]}" "$conns" "$ROUND_SECS" "${conditional[@]}")
        (( i == 0 )) && base=$rps
        printf '| %d | %3d | %s | %-12s | %7d | %6.2f | %6.2f | %d | %s× |\n' "$round" "$conns" "$status" \
          "${names[$i]}" "$rps" "$p50" "$p99" "$bad" "$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
      done
    done
  done
done
for name in "${names[@]:1}"; do
  echo "Start-up, $name (ms, process start → every count served, one instance at a time): ${startup_ms[$name]:-not measured}"
done
for i in "${!service_pids[@]}"; do
  echo "RSS after the load, ${names[$((i + 1))]}: $(( $(awk '/VmRSS/ {print $2}' "/proc/${service_pids[$i]}/status") / 1024 )) MiB"
done
