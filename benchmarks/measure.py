"""What every benchmark here measures with: a median time, a count of database queries, and the
database it runs on (SQLite in a temporary file, or the server `DATABASE_URL` names)."""

import atexit
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def choose_database() -> None:
    """Before `django.setup()`: SQLite in a temporary file, unless `DATABASE_URL` names a server
    (`make bench DATABASE_URL=postgres://...`); then `create_database` works in a throwaway copy."""
    url = os.environ.get("DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"


def create_database() -> str:
    """After `django.setup()`: the schema, in a test database dropped at exit when on a server
    (the database `DATABASE_URL` names is never written to). Returns what it runs on, for the report."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return "SQLite"
    named = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    atexit.register(connection.creation.destroy_test_db, named, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


class QueryCounter:
    """A `connection.execute_wrapper` that counts the statements a block runs."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object) -> object:
        self.count += 1
        return execute(sql, params, many, context)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
