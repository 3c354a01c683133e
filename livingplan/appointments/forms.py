"""Forms for booking, changing, cancelling and asking to change an appointment, with NHS-style messages.

Times are typed as a UK clock shows them; `clean` turns the date and times into aware datetimes
(Europe/London) and says plainly when a time cannot be read or does not happen that day.
"""

import datetime as dt
from typing import Any

from django import forms

from livingplan.appointments import when
from livingplan.appointments.models import AccessNeed, AppointmentKind, Place
from livingplan.core import dates
from livingplan.core import forms as ds

TIME_HINT = "For example, 10:30 or 2pm"


def _time_field(label: str, *, required: bool = True) -> ds.CharField:
    return ds.CharField(label=label, hint=TIME_HINT, max_length=10, required=required, classes="nhsuk-input--width-5")


class WhenForm(forms.Form):
    """A date with a start and an end time; `starts_at` and `ends_at` in `cleaned_data` once valid."""

    day = ds.DateField(
        label="Date", kind=dates.PLANNED, what="The date", example="10 11 2026", required_message="Enter the date"
    )
    start_time = _time_field("Start time")
    end_time = _time_field("End time")

    def _moment(self, day: dt.date, name: str, words: str) -> dt.datetime | None:
        typed = when.parse_time(self.cleaned_data.get(name) or "")
        if typed is None:
            self.add_error(name, f"Enter {words} as a time on a clock, like 10:30 or 2pm")
            return None
        try:
            return when.local_datetime(day, typed)
        except when.NoSuchTime as error:
            self.add_error(name, str(error))
            return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("day")
        if isinstance(day, dt.date) and data.get("start_time") and data.get("end_time"):
            data["starts_at"] = self._moment(day, "start_time", "the start time")
            data["ends_at"] = self._moment(day, "end_time", "the end time")
        return data


class DetailsForm(WhenForm):
    kind = ds.ChoiceField(
        label="What is the appointment for?",
        choices=AppointmentKind.choices,
        required_message="Select what the appointment is for",
    )
    place = ds.ChoiceField(label="Where is it?", choices=Place.choices, required_message="Select where it is")
    where_details = ds.CharField(
        label="Address or joining details",
        hint="The address, the phone number to call or the link to join. You can leave this empty for the "
        "person's home.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
    )
    access_needs = ds.MultipleChoiceField(label="Access needs", choices=AccessNeed.choices, required=False)
    access_other = ds.CharField(
        label="Other access needs",
        hint="For example, the language an interpreter needs to speak, or a quiet room.",
        max_length=300,
        required=False,
    )
    field_order = ["kind", "day", "start_time", "end_time", "place", "where_details", "access_needs", "access_other"]


class BookingForm(DetailsForm):
    """Who comes is chosen from the person's circle and care team; the person always comes."""

    circle = ds.MultipleChoiceField(label="Who from their circle of support is coming?", required=False)
    care_team = ds.MultipleChoiceField(label="Who from the care team is coming?", required=False)

    def __init__(
        self, *args: Any, circle: list[tuple[str, str]], care_team: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in (("circle", circle), ("care_team", care_team)):
            chosen = self.fields[name]
            assert isinstance(chosen, forms.ChoiceField)
            chosen.choices = choices
        if not circle:
            del self.fields["circle"]


class CancelForm(forms.Form):
    reason = ds.CharField(
        label="Why is it cancelled?",
        hint="Everyone invited is told it is cancelled. This reason is kept with the appointment.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required_message="Enter why the appointment is cancelled",
    )


class AskForm(WhenForm):
    """The person proposes another time, or says what they want changed, or both."""

    day = ds.DateField(label="Date", kind=dates.PLANNED, what="The date", example="10 11 2026", required=False)
    start_time = _time_field("Start time", required=False)
    end_time = _time_field("End time", required=False)
    reason = ds.CharField(
        label="What would you like to change?",
        hint="For example, a different place, someone else to come, or help you need to take part.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        parts = [data.get("day"), data.get("start_time"), data.get("end_time")]
        if any(parts) and not all(parts):
            for name, value in zip(("day", "start_time", "end_time"), parts, strict=True):
                if not value and name not in self.errors:
                    self.add_error(name, "Enter the date, start time and end time you would like")
        if not any(parts) and not (data.get("reason") or "").strip() and not self.errors:
            self.add_error("reason", "Enter what you would like to change, or a time that suits you better")
        return data


ACCEPT, DECLINE = "accept", "decline"


class AnswerForm(forms.Form):
    decision = ds.ChoiceField(
        label="Your answer",
        choices=[(ACCEPT, "Yes, make the change"), (DECLINE, "No, it is not possible")],
        required_message="Select yes or no",
    )
    answer = ds.CharField(
        label="What do you want to tell them?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        hint="Needed if the change is not possible, so they know why.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == DECLINE and not (data.get("answer") or "").strip():
            self.add_error("answer", "Enter why the change is not possible")
        return data
