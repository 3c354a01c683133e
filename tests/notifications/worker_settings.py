"""The benchmark's settings (a SQLite file every process shares, the database task backend), with
SQLite's wait for a lock from the environment, so a test can make the database "go away" for longer."""

import os

from benchmarks.bench_settings import *  # noqa: F403

DATABASES["default"]["OPTIONS"]["timeout"] = float(os.environ.get("SQLITE_TIMEOUT", "20"))  # noqa: F405
