import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from livingplan.core import forms as ds
from livingplan.core.presenters import datetime_short


class SignInForm(AuthenticationForm):
    username = ds.CharField(
        label="Username or email address",
        required_message="Enter your username or email address",
        autocomplete="username",
        max_length=254,
    )
    password = ds.CharField(
        label="Password",
        required_message="Enter your password",
        autocomplete="current-password",
        strip=False,
        widget=forms.PasswordInput,
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username or email address and password",
    }


class TokenForm(forms.Form):
    """A six-digit code from the user's authenticator app."""

    token = ds.CharField(
        label="Security code",
        hint="The 6-digit code shown in your authenticator app",
        required_message="Enter the 6-digit security code",
        autocomplete="one-time-code",
        classes="nhsuk-input--width-10",
    )

    def __init__(self, *args: Any, device: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        # Apps show codes as "123 456"; the length is checked once the spaces are gone.
        token: str = self.cleaned_data["token"].strip().replace(" ", "")
        # 0 to 9 only: str.isdigit() also passes Arabic-Indic or superscript digits (core.numbers).
        if not token or not all("0" <= ch <= "9" for ch in token):
            raise forms.ValidationError("Security code must only include the numbers 0 to 9")
        if len(token) != 6:
            raise forms.ValidationError("Security code must be 6 digits")
        paused_until = codes_paused_until(self.device)
        if paused_until is not None:
            # django-otp refuses even the right code until then; saying "wrong" would send people round in circles.
            raise forms.ValidationError(f"{wait_until(paused_until)}. A wrong code was entered too many times")
        if not self.device.verify_token(token):
            raise forms.ValidationError("The security code is wrong or has expired. Enter the code shown now")
        return token


def codes_paused_until(device: Any) -> dt.datetime | None:
    """When django-otp will next accept a code from this app, if it is refusing every code now.

    Each wrong code doubles the wait (1 second, 2, 4 ... about 34 minutes after 12 wrong codes).
    """
    allowed, data = device.verify_is_allowed()
    if allowed or not data or data.get("locked_until") is None:
        return None
    until: dt.datetime = data["locked_until"]
    return until


def wait_until(until: dt.datetime) -> str:
    """'Wait until 14 March 2026 at 10:35am, then enter the code shown in your app', to the next whole minute."""
    if until - timezone.now() <= dt.timedelta(minutes=1):
        return "Wait a minute, then enter the code shown in your app"
    rounded = (until + dt.timedelta(seconds=59)).replace(second=0, microsecond=0)
    return f"Wait until {datetime_short(rounded)}, then enter the code shown in your app"


def pause_notice(device: Any) -> str:
    """What the verify page says when codes are refused for more than a minute, or nothing."""
    until = codes_paused_until(device)
    if until is None or until - timezone.now() <= dt.timedelta(minutes=1):
        return ""
    return wait_until(until)
