"""Two people writing at the same moment: the answer is a 409 or a 503 to retry, never a 500.

`Conflict` is the base of every "someone else changed it first" error (plans' `StaleEdit`), so the
middleware can answer 409 without knowing the apps above it. `is_lock_contention` recognises
SQLite's "database is locked", left over only when a writer waited its whole busy timeout.
"""

from django.db import OperationalError

# Long enough for the writer holding the lock to finish, short enough that a person does not give up.
RETRY_AFTER_SECONDS = 5
LOCKED_MESSAGES = ("database is locked", "database table is locked")


class Conflict(Exception):
    """The thing being changed moved on since the user read it; nothing was written."""


def is_lock_contention(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and any(m in str(error).lower() for m in LOCKED_MESSAGES)
