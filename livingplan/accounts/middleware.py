"""Enforce second factors: verify when a user has one; enrol when their organisation requires it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

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
            if not verified and user_has_device(user):
                return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': request.get_full_path()})}")
            if not verified and requires_two_factor(user):
                return redirect("accounts:security")
        return self.get_response(request)
