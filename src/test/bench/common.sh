# common.sh — what the benchmarks in this folder share; sourced by them, not run on its own.
# shellcheck shell=bash

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

# A wrk --latency report (file) as "req/s p50_ms p99_ms non-2xx/3xx socket_errors".
wrk_summary() {
  awk 'function ms(v,  n, u) { match(v, /^[0-9.]+/); n = substr(v, 1, RLENGTH) + 0; u = substr(v, RLENGTH + 1)
         return u == "us" ? n / 1000 : (u == "s" ? n * 1000 : (u == "m" ? n * 60000 : n)) }
    /Latency Distribution/ { d = 1 } d && $1 == "50%" { p50 = ms($2) } d && $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 } /Non-2xx or 3xx/ { bad = $NF }
    /Socket errors:/ { gsub(/,/, ""); socket = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, socket }' "$1"
}

# A work folder ($work) and a list of processes ($pids) that are stopped, with nginx, on exit.
bench_workdir() {  # name
  work=$(mktemp -d "/tmp/ticker-$1.XXXXXX")
  chmod 755 "$work"
  pids=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -s "$work/nginx.pid" ]]; then kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}

# nginx with one worker on 127.0.0.1:port, serving each body file at its path with the service's
# Cache-Control and hardening headers, and its own ETag (which answers its own If-None-Match).
# Returns once the first path answers.
nginx_serve() {  # port "path|body-file|cache-control" ...
  local port=$1 locations="" path file cache_control entry
  shift
  mkdir -p "$work/www" "$work/tmp"
  for entry in "$@"; do
    IFS='|' read -r path file cache_control <<<"$entry"
    mkdir -p "$work/www$(dirname "$path")"
    cp "$file" "$work/www$path"
    locations+="
    location = $path { default_type application/json; etag on;
      add_header Cache-Control \"$cache_control\" always; add_header X-Content-Type-Options nosniff always;
      add_header Referrer-Policy no-referrer always; }"
  done
  cat >"$work/nginx.conf" <<CONF
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err warn; daemon on;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $work/tmp; proxy_temp_path $work/tmp;
  fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  keepalive_requests 1000000; server_tokens off;
  server { listen 127.0.0.1:$port; root $work/www;$locations } }
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx.conf" -p "$work"
  IFS='|' read -r path _ <<<"$1"
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port$path" && return 0; sleep 0.1; done
  echo "nginx did not answer on port $port; its log:" >&2
  cat "$work/nginx.err" >&2
  return 1
}
