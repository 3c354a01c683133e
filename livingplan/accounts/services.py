"""Domain verbs for accounts: enrolling and confirming a second factor."""

from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingplan.accounts.models import User
from livingplan.core.services import auditor


def pending_totp_device(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up, made on first request."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_totp_device(device: TOTPDevice, *, by: User, request: HttpRequest) -> TOTPDevice:
    TOTPDevice.objects.filter(user=by, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    auditor.record("accounts.two_factor.enrolled", actor=by, obj=device, request=request)
    return device


def requires_two_factor(user: User) -> bool:
    return user.memberships.filter(organisation__requires_two_factor=True).exists()
