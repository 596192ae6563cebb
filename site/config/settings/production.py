"""Production: refuses to start without a real SECRET_KEY. See docs/production.md.

``manage.py check --deploy`` passes with no warning on these settings.
"""

from django.core.exceptions import ImproperlyConfigured

from . import environment as env
from .base import *  # noqa: F403
from .base import SECRET_KEY

if not SECRET_KEY or len(SECRET_KEY) < 40 or SECRET_KEY.startswith(("dev-", "test-", "change")):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (50+ characters) before starting in production."
    )

DEBUG = False

# Background work, uploaded files' text among it, runs in the task worker (`manage.py db_worker`,
# docs/production.md), never inside a web request.
TASKS = {"default": {"BACKEND": env.text("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# HTTPS: on by default. SECURE_SSL_REDIRECT=off is only for a local smoke test
# over plain HTTP (the browser tests and bench/load); it also drops the Secure
# flag from cookies, which a browser would not send back over HTTP.
_https = env.flag("SECURE_SSL_REDIRECT", default=True)
SECURE_SSL_REDIRECT = _https
# The proxy's and the orchestrator's probes reach the app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env.text("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        **LOGGING["formatters"],  # noqa: F405
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        # One JSON line per request (operations.requestlog), on stderr with gunicorn's log.
        "operations.requests": {
            **LOGGING["loggers"]["operations.requests"],  # noqa: F405
            "level": env.text("REQUEST_LOG_LEVEL", "INFO"),
        },
    },
}
