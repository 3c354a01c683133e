"""Tests: fast password hashing, tasks run inline, plain static storage for the live server."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Argon2 is slow by design; tests hash hundreds of passwords.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "later": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
LATER_TASKS_BACKEND = "later"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["NAME"] = ":memory:"  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
LOGGING["root"] = {"handlers": ["console"], "level": "WARNING"}  # noqa: F405
# Serve static files straight from the source folders: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Emails are kept in django.core.mail.outbox for tests to read.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
