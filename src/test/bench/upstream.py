#!/usr/bin/env python3
"""A stand-in Instagram Graph API on loopback for the benchmark: answers the user lookup the
service makes (GET /v25.0/<ig-user-id>) with a follower count, counts the calls, and tells the
count at GET /calls. Usage: upstream.py PORT"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

calls = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        global calls
        if self.path == "/calls":
            body = str(calls).encode()
        elif self.path.startswith("/v25.0/"):
            with lock:
                calls += 1
            body = json.dumps({"followers_count": 267788 + calls, "username": "bench", "id": "17841400000000000"}).encode()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
