"""A fixed-window limit on every API request, per token (or per signed-in user), counted in the
database so every server process shares one allowance (ADR-052, extending ADR-019's idea).

Each request costs one statement: an upsert that makes this window's row or adds one to it only
while the count is under the limit, which the database does atomically, so two processes cannot
both take the last place. The caller's first request of a window also deletes their rows of
finished windows, so the table holds about one row per active caller.
"""

import datetime as dt
import functools
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from livingplan.api.models import RequestCount

DEFAULT_LIMIT = 300  # requests per window, per token or signed-in user
DEFAULT_WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Allowance:
    limit: int
    window_seconds: int


class RateLimited(Exception):
    """Over the allowance: wait `retry_after` seconds, until the next window starts."""

    def __init__(self, allowance: Allowance, retry_after: int) -> None:
        super().__init__(f"Too many requests: wait {retry_after} seconds.")
        self.allowance, self.retry_after = allowance, retry_after


def allowance() -> Allowance:
    """`LIVINGPLAN_API_RATE_LIMIT` requests every `LIVINGPLAN_API_RATE_WINDOW` seconds."""
    return Allowance(
        limit=int(getattr(settings, "LIVINGPLAN_API_RATE_LIMIT", DEFAULT_LIMIT)),
        window_seconds=int(getattr(settings, "LIVINGPLAN_API_RATE_WINDOW", DEFAULT_WINDOW_SECONDS)),
    )


def count_request(key: str) -> None:
    """Count one request for `key` ("token:12", "user:7"); `RateLimited` when over the allowance."""
    rule = allowance()
    now = timezone.now().timestamp()
    start_ts = math.floor(now / rule.window_seconds) * rule.window_seconds
    start = dt.datetime.fromtimestamp(start_ts, tz=dt.UTC)
    if _take_a_place(key, start, rule.limit):
        return
    retry_after = max(1, math.ceil(start_ts + rule.window_seconds - now))
    raise RateLimited(rule, retry_after)


def _take_a_place(key: str, start: dt.datetime, limit: int) -> bool:
    """One statement whatever the state: insert this window's row, or add one to it while it is
    under the limit; the count comes back only when a place was taken."""
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [key, connection.ops.adapt_datetimefield_value(start), limit])
        row = cursor.fetchone()
    if row is None:
        return False  # the window is full
    if row[0] == 1:
        # The caller's first request of this window: their finished windows are no longer needed.
        RequestCount.objects.filter(key=key, window_start__lt=start).delete()
    return True


@functools.cache
def _upsert_sql() -> str:
    """INSERT ... ON CONFLICT DO UPDATE ... RETURNING: the same words on PostgreSQL and SQLite (3.35+)."""
    q = connection.ops.quote_name
    table, key, start, count = (q(n) for n in (RequestCount._meta.db_table, "key", "window_start", "count"))
    # Only our own table and column names are formatted in; every value is a parameter.
    return f"""
        INSERT INTO {table} ({key}, {start}, {count}) VALUES (%s, %s, 1)
        ON CONFLICT ({key}, {start}) DO UPDATE SET {count} = {table}.{count} + 1
        WHERE {table}.{count} < %s
        RETURNING {count}
    """  # noqa: S608


def prune() -> int:
    """Delete the counts of finished windows of callers who stopped calling (run by `db_worker`)."""
    finished = timezone.now() - dt.timedelta(seconds=allowance().window_seconds)
    deleted, _ = RequestCount.objects.filter(window_start__lt=finished).delete()
    return deleted
