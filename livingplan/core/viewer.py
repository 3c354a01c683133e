"""`Viewer`: whoever is asking to read something, signed in or not.

Every `visible_to(viewer)` and every rule takes one, so the type says what the code must
handle: an anonymous visitor as well as a signed-in user (`request.user` is exactly this).
To the type checker it is the project's `User | AnonymousUser`: django-stubs refines `_User`
to `AUTH_USER_MODEL`, which lets the kernel name the user without importing `accounts` (it
sits below it in the layers). At run time it is the same union over Django's base user
class, which `accounts.User` extends.
"""

from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from django.contrib.auth.models import _User
else:
    from django.contrib.auth.base_user import AbstractBaseUser as _User

Viewer: TypeAlias = _User | AnonymousUser

__all__ = ["Viewer", "active_user"]


def active_user(viewer: Viewer) -> _User | None:
    """The signed-in account behind `viewer` if it may read anything at all: an anonymous
    visitor and a switched-off account read nothing, whatever else is true of them."""
    if not viewer.is_authenticated or not viewer.is_active:
        return None
    return viewer
