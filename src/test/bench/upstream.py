#!/usr/bin/env python3
"""A stand-in Instagram Graph API on loopback for the benchmarks: answers the user lookup the
service makes (GET /v25.0/<ig-user-id>) with a follower count, and counts the calls.

  GET /calls           calls so far (every lookup, answered or failed)
  GET /mode/healthy    lookups answered at once with 200 (the start)
  GET /mode/outage     lookups answered 503 with a Graph API error after OUTAGE_MS (a slow,
                       failing upstream: what makes refreshes pile up)
  GET /mode/partial    the accounts whose id ends in 7 (a tenth) answered 503 at once, the others 200
                       (a console with some failing sources)

Usage: upstream.py PORT [OUTAGE_MS, default 300]"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

calls = 0
outage = False
partial = False
lock = threading.Lock()
outage_secs = (int(sys.argv[2]) if len(sys.argv) > 2 else 300) / 1000
# Graph API's answer when it is down (error code 2, "Service temporarily unavailable").
outage_body = json.dumps({"error": {"message": "Service temporarily unavailable", "type": "OAuthException",
                                    "code": 2, "fbtrace_id": "bench"}}).encode()


class Handler(BaseHTTPRequestHandler):
    # Keep-alive, as the real API offers: no new connection per call.
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global calls, outage, partial
        status = 200
        if self.path == "/calls":
            body = str(calls).encode()
        elif self.path in ("/mode/healthy", "/mode/outage", "/mode/partial"):
            outage = self.path == "/mode/outage"
            partial = self.path == "/mode/partial"
            body = self.path[len("/mode/"):].encode()
        elif self.path.startswith("/v25.0/"):
            with lock:
                calls += 1
                n = calls
            if outage:
                time.sleep(outage_secs)
                status, body = 503, outage_body
            elif partial and self.path.split("?")[0].endswith("7"):
                status, body = 503, outage_body
            else:
                body = json.dumps({"followers_count": 267788 + n, "username": "bench",
                                   "id": "17841400000000000"}).encode()
        else:
            self.send_error(404)
            return
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    # socketserver's default backlog (5) drops connections when a few hundred refreshes start at once.
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # A service stopped mid-connection resets it: expected here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
