"""Forms for the self-assessment, with design-system fields and NHS-style messages."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from livingplan.accounts.models import User
from livingplan.core import dates
from livingplan.core.forms import fields as ds
from livingplan.selfassessment import instrument
from livingplan.selfassessment.models import PriorityStatus, RaterKind

LEVEL_CHOICES = [(str(n), f"Level {n}") for n in range(1, instrument.LEVELS + 1)]


class StartRoundForm(forms.Form):
    title = ds.CharField(label="Name of the round", max_length=200, hint="For example, Spring 2027 self-assessment")

    def __init__(self, *args: Any, versions: list[tuple[str, str]], teams: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["version"] = ds.ChoiceField(label="Version of the self-assessment", choices=versions)
        self.fields["team"] = ds.ChoiceField(
            label="Who is being assessed",
            choices=[("", "The whole organisation"), *teams],
            required=False,
        )


class InviteForm(forms.Form):
    username = ds.CharField(
        label="Their username or email address",
        max_length=254,
        hint="They need a Living Plan sign-in. People who use services and family carers have one too.",
    )
    kind = ds.ChoiceField(label="They are taking part as", choices=RaterKind.choices)

    def clean_username(self) -> User:
        typed = self.cleaned_data["username"].strip()
        found = User.objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed), is_active=True).first()
        if found is None or not typed:
            raise ValidationError("There is nobody with that username or email address")
        return found


class RatingForm(forms.Form):
    level = ds.ChoiceField(label="Which level describes us best?", choices=LEVEL_CHOICES)
    evidence = ds.CharField(
        label="What tells you this? (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
        hint="Examples, stories or figures. Others in the round will see what you write.",
    )


class AgreeForm(forms.Form):
    level = ds.ChoiceField(label="Which level did the group agree?", choices=LEVEL_CHOICES)
    reason = ds.CharField(
        label="Why the group agreed this level",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required_message="Enter why the group agreed this level",
    )


class ImportForm(forms.Form):
    source = ds.CharField(
        label="The new version, as YAML",
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=500_000,
        strip=False,
        hint="Paste the whole file. Every area needs an id used once and exactly five levels.",
        required_message="Paste the new version of the self-assessment",
    )


def _text(label: str, *, required: bool = True, hint: str = "") -> ds.CharField:
    return ds.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=required, hint=hint
    )


class PriorityForm(forms.Form):
    priority = _text("The priority", hint="What we want to work towards.")
    why = _text("Why this is a priority")
    first_steps = _text("First steps")
    by_when = ds.DateField(label="By when", kind=dates.PLANNED, what="The date", example="31 3 2027")
    who_else = _text("Who else needs to know or help", required=False)
    getting_help = _text("How we will get their help", required=False)
    support_inside = _text("Support we need from inside the organisation", required=False)
    support_outside = _text("Support we need from outside the organisation", required=False)
    how_we_will_know = _text(
        "How we will know it has worked", hint="What will have changed: what we will see, hear and feel."
    )

    def __init__(self, *args: Any, owners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = ds.ChoiceField(label="Who owns this", choices=owners, widget=forms.Select)
        self.order_fields(["priority", "why", "first_steps", "owner", "by_when"])


class MoveForm(forms.Form):
    status = ds.ChoiceField(label="Where it is now", choices=PriorityStatus.choices)
    note = _text("What has happened (optional)", required=False)
