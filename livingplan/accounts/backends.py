import functools
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest
from django_otp import device_classes

from livingplan.accounts.models import Membership, Organisation, User


def find_account(entered: str) -> User | None:
    """The account a sign-in name points to: a username or an email address, in any letter case."""
    entered = entered.strip()
    lookup = {"email__iexact": entered} if "@" in entered else {"username__iexact": entered}
    return User.objects.filter(**lookup).first()


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with either a username or an email address (both case-insensitive)."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if not username or not password:
            return None
        user = find_account(username)
        if user is None:
            # Spend the same time as a real check so timing does not reveal which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id: int) -> User | None:
        """The signed-in user for each request, with the two facts the two-factor check needs.

        `RequireTwoFactorMiddleware` asks on every page whether the user has a second factor and
        whether their organisation requires one: two more queries a page for everyone not yet
        verified (every person and their circle). Loaded here in the same statement as the user.
        """
        sql, device_kinds = _user_sql()
        found = list(User.objects.raw(sql, [*[True] * device_kinds, True, user_id]))
        if not found or not self.user_can_authenticate(found[0]):
            return None
        user = found[0]
        user.has_second_factor = bool(user.has_second_factor)
        user.needs_second_factor = bool(user.needs_second_factor)
        return user


@functools.cache
def _user_sql() -> tuple[str, int]:
    """The statement, and how many kinds of second factor it asks about (one parameter each)."""
    # SQL, like the visibility rule (ADR-014, ADR-031): every page runs it, and composing these
    # EXISTS with the ORM took longer than the three queries it replaces (medians of 2,000 on
    # SQLite: three ORM queries 1.42 ms, one ORM query 1.53 ms, this statement 0.18 ms).
    tables = [model._meta.db_table for model in device_classes()]
    devices = " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} d WHERE d.user_id = u.id AND d.confirmed = %s)"  # noqa: S608 - table names
        for table in tables
    )
    user, membership = User._meta.db_table, Membership._meta.db_table
    organisation = Organisation._meta.db_table
    # Only table names from our own and django-otp's models are formatted in; values are parameters.
    sql = f"""
        SELECT u.*, ({devices}) AS has_second_factor,
               EXISTS (SELECT 1 FROM {membership} m JOIN {organisation} o ON o.id = m.organisation_id
                        WHERE m.user_id = u.id AND o.requires_two_factor = %s) AS needs_second_factor
          FROM {user} u WHERE u.id = %s
    """  # noqa: S608
    return sql, len(tables)
