"""Sign-in throttling on top of django-axes: one count per account, however its name is typed,
and a looser count per IP address across accounts (ADR-016).
"""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.http import HttpRequest

from livingplan.accounts.backends import find_account


def account_key(entered: str | None) -> str | None:
    """What failures are counted against: the account the name signs in to, or the name itself.

    Sign-in ignores letter case and accepts an email address, so "Quinn", "QUINN" and
    quinn@example.org must all add to quinn's count, or each spelling gets its own five guesses.
    """
    if not entered or not entered.strip():
        return None
    user = find_account(entered)
    name = user.username if user is not None else entered.strip()
    return name.casefold()


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the same account key wherever axes asks for a username."""
    entered = credentials.get("username") if credentials else getattr(request, "POST", {}).get("username")
    # Axes asks several times per sign-in; look the account up once.
    known: dict[str | None, str | None] = request.__dict__.setdefault("_lockout_keys", {})
    if entered not in known:
        known[entered] = account_key(entered)
    return known[entered]


class ThrottlingHandler(AxesDatabaseHandler):  # type: ignore[misc]  # django-axes ships no types
    """Locks an account after AXES_FAILURE_LIMIT failures from anywhere, and an IP address after
    LIVINGPLAN_IP_FAILURE_LIMIT failures against any accounts.

    Axes compares every lockout parameter with one limit, so the IP count is checked here.
    """

    def _failures(self, request: HttpRequest, **match: Any) -> int:
        attempts = AccessAttempt.objects.filter(**match)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return sum(attempts.values_list("failures_since_start", flat=True))

    def _account_failures(self, request: HttpRequest, credentials: dict[str, Any] | None) -> int:
        username = lockout_username(request, credentials)
        return 0 if username is None else self._failures(request, username=username)

    def _ip_failures(self, request: HttpRequest) -> int:
        return self._failures(request, ip_address=request.axes_ip_address)  # type: ignore[attr-defined]

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        # Only the account's own count is compared with AXES_FAILURE_LIMIT; see is_locked for the IP.
        return self._account_failures(request, credentials)

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return self._ip_failures(request) >= settings.LIVINGPLAN_IP_FAILURE_LIMIT

    def user_login_failed(self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if self._ip_failures(request) >= settings.LIVINGPLAN_IP_FAILURE_LIMIT:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            username = lockout_username(request, credentials)
            user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """After a good sign-in, forget only this account's failures from this address.

        Axes would also forget every failure from the address, letting anyone with an account
        wipe the IP count by signing in to it between guesses at other people's passwords.
        """
        username = lockout_username(request, credentials)
        # Axes ships no types; this is Django's `QuerySet.delete()`: (rows deleted, by model).
        deleted: tuple[int, dict[str, int]] = AccessAttempt.objects.filter(
            username=username,
            ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        ).delete()
        return deleted[0]
