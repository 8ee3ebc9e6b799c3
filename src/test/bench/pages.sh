#!/usr/bin/env bash
# pages.sh — the charts page (/charts) and the status console (/status) in Debian's Chromium, with 1
# source and with 2,000, each given a decade of daily history: first paint, first chart drawn and
# each range switch; the console's first paint, all rows shown, "Failing only", a sort and a search.
#
#   src/test/bench/pages.sh                      (README "Performance"; about 5 minutes)
#   SOURCES=1 DAYS=365 src/test/bench/pages.sh   (a quick check)
#
# Builds the jar if there is none (the Maven build also installs frontend/node_modules, whose
# playwright-core drives Chromium), then, on loopback only, for each count in SOURCES: starts the
# stand-in Graph API (upstream.py) and the service with that many Instagram sources and the admin
# API on; waits until every source has data; backfills DAYS daily counts into each source through
# the admin API (timed); switches the stand-in so that a tenth of the accounts fail, and waits until
# those sources are failing; then runs pages.bench.mjs, which opens each page ROUNDS times in a fresh
# page and prints the timings, min–max. Timings are the browser's own (Performance API, and two
# animation frames after the page says it has drawn); the machine's load is printed beside them.
# Needs: curl, jq, python3, chromium (Debian packages), node, a JDK 17.
set -euo pipefail

SOURCES=${SOURCES:-"1 2000"}
DAYS=${DAYS:-3650}
ROUNDS=${ROUNDS:-3}
DATA_TIMEOUT_SECS=${DATA_TIMEOUT_SECS:-240}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
for tool in curl jq python3 node java chromium; do
  command -v "$tool" >/dev/null || { echo "pages: $tool is not installed" >&2; exit 2; }
done
# shellcheck source=src/test/bench/common.sh
source "$here/common.sh"

jars=("$root"/target/social-ticker-*.jar)
if [[ ! -f "${jars[0]}" || ! -d "$root/frontend/node_modules/playwright-core" ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
  jars=("$root"/target/social-ticker-*.jar)
fi
jar=${jars[0]}

bench_workdir pages
token=pages-bench-admin-token

for count in $SOURCES; do
  upstream_port=$(free_port)
  python3 "$here/upstream.py" "$upstream_port" &
  pids+=($!)
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$upstream_port/calls" && break; sleep 0.1; done

  { echo "ticker:"; echo "  sources:"
    for i in $(seq 0 $(( count - 1 ))); do
      echo "    - { provider: instagram, account: \"$(( 17841400000000000 + i ))\" }"
    done; } >"$work/sources-$count.yaml"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  (cd "$work" && exec java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 --ticker.store.type=memory \
    --spring.config.additional-location="file:$work/sources-$count.yaml" \
    --ticker.providers.instagram.access-token=benchmark-token-0123456789 \
    --ticker.providers.instagram.base-url="http://127.0.0.1:$upstream_port/v25.0" \
    --ticker.refresh.period=10s --ticker.refresh.min-interval=5s --ticker.refresh.stale-after=10m \
    --ticker.admin.token="$token" >"$work/service-$count.log" 2>&1) &
  pids+=($!)

  started=$(now_ms)
  until [[ $(curl -s --max-time 10 "$base/api/status" | jq '[.sources[]? | select(.total != null)] | length' 2>/dev/null || echo 0) -ge $count ]]; do
    if (( $(now_ms) - started > DATA_TIMEOUT_SECS * 1000 )); then
      echo "pages: not every source had data within ${DATA_TIMEOUT_SECS}s; the service's log:" >&2
      tail -20 "$work/service-$count.log" >&2
      exit 1
    fi
    sleep 1
  done

  # A decade of days rising to the count, as a person moving from another tool would send it.
  python3 - "$DAYS" >"$work/history.csv" <<'PY'
import datetime, sys
days = int(sys.argv[1])
today = datetime.date.today()
print("date,count")
for i in range(days, 0, -1):
    print(f"{today - datetime.timedelta(days=i)},{200000 + (days - i) * 18 + (i % 7) * 5}")
PY
  backfill_started=$(now_ms)
  for id in $(curl -s "$base/api/status" | jq -r '.sources[].id'); do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
      --data-binary @"$work/history.csv" "$base/api/admin/history/$id"
  done
  backfill_ms=$(( $(now_ms) - backfill_started ))

  curl -sf -o /dev/null "http://127.0.0.1:$upstream_port/mode/partial"
  failing=$(( (count + 2) / 10 ))
  until [[ $(curl -s "$base/api/status" | jq '[.sources[] | select(.state == "failing")] | length') -ge $failing ]]; do
    sleep 1
  done

  echo "== $count source(s), $DAYS days each (backfill through the admin API: ${backfill_ms} ms), load $(cut -d' ' -f1 /proc/loadavg)"
  # What the charts' "All" asks of the service: every source's sum over 4,749 days, made per request.
  all_from=$(date -u -d "-4748 days" +%F)
  times=()
  for _ in 1 2 3; do
    times+=("$(curl -s -o "$work/sum.json" -w '%{time_total}' "$base/api/metrics/history?step=day&from=$all_from")")
  done
  echo "history API, every source's sum over 4,749 days: $(printf '%s ' "${times[@]}" | awk '{for (i = 1; i <= NF; i++) printf "%s%d", (i > 1 ? ", " : ""), $i * 1000}') ms ($(jq '.points | length' "$work/sum.json") points, $(( $(wc -c <"$work/sum.json") / 1024 )) KB)"
  node "$here/pages.bench.mjs" "$base" "$count" "$ROUNDS"

  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
done
