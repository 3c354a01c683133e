"""Forms for organisation admins and for choosing a password, in the NHS.UK style."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm

from livingplan.accounts.models import Organisation, Role, Team, User
from livingplan.core import forms as ds

# The roles an admin gives colleagues; the admin role itself is among them, so an organisation
# can have more than one admin.
ROLE_CHOICES = Role.choices


class InviteStaffForm(forms.Form):
    first_name = ds.CharField(label="First name", max_length=150, autocomplete="off")
    last_name = ds.CharField(label="Last name", max_length=150, autocomplete="off")
    email = ds.EmailField(
        label="Work email address",
        max_length=254,
        autocomplete="off",
        hint="They can sign in with this, and use it to reset their password",
        required_message="Enter their work email address",
    )
    job_title = ds.CharField(label="Job title (optional)", max_length=120, required=False, autocomplete="off")
    role = ds.ChoiceField(label="Role", choices=ROLE_CHOICES, required_message="Select a role")
    team = ds.ChoiceField(label="Team (optional)", required=False, choices=[])

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = list(Team.objects.filter(organisation=organisation))
        self.teams = {str(team.pk): team for team in teams}
        if teams:
            choices = [("", "No team"), *((str(t.pk), t.name) for t in teams)]
            self.fields["team"].choices = choices  # type: ignore[attr-defined]
        else:
            del self.fields["team"]

    def clean_team(self) -> Team | None:
        value = self.cleaned_data.get("team") or ""
        return self.teams.get(value)


class ChangeRoleForm(forms.Form):
    role = ds.ChoiceField(label="New role", choices=ROLE_CHOICES, required_message="Select a role")


def nhs_style(message: str) -> str:
    """Django's validator messages, said the NHS way: no "This password", no full stop."""
    return message.replace("This password is", "Your password is").rstrip(".")


def new_password_field() -> ds.CharField:
    """The box where someone chooses a password: every way of choosing one words it the same."""
    return ds.CharField(
        label="Create a password",
        hint="Use at least 10 characters. Avoid common words and your name",
        required_message="Enter a password",
        autocomplete="new-password",
        strip=False,
        widget=forms.PasswordInput,
    )


def password_again_field() -> ds.CharField:
    return ds.CharField(
        label="Enter the password again",
        required_message="Enter the password again",
        autocomplete="new-password",
        strip=False,
        widget=forms.PasswordInput,
    )


FIRST = "new_password1"

# Django's form is generic over the user model only in its type stubs, not at run time.
if TYPE_CHECKING:
    _SetPasswordForm = SetPasswordForm[User]
else:
    _SetPasswordForm = SetPasswordForm


class ChoosePasswordForm(_SetPasswordForm):
    """Choosing a password from a link, an invitation or a reset email: the same rules as everyone's."""

    new_password1 = new_password_field()
    new_password2 = password_again_field()
    error_messages = {"password_mismatch": "The passwords do not match. Enter the same password twice"}

    def validate_password_for_user(self, user: Any, password_field_name: str = FIRST) -> None:
        # The errors belong on the first box, where the password is chosen, not on "enter it again".
        super().validate_password_for_user(user, FIRST)
        if FIRST in self.errors:
            self.errors[FIRST] = self.error_class([nhs_style(str(m)) for m in self.errors[FIRST]])


class ResetByEmailForm(PasswordResetForm):
    email = ds.EmailField(
        label="Email address",
        max_length=254,
        hint="The email address your account uses",
        required_message="Enter your email address",
    )
