"""Forms for the planning journey, with NHS-style messages."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.journeys.checklists import SOCIAL_CARE_CHOICES

WEEKS_TO_PREPARE = 4


class StartPlanningForm(forms.Form):
    conversation_by = ds.DateField(
        label="By when should the planning conversation happen?",
        kind=dates.PLANNED,
        what="The date of the conversation",
        example="14 9 2026",
        required_message="Enter the date by when the planning conversation should happen",
    )

    @staticmethod
    def suggested_date() -> dt.date:
        return timezone.localdate() + dt.timedelta(weeks=WEEKS_TO_PREPARE)


_YES_NO = (("YES", "Yes"), ("NO", "No"), ("NOT_KNOWN", "Not known yet"))


class ProcessForm(forms.Form):
    """Preparation part 1, the process: what the person knows and needs in order to take part."""

    told_what_happens = ds.BooleanField(label="They have been told what will happen and when", required=False)
    information = ds.BooleanField(
        label="How they want information is recorded",
        required=False,
        hint="Their format (such as easy read or large print), language and how to contact them",
    )
    consent = ds.BooleanField(label="Their choices about sharing their record are recorded", required=False)
    advocate = ds.ChoiceField(
        label="Do they need an independent advocate?",
        choices=_YES_NO,
        hint="The council must arrange one if they would have substantial difficulty taking part "
        "and nobody suitable can support them",
        required_message="Select whether they need an independent advocate",
    )
    interpreter = ds.ChoiceField(
        label="Do they need an interpreter?",
        choices=_YES_NO,
        required_message="Select whether they need an interpreter",
    )
    who_helps = ds.CharField(
        label="Who helps them prepare?",
        required=False,
        max_length=300,
        hint="For example, their brother, a peer supporter or an advocate",
    )

    def answers(self) -> dict[str, str]:
        data = self.cleaned_data
        # A tick is "YES"; a tick taken away is an empty answer, which leaves the item open again.
        return {
            name.upper(): ("YES" if value is True else "" if value is False else str(value))
            for name, value in data.items()
        }


class PractitionerForm(forms.Form):
    """Preparation part 3, the practitioner's: what the team brings to the conversation."""

    team_knows = ds.CharField(
        label="What the team knows",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        hint="From their records, other services and recent contacts",
    )
    tests_due = ds.CharField(
        label="Tests and assessments due",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        hint="Write 'None' if nothing is due",
    )
    social_care = ds.ChoiceField(
        label="Might a social care assessment or personal budget apply?",
        choices=SOCIAL_CARE_CHOICES,
        required_message="Select whether a social care assessment or personal budget might apply",
    )
    team_view = ds.CharField(
        label="The team's view of what is working and not working",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def answers(self) -> dict[str, str]:
        return {name.upper(): str(value) for name, value in self.cleaned_data.items()}


class ResultForm(forms.Form):
    name = ds.CharField(label="Test or assessment", max_length=200, hint="For example, blood test")
    result = ds.CharField(label="Result", widget=forms.Textarea(attrs={"rows": 3}), required_message="Enter the result")
    taken_on = ds.DateField(
        label="Date it was taken",
        kind=dates.HAPPENED,
        what="The date of the test or assessment",
        example="2 9 2026",
        required_message="Enter the date it was taken",
    )


class ExplainedForm(forms.Form):
    explained_on = ds.DateField(
        label="Date you explained it",
        kind=dates.HAPPENED,
        what="The date it was explained",
        example="2 9 2026",
        required_message="Enter the date you explained the result",
    )


def checklist_initial(answers: dict[str, str]) -> dict[str, object]:
    """The form's starting values from the latest answers: a "YES" ticks a box."""
    return {item.lower(): (True if answer == "YES" and item in _TICKS else answer) for item, answer in answers.items()}


_TICKS = {"TOLD_WHAT_HAPPENS", "INFORMATION", "CONSENT"}


class ChooseCoordinatorForm(forms.Form):
    member = ds.ChoiceField(label="Who would you like as your coordinator?", choices=())

    def __init__(self, *args: Any, team: list[tuple[str, str]], label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = team
        if label:
            field.label = label
        field.error_messages["required"] = "Select who you would like as coordinator"


class AskToChangeForm(forms.Form):
    wanted = ds.ChoiceField(label="Who would you like instead?", choices=(), required=False)
    reason = ds.CharField(
        label="Tell us why (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, team: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["wanted"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*team, ("", "No one in particular")]


class AnswerRequestForm(forms.Form):
    decision = ds.ChoiceField(
        label="Your answer",
        choices=(("ACCEPT", "Accept: change the coordinator"), ("DECLINE", "Decline")),
        required_message="Select whether you accept or decline the request",
    )
    new_member = ds.ChoiceField(label="New coordinator, if you accept", choices=(), required=False)
    reason = ds.CharField(
        label="Reason, if you decline",
        hint="The person will see this",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, team: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["new_member"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = team
