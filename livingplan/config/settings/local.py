"""The demo on one machine: embedded SQLite, debug pages, a fixed development key."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "local-development-only-not-secret"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 - the SQLite file lives here
