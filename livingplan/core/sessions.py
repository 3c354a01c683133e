"""Database sessions, read with one plain statement.

Every signed-in request reads its session first. Django's database backend builds that read with
the ORM each time, which took longer than the database took to answer it (`make bench`,
framework floor); this reads the same table with fixed SQL, as the visibility rule does
(ADR-014). Writing, expiry and clearing are Django's own, unchanged.
"""

import functools

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone


@functools.cache
def _read_sql() -> str:
    table = Session._meta.db_table
    # Only the table name of Django's own model is formatted in; values are parameters.
    return f"SELECT session_key, session_data, expire_date FROM {table} WHERE session_key = %s AND expire_date > %s"  # noqa: S608


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        if not self.session_key:
            self._session_key = None
            return None
        found = list(Session.objects.raw(_read_sql(), [self.session_key, timezone.now()]))
        if not found:
            # As Django's backend does: an unknown or expired key starts a new session.
            self._session_key = None
            return None
        return found[0]
