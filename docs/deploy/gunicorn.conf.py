"""gunicorn settings for production (see docs/production.md, "Running as a fleet").

Workers are forked from a master that has loaded the application once
(``preload_app``): a new worker is ready in milliseconds instead of after ~3.5 s
of imports, and it shares the master's memory pages until it writes to them
(``gc.freeze()`` below keeps the garbage collector from writing to all of them).
Recycling stays as a guard against a slow leak, every ~20,000 requests per
worker (``GUNICORN_MAX_REQUESTS``; 0 turns it off): with the page cache a worker
serves hundreds of requests a second, and the old every-2,000-requests recycling
without preloading spent more CPU booting workers than serving cached pages
(bench/load, figures in docs/production.md).

A preloaded master keeps the code it started with: deploy with a restart of
the service (``systemctl restart``), not a HUP, which would only fork new
workers from the old code.

The access log leaves out query strings (search terms can be personal) and the
client address; errors still go to the error log. Django writes one JSON line
per request to the same stream (``operations.requestlog``).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 60
graceful_timeout = 30
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# gunicornc's control socket has one default path per user: app servers sharing a
# machine would take it from each other, and nothing here uses it.
control_socket_disable = True


def when_ready(server):
    """In the master, once the application is loaded and before the first fork."""
    if not server.cfg.preload_app:
        return
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports the URLconf and its views once, for all)
    connections.close_all()  # a connection opened while loading must not be shared
    gc.collect()
    gc.freeze()
