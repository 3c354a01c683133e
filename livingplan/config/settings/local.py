"""The demo on one machine: embedded SQLite, the service's own error pages, a fixed development key.

Debug pages are off unless DEBUG=1: with them on, a mistyped address shows every URL of the
service, which is not how a person meets it. WhiteNoise serves the static files straight from the
source folders, so nothing needs collecting first.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "local-development-only-not-secret"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 - the SQLite file lives here
# The demo sends no email: password reset emails are printed where `make run` logs.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
