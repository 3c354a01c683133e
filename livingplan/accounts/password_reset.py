"""Staff reset their own password by email: Django's own views, in the NHS.UK style, throttled.

The "sent" page says the same whether or not an account uses the address, so the form cannot be
used to find out who has an account. Requests are counted in the database (not the per-process
cache) so every worker shares the limits (ADR-022).
"""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone

from livingplan.accounts.models import PasswordResetRequest
from livingplan.accounts.staff_forms import ChoosePasswordForm, ResetByEmailForm

WINDOW = dt.timedelta(hours=1)


def _address_hash(email: str) -> str:
    return hashlib.sha256(email.strip().casefold().encode()).hexdigest()


def requests_allowed(email: str, ip_address: str | None) -> tuple[bool, bool]:
    """(send to this address?, serve this IP address?) after counting this request.

    Too many for one address: nothing more is sent to it for a while, but the page says the
    same as ever (a limit that showed would reveal nothing, but would tell an attacker to move
    on). Too many from one IP address: that visitor is told to wait.
    """
    since = timezone.now() - WINDOW
    digest = _address_hash(email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    by_address = recent.filter(address_hash=digest).count()
    by_ip = recent.filter(ip_address=ip_address).count() if ip_address else 0
    PasswordResetRequest.objects.create(address_hash=digest, ip_address=ip_address)
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
    return (
        by_address < settings.LIVINGPLAN_RESET_EMAILS_PER_ADDRESS,
        by_ip < settings.LIVINGPLAN_RESET_REQUESTS_PER_IP,
    )


class ResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/reset/request.jinja"
    email_template_name = "accounts/reset/email.txt"
    subject_template_name = "accounts/reset/subject.txt"
    form_class = ResetByEmailForm
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form: Any) -> HttpResponse:
        send, serve = requests_allowed(form.cleaned_data["email"], self.request.META.get("REMOTE_ADDR"))
        if not serve:
            return render(self.request, "accounts/reset/too_many.jinja", status=429)
        if not send:
            return super(auth_views.PasswordResetView, self).form_valid(form)  # the same page, nothing sent
        return super().form_valid(form)

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
