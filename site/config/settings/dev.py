"""Local development: `make run`. Debug on, a fixed key that is never used in production."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-key-not-for-production"
ALLOWED_HOSTS = ["*"]
