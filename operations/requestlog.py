"""One JSON line per request: method, path, status, duration and request id.

For the log collector of a fleet, where the lines of several app servers are
read together: the request id follows one request from the proxy to the line.
It is the proxy's ``X-Request-ID`` when that is well formed, otherwise a new
one, and it goes back in the response's ``X-Request-ID``. Like gunicorn's
access log (docs/deploy/gunicorn.conf.py), the line leaves out the query string
(search terms can be personal) and the client's address.

Written by the ``operations.requests`` logger at INFO (on in production; the
``LOGGING`` setting gives it the ``JsonLinesFormatter`` below).
"""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

logger = logging.getLogger("operations.requests")

HEADER = "X-Request-ID"
_WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,128}")


def request_id(request):
    """The proxy's request id when it looks like one, otherwise a new one."""
    offered = request.headers.get(HEADER, "")
    return offered if _WELL_FORMED.fullmatch(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id(request)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        if logger.isEnabledFor(logging.INFO):
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "request_id": request.request_id,
            }
            if "X-Page-Cache" in response:
                fields["page_cache"] = response["X-Page-Cache"]
            logger.info("request", extra={"fields": fields})
        return response


class JsonLinesFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message and its ``fields``."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
