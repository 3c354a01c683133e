"""Staff reset their own password by email: Django's own views, in the NHS.UK style, throttled.

The "sent" page says the same whether or not an account uses the address, so the form cannot be
used to find out who has an account. Requests are counted in the database (not the per-process
cache) so every worker shares the limits (ADR-022).

The email is not sent inside the request: it is queued in the notifications outbox (issue 11), so
a known address costs one more row, not a round trip to a mail server whose time would tell who
has an account. This app sits below `notifications` in the layers and cannot import it, so the
notifications app registers the sender at start-up (`register_reset_sender`), as `people`
registers who acts for which organisation with the auditor.
"""

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from livingplan.accounts.models import PasswordResetRequest, User
from livingplan.accounts.staff_forms import ChoosePasswordForm, ResetByEmailForm

WINDOW = dt.timedelta(hours=1)

# Queues the email with the link (a path on this service) for `user`; `key` is one per request.
ResetSender = Callable[..., None]
_send_reset: ResetSender | None = None


def register_reset_sender(sender: ResetSender) -> None:
    """The notifications app says how a reset link reaches someone (it sits above us)."""
    global _send_reset  # one sender for the process, set at start-up
    _send_reset = sender


def _address_hash(email: str) -> str:
    return hashlib.sha256(email.strip().casefold().encode()).hexdigest()


def requests_allowed(email: str, ip_address: str | None) -> tuple[bool, bool, int]:
    """(send to this address?, serve this IP address?, this request's id) after counting it.

    Too many for one address: nothing more is sent to it for a while, but the page says the
    same as ever (a limit that showed would reveal nothing, but would tell an attacker to move
    on). Too many from one IP address: that visitor is told to wait.
    """
    since = timezone.now() - WINDOW
    digest = _address_hash(email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    by_address = recent.filter(address_hash=digest).count()
    by_ip = recent.filter(ip_address=ip_address).count() if ip_address else 0
    counted = PasswordResetRequest.objects.create(address_hash=digest, ip_address=ip_address)
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
    return (
        by_address < settings.LIVINGPLAN_RESET_EMAILS_PER_ADDRESS,
        by_ip < settings.LIVINGPLAN_RESET_REQUESTS_PER_IP,
        counted.pk,
    )


def queue_reset_links(users: "list[User]", *, request_id: int) -> None:
    """A link to choose a password for each account using the address (at most one): queued, not sent."""
    if _send_reset is None:
        # Sending inline instead would bring back the timing that tells who has an account.
        raise ImproperlyConfigured("No password reset sender is registered: is the notifications app installed?")
    for user in users:
        path = reverse(
            "accounts:password-reset-choose",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        _send_reset(user=user, path=path, key=f"password-reset-{request_id}-{user.pk}")


class ResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/reset/request.jinja"
    form_class = ResetByEmailForm
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"]
        with transaction.atomic():  # the count and the queued message commit together
            send, serve, request_id = requests_allowed(email, self.request.META.get("REMOTE_ADDR"))
            if send and serve:
                queue_reset_links(list(form.get_users(email)), request_id=request_id)
        if not serve:
            return render(self.request, "accounts/reset/too_many.jinja", status=429)
        return HttpResponseRedirect(self.get_success_url())  # the same page, sent or not

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/reset/sent.jinja"


class ResetChooseView(auth_views.PasswordResetConfirmView):
    """Django swaps the emailed token for a step in the session on the way in, as invitations do."""

    template_name = "accounts/reset/choose.jinja"
    form_class = ChoosePasswordForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def dispatch(self, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = super().dispatch(*args, **kwargs)
        # A link that opens nothing says so with a 404, as an invitation link does.
        if not self.validlink and response.status_code == 200:
            response.status_code = 404
        return response


class ResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/reset/done.jinja"
