#!/usr/bin/env bash
# read-path.sh [conns=32] [secs=10]
#
# Measures GET /api/metrics of the packaged service with wrk, against the practical ceiling of
# this machine in the same run: nginx serving the same JSON bytes as a static file. Loopback only;
# everything it starts it stops. Needs: wrk, nginx (Debian packages), a built jar
# (./mvnw -DskipTests package). Prints one line per target:
#   <target> req/s=N p50_ms=A p99_ms=B non2xx=C
set -euo pipefail
conns=${1:-32}; secs=${2:-10}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
jars=("$root"/target/social-ticker-*.jar)
jar=""
[[ -f "${jars[0]}" ]] && jar=${jars[0]}
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "read-path: $tool is not installed (apt-get install $tool)" >&2; exit 2; }
done
[[ -n "$jar" ]] || { echo "read-path: no jar in target/; run ./mvnw -DskipTests package" >&2; exit 2; }

work=$(mktemp -d /tmp/read-path.XXXXXX)
chmod 755 "$work"
app_pid=""; nginx_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ -n "$nginx_pid" ]]; then kill -QUIT "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() {  # url
  for _ in $(seq 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == "200" ]] && return 0
    sleep 0.5
  done
  echo "read-path: $1 did not answer 200" >&2; return 1
}

bench() {  # name url [wrk args...]
  local name=$1 url=$2; shift 2
  wrk -t1 -c"$conns" -d"${secs}s" --latency "$@" "$url" >"$work/wrk.out" 2>&1
  awk -v name="$name" '
    function ms(v,  n, u) { match(v, /^[0-9.]+/); n = substr(v, 1, RLENGTH) + 0; u = substr(v, RLENGTH + 1)
      return u == "us" ? n / 1000 : (u == "s" ? n * 1000 : n) }
    /Latency Distribution/ { d = 1 } d && $1 == "50%" { p50 = ms($2) } d && $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 } /Non-2xx or 3xx/ { bad = $NF }
    END { printf "%-28s req/s=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d\n", name, rps, p50, p99, bad }' "$work/wrk.out"
}

# The service: demo source, data stays fresh for the whole run (no refresh on the read path).
app_port=$(free_port)
java -jar "$jar" --server.port="$app_port" --ticker.refresh.period=10m >"$work/app.log" 2>&1 &
app_pid=$!
wait_for "http://127.0.0.1:$app_port/api/metrics"
mkdir -p "$work/www"
curl -s "http://127.0.0.1:$app_port/api/metrics" >"$work/www/metrics.json"
etag=$(curl -s -D - -o /dev/null "http://127.0.0.1:$app_port/api/metrics" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')

# The ceiling: nginx, one worker, the same bytes.
nginx_port=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err warn; daemon on;
events { worker_connections 4096; }
http { access_log off; types { application/json json; } default_type application/json;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp; keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $work/www; } }
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 50); do [[ -s "$work/nginx.pid" ]] && break; sleep 0.1; done
nginx_pid=$(cat "$work/nginx.pid")
wait_for "http://127.0.0.1:$nginx_port/metrics.json"

echo "# wrk -t1 -c$conns -d${secs}s on $(nproc) cores; warm-up run first, then measured"
# The JIT needs a while: two warm-up rounds over both read paths.
for _ in 1 2; do
  bench warmup "http://127.0.0.1:$app_port/api/metrics" >/dev/null
  bench warmup "http://127.0.0.1:$app_port/api/metrics/demo" >/dev/null
done
bench "nginx static (ceiling)" "http://127.0.0.1:$nginx_port/metrics.json"
bench "GET /api/metrics" "http://127.0.0.1:$app_port/api/metrics"
bench "GET /api/metrics (304)" "http://127.0.0.1:$app_port/api/metrics" -H "If-None-Match: $etag"
bench "GET /api/metrics/demo" "http://127.0.0.1:$app_port/api/metrics/demo"
bench "GET /api/metrics?format=smiirl" "http://127.0.0.1:$app_port/api/metrics?format=smiirl"
echo "# service RSS after load: $(( $(awk '/VmRSS/ {print $2}' /proc/$app_pid/status) / 1024 )) MiB"
