"""A ``redis-server`` of a test's own, which the test may stop, restart or pause
without touching the Redis other tests and engineers share."""

import os
import shutil
import signal
import subprocess
import time

from tests.browser.server import free_port

#: Why a test cannot start one, or an empty string.
MISSING = "" if shutil.which("redis-server") else "redis-server is not installed"


class RedisServer:
    """Without persistence (as the cache Redis should run), on a free port. ``stop``
    refuses connections and ``start`` brings it back empty; ``pause`` makes it hang
    (a hung server or a network fault: it keeps its data) until ``resume``."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self._ping() != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        return self

    def _ping(self):
        ping = ["redis-cli", "-p", str(self.port), "ping"]
        return subprocess.run(ping, capture_output=True, text=True).stdout.strip()

    def stop(self):
        if self.process is not None:
            self.resume()
            self.process.kill()
            self.process.wait()
            self.process = None

    def pause(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)
