from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from livingplan.accounts.models import User


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
