"""Enforce second factors: verify when a user has one; enrol when their organisation requires it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from livingplan.accounts.models import User
from livingplan.accounts.services import requires_two_factor

# Paths a half-signed-in user must still reach: to finish signing in, or to leave.
EXEMPT_PREFIXES = ("/static/", "/healthz", "/sign-out/", "/account/", "/accessibility-statement/", "/privacy-notice/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith(EXEMPT_PREFIXES):
            verified = user.is_verified()  # type: ignore[attr-defined]  # added by OTPMiddleware
            if not verified and _has_second_factor(user):
                return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': request.get_full_path()})}")
            if not verified and _needs_second_factor(user):
                return redirect("accounts:security")
        return self.get_response(request)


# Both are loaded with the user by `UsernameOrEmailBackend.get_user` (no query here); a user loaded
# any other way is asked the database.
def _has_second_factor(user: User) -> bool:
    return user_has_device(user) if user.has_second_factor is None else user.has_second_factor


def _needs_second_factor(user: User) -> bool:
    return requires_two_factor(user) if user.needs_second_factor is None else user.needs_second_factor
