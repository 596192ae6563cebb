"""WSGI entry point: `gunicorn --pythonpath site config.wsgi`."""

import os
import sys
from pathlib import Path

from django.core.wsgi import get_wsgi_application

# The project root holds the apps; site/ (this file's grandparent) holds config.
sys.path.append(str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
