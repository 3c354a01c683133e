from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from livingplan.core import forms as ds


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
        if not token.isdigit():
            raise forms.ValidationError("Security code must only include numbers")
        if len(token) != 6:
            raise forms.ValidationError("Security code must be 6 digits")
        if not self.device.verify_token(token):
            raise forms.ValidationError("The security code is wrong or has expired. Enter the code shown now")
        return token
