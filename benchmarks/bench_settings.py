"""Settings for the benchmarks' own server and worker processes: the test settings, on a SQLite file
every process shares, with the task backend the benchmark names (BENCH_TASKS=db or immediate)."""

import os

# The file every process shares is SQLite whatever DATABASE_URL the caller has (CI's PostgreSQL run
# sets one): read before the settings below parse it.
os.environ["DATABASE_URL"] = f"sqlite:///{os.environ['BENCH_DB']}"

from livingplan.config.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["BENCH_DB"]  # noqa: F405 - the test settings use :memory:
DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20  # noqa: F405 - wait for the worker's writes
if os.environ.get("BENCH_TASKS", "db") == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A plan made before the caps existed (the probe's had 215 outcomes): the caps would refuse it.
LIVINGPLAN_PLAN_LIMITS = {"outcomes": 10_000, "actions": 10_000}
