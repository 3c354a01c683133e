"""Sign in and out, the locked-out page, and second-factor enrolment and checking."""

import base64
from typing import Any

import segno
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingplan.accounts import services
from livingplan.accounts.forms import SignInForm, TokenForm, pause_notice
from livingplan.accounts.http import AuthenticatedRequest


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


def locked_out(request: HttpRequest, response: Any = None, credentials: Any = None) -> HttpResponse:
    """Shown by django-axes after too many failed sign-ins. 429 says "wait", not "forbidden"."""
    return render(request, "accounts/locked_out.jinja", status=429)


@login_required
def security(request: AuthenticatedRequest) -> HttpResponse:
    """Set up, or replace, an authenticator app as a second factor."""
    device = services.pending_totp_device(user=request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        services.confirm_totp_device(device, by=request.user, request=request, audit=request.audit)
        return redirect("home:home")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code for your authenticator app")
    context = {
        "form": form,
        "qr_svg": qr_svg,
        "secret": _base32(device.bin_key),
        "has_device": user_has_device(request.user),
        "required": services.requires_two_factor(request.user),
    }
    return render(request, "accounts/security.jinja", context, status=400 if form.is_bound else 200)


@login_required
def verify(request: AuthenticatedRequest) -> HttpResponse:
    """Ask for the authenticator code after the password, for users who have one."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("accounts:security")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("home:home")
    context = {"form": form, "paused_until": pause_notice(device)}
    return render(request, "accounts/verify.jinja", context, status=400 if form.is_bound else 200)


def _base32(key: bytes) -> str:
    """The secret in groups of four, for people who type it rather than scan the QR code."""
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
