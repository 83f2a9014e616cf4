"""`python -m apps`: start the suite — an index page plus every app in its own process.

    python -m apps                      # index on http://127.0.0.1:7860/, apps on 7861..
    python -m apps --only chatbot       # a subset
    python -m apps --host 0.0.0.0       # listen on every interface (explicit choice; implies --hosted)
    python -m apps --hosted             # a room of strangers: private work, host token (docs/hosting.md)

Ctrl-C (or SIGTERM) stops every app and the index page.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from apps import index_page, supervisor
from apps.registry import APPS, available_apps
from core.config import ConfigError, get_settings, reset_settings
from core.hosting.host_token import host_token
from core.hosting.mode import is_hosted
from core.models.catalog import configured_models

log = logging.getLogger("apps")


def parse_args(argv):
    s = get_settings()
    p = argparse.ArgumentParser(prog="python -m apps", description="Start GenAI Studio")
    p.add_argument("--host", default=s.apps.host, help=f"interface to bind (default {s.apps.host}; GENAI_HOST)")
    p.add_argument("--port", type=int, default=s.apps.port, help=f"index page port (default {s.apps.port}); "
                   "apps use the next ports, one each")
    p.add_argument("--hosted", action="store_true", default=s.apps.hosted,
                   help="serve a room: each visitor's work private, shared things changed only with the "
                        "host token, rate limits (GENAI_HOSTED; implied by a non-loopback --host)")
    p.add_argument("--only", nargs="+", metavar="APP", choices=APPS.names(),
                   help="start only these apps")
    return p.parse_args(argv)


def make_handler(host: str, running: list[supervisor.RunningApp], models: list[dict]):
    class IndexHandler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path in ("/", "/index.html"):
                apps = [{"name": a.spec.name, "title": a.spec.title, "description": a.spec.description,
                         "framework": a.spec.framework, "models": a.spec.models, "port": a.port,
                         "state": a.state(host)} for a in running]
                self._send(200, "text/html; charset=utf-8", index_page.render(apps, models))
            elif self.path == "/status.json":
                states = {a.spec.name: a.state(host) for a in running}
                self._send(200, "application/json", json.dumps(states))
            elif self.path == "/apps.json":  # state, port, pid, restarts and last exit code per app
                self._send(200, "application/json", json.dumps({a.spec.name: a.describe() for a in running}))
            else:
                self._send(404, "text/plain", "not found")

        def _send(self, code, ctype, body: str):
            data = body.encode()
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep the terminal for app state, not request lines
            pass

    return IndexHandler


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    try:
        args = parse_args(argv)
        settings = get_settings()
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    specs = [a for a in available_apps() if not args.only or a.name in args.only]
    # each app keeps the same port whichever others run, so bookmarks stay valid
    ports = {a.name: args.port + a.port_offset for a in specs}
    try:
        server = ThreadingHTTPServer((args.host, args.port), None)
    except OSError as e:
        print(f"error: cannot listen on {args.host}:{args.port}: {e}. Use --port or GENAI_PORT.",
              file=sys.stderr)
        return 2
    data_dir = settings.data_dir.resolve()  # absolute: apps run with the repo as cwd
    hosted = is_hosted(settings, args.host) or args.hosted
    if hosted:  # the apps inherit the mode (a non-loopback GRADIO_SERVER_NAME implies it there too)
        os.environ["GENAI_HOSTED"] = "true"
        reset_settings()
        settings = get_settings()
    running = [supervisor.start(spec, args.host, ports[spec.name], data_dir) for spec in specs]
    server.RequestHandlerClass = make_handler(args.host, running, configured_models())

    stopping = threading.Event()

    def stop(signum, frame):
        stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    watcher = supervisor.supervise(running, stopping)  # restarts an app that crashes
    shown = "localhost" if args.host in ("127.0.0.1", "0.0.0.0") else args.host
    log.info("GenAI Studio index: http://%s:%d/  (apps: %s; logs in %s)", shown, args.port,
             ", ".join(f"{a.spec.name}:{a.port}" for a in running) or "none", data_dir / "logs")
    if hosted:
        log.info("Hosted mode: visitors' work is private; shared things need the host token: %s  "
                 "(GENAI_HOST_TOKEN sets your own; docs/hosting.md)", host_token(settings))
    elif any(a.spec.name == "labeling" for a in running):
        log.info("Labeling host view token: %s  (GENAI_HOST_TOKEN sets your own)", host_token(settings))
    log.info("Ctrl-C stops everything")
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        log.info("stopping %d app(s)...", len(running))
        stopping.set()
        watcher.join(timeout=5)
        supervisor.stop_all(running)
        server.server_close()
        log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
