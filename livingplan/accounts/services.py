"""Domain verbs for accounts: enrolling and confirming a second factor, and the sign-in made for
someone invited (they choose its password when they accept)."""

import re

from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor


def pending_totp_device(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up, made on first request."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_totp_device(
    device: TOTPDevice, *, by: User, request: HttpRequest, audit: AuditContext | None = None
) -> TOTPDevice:
    TOTPDevice.objects.filter(user=by, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)  # marks the request's session verified: this verb needs the request itself
    auditor.record("accounts.two_factor.enrolled", audit=context_for(by, audit), obj=device)
    return device


def requires_two_factor(user: User) -> bool:
    return user.memberships.filter(organisation__requires_two_factor=True).exists()


def _unique_username(email: str, name: str) -> str:
    base = email.split("@", 1)[0] if email else name
    base = re.sub(r"[^a-z0-9._-]+", ".", base.lower()).strip("._-")[:140] or "circle.member"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def create_invited_user(*, name: str, email: str) -> User:
    """A sign-in for someone invited, with no password until they accept. The caller checks the
    email is not already someone else's and audits the invitation it belongs to."""
    user = User(username=_unique_username(email, name), email=email, first_name=name[:150])
    user.set_unusable_password()
    user.save()
    return user
