"""Forms for asking, answering, triggers, handover prompts, family feedback, the review and its rating.

Messages are the NHS way ("Enter why you would like a review"); the services check again, so a
form posted by hand gets the same answer.
"""

from typing import Any

from django import forms

from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.plans.models import Layer
from livingplan.reviews import feedback, targets
from livingplan.reviews.models import (
    MOST_MONTHS,
    Decision,
    PerspectiveKind,
    ReviewHow,
    ReviewKind,
    ReviewResult,
    TriggerCategory,
)

YES, NO = "yes", "no"
TOO_LONG = f"Enter {MOST_MONTHS} months or fewer: the law says reviews must happen at least every {MOST_MONTHS} months"
ACCEPT, DECLINE = "accept", "decline"
YES_NO = [(YES, "Yes"), (NO, "No")]


def _text(label: str, *, hint: str = "", required: bool = True, message: str = "", rows: int = 3) -> ds.CharField:
    return ds.CharField(
        label=label,
        hint=hint,
        required=required,
        required_message=message,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _month_choices(longest: int, word: str) -> list[tuple[str, str]]:
    """1, 2, 3, 6, 9 and 12 months, up to `longest` (which is always offered)."""
    found = sorted({n for n in (1, 2, 3, 6, 9, 12) if n <= longest} | {longest})
    return [(str(n), f"{word} {n} month{'s' if n > 1 else ''}") for n in found]


def _offer_months(field: forms.Field, longest: int, word: str, too_long: str) -> None:
    """Offer a choice of months up to the organisation's `longest`; a longer one posted by hand gets `too_long`."""
    assert isinstance(field, forms.ChoiceField)
    field.choices = _month_choices(longest, word)
    field.error_messages["invalid_choice"] = too_long


class RevisionForm(forms.Form):
    """Carries the plan revision the page was opened at (the plan's stale-edit rule, ADR-008)."""

    revision = ds.WholeNumberField(widget=forms.HiddenInput)


class AskForm(forms.Form):
    reason = _text(
        "Why would you like a review?",
        hint="For example, something has changed, part of the plan is not working, or you want something new.",
        message="Enter why you would like a review",
    )


class AnswerForm(forms.Form):
    decision = ds.ChoiceField(
        label="Your answer",
        choices=[(ACCEPT, "Yes, there will be a review"), (DECLINE, "No, not now")],
        required_message="Select yes or no",
    )
    review_on = ds.DateField(
        label="Date of the review",
        kind=dates.PLANNED,
        what="The date of the review",
        example="10 11 2026",
        required=False,
        hint="Needed for yes. For example, 10 11 2026",
    )
    reason = _text("What do you want to tell them?", hint="Needed for no: they will read this.", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == ACCEPT and not data.get("review_on") and "review_on" not in self.errors:
            self.add_error("review_on", "Enter the date of the review")
        if data.get("decision") == DECLINE and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why there will not be a review now")
        return data


class TriggerForm(forms.Form):
    category = ds.ChoiceField(
        label="What kind of change is it?",
        choices=TriggerCategory.choices,
        required_message="Select what kind of change this is",
    )
    what_happened = _text("What happened?", message="Enter what happened")
    noticed_by = ds.CharField(label="Who noticed?", hint="Leave empty if it was you.", max_length=200, required=False)
    noticed_on = ds.DateField(
        label="When was it noticed?",
        kind=dates.HAPPENED,
        what="The date it was noticed",
        required_message="Enter the date it was noticed",
    )


class DecideForm(forms.Form):
    decision = ds.ChoiceField(
        label="Does the plan need to change?",
        choices=Decision.choices,
        required_message="Select whether the plan needs to change",
    )
    reason = _text("Why?", message="Enter the reason for your decision")


class HandoverForm(forms.Form):
    needs_change = ds.ChoiceField(
        label="Does anything today mean the plan needs to change?", choices=YES_NO, required_message="Select yes or no"
    )
    category = ds.ChoiceField(label="If yes, what kind of change?", choices=TriggerCategory.choices, required=False)
    what_happened = _text("If yes, what happened?", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("needs_change") == YES:
            if not data.get("category"):
                self.add_error("category", "Select what kind of change this is")
            if not (data.get("what_happened") or "").strip():
                self.add_error("what_happened", "Enter what happened")
        return data


class FamilyFeedbackForm(forms.Form):
    text = _text(
        "How are things going?",
        hint="What is working, what is not, anything you have noticed.",
        message="Enter your feedback",
        rows=5,
    )
    raises_concern = ds.BooleanField(label="I am worried: I think the plan may need to change", required=False)


class StartForm(RevisionForm):
    kind = ds.ChoiceField(
        label="What kind of review is it?",
        choices=[(k, label) for k, label in ReviewKind.choices if k != ReviewKind.REQUESTED],
        required_message="Select what kind of review this is",
    )
    unplanned_reason = ds.ChoiceField(label="If unplanned, why now?", choices=[], required=False)
    about = _text("Anything else to say about why", required=False)

    def __init__(
        self, *args: Any, requested: bool = False, reasons: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        reason = self.fields["unplanned_reason"]
        assert isinstance(reason, forms.ChoiceField)
        reason.choices = reasons if reasons is not None else targets.default().unplanned_reasons()
        if requested:  # a review that answers a request is a requested review: nothing to choose
            del self.fields["kind"], self.fields["unplanned_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ReviewKind.UNPLANNED and not data.get("unplanned_reason"):
            self.add_error("unplanned_reason", "Select why this review is happening now")
        return data


class PerspectiveForm(forms.Form):
    kind = ds.ChoiceField(
        label="Whose view is it?", choices=PerspectiveKind.choices, required_message="Select whose view this is"
    )
    whose = ds.CharField(label="Their name", max_length=200, required_message="Enter whose view this is")
    working = _text("What is working?", required=False)
    not_working = _text("What is not working?", required=False)
    important_for_future = _text("What is important for the future?", required=False)
    may_use_anonymously = ds.BooleanField(
        label="They agree these words may be used, without their name, to help improve services", required=False
    )

    def __init__(self, *args: Any, own: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if own:  # the person or family give their own view: who it is comes from their sign-in
            del self.fields["kind"], self.fields["whose"]
            self.fields[
                "may_use_anonymously"
            ].label = "I agree these words may be used, without my name, to help improve services"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        said = [(data.get(name) or "").strip() for name in ("working", "not_working", "important_for_future")]
        if not any(said):
            self.add_error("working", "Enter what is working, what is not working, or what is important")
        return data


class OutcomeCheckForm(forms.Form):
    still_matters = ds.ChoiceField(label="Does this still matter?", choices=YES_NO, required_message="Select yes or no")
    progress = ds.ChoiceField(
        label="Progress, from 0 (not started) to 10 (achieved)",
        choices=[(str(n), str(n)) for n in range(11)],
        required_message="Select the progress made",
    )
    what_changed = _text("What has changed?", required=False)


class CompleteForm(RevisionForm):
    result = ds.ChoiceField(
        label="Outcome of the review", choices=ReviewResult.choices, required_message="Select the outcome of the review"
    )
    persons_view = _text(
        "The person's view, in their own words",
        required=False,
        rows=5,
        hint="Write down what they said, as they said it.",
    )
    no_view_reason = _text(
        "If you could not record their view, why not?",
        required=False,
        hint="A review completed without the person's view is flagged for the quality lead.",
    )
    took_part = _text("Who took part?", message="Enter who took part in the review")
    in_a_year = _text("Where does the person want to be in a year?", required=False)
    months = ds.ChoiceField(
        label="When should the next review be?",
        choices=[],
        required_message="Select when the next review should be",
        hint="As the person agreed. Never more than 12 months.",
    )

    def __init__(self, *args: Any, longest: int = MOST_MONTHS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_months(self.fields["months"], longest, "In", f"Choose a next review within {longest} months")
        self.fields["months"].hint = f"As the person agreed. At least every {longest} months here."  # type: ignore[attr-defined]


class RatingForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, words in feedback.STATEMENTS.items():
            self.fields[key] = ds.ChoiceField(
                label=words, choices=[(str(n), label) for n, label in feedback.SCALE], required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(key) for key in feedback.STATEMENTS):
            raise forms.ValidationError("Choose an answer for at least one statement")
        return data


class ReflectionForm(forms.Form):
    feedback = _text("What did the person say?", message="Enter what the person said")
    what_changed = _text(
        "What did it change in their everyday support?",
        hint="For example, quieter mealtimes, or a different time for personal care.",
        message="Enter what changed in everyday support",
    )


class ActionForm(RevisionForm):
    """A SMART action agreed at the review: who and by when are required, unlike on the plan's own page."""

    what = _text("What will be done?", message="Enter what will be done", rows=2)
    owner_name = ds.CharField(
        label="Who will do it?", hint="A name, or “me”.", max_length=200, required_message="Enter who will do it"
    )
    due_on = ds.DateField(
        label="By when?",
        kind=dates.PLANNED,
        what="The date it will be done by",
        example="1 3 2027",
        required_message="Enter the date it will be done by",
    )
    layer = ds.ChoiceField(
        label="Who gives this support?", choices=Layer.choices, required_message="Select who gives this support"
    )


class ChooseForm(forms.Form):
    how = ds.ChoiceField(
        label="How would you like your reviews to happen?",
        choices=ReviewHow.choices,
        required_message="Select how you would like your reviews to happen",
    )
    every_months = ds.ChoiceField(
        label="How often?", choices=[], required_message="Select how often you would like a review"
    )

    def __init__(self, *args: Any, longest: int = MOST_MONTHS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_months(self.fields["every_months"], longest, "Every", f"Choose a review at least every {longest} months")
        self.fields["every_months"].hint = f"At least every {longest} months. You can always ask for one sooner."  # type: ignore[attr-defined]


def _number(label: str, *, most: int, unit: str) -> ds.WholeNumberField:
    """A whole number from 0 to `most`, with the NHS's kind of message for each way it can be wrong."""
    field = ds.WholeNumberField(label=label, max_value=most, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    field.classes = "nhsuk-input--width-3"  # type: ignore[attr-defined]
    field.error_messages["required"] = f"Enter the number of {unit}"
    field.error_messages["max_value"] = f"Enter {most} {unit} or fewer"
    field.error_messages["min_value"] = f"Enter 0 {unit} or more"
    return field


class PolicyForm(forms.Form):
    """The organisation's review policy. More than 12 months between reviews is refused: the law's limit."""

    every_months = _number("Months between planned reviews, at most", most=99, unit="months")
    first_review_weeks = _number("Weeks from first agreeing a plan to its first review", most=52, unit="weeks")
    answer_days = _number("Working days to answer a request for a review", most=60, unit="working days")
    update_days = _number(
        "Working days from deciding to change a plan to its new version being agreed", most=120, unit="working days"
    )
    extra_reasons = _text(
        "Your own reasons for an unplanned review",
        hint="One on each line. They are added to the usual list (hospital stay, carer situation changed and so on).",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for category, label in TriggerCategory.choices:
            self.fields[f"decide_{category}"] = _number(
                f"Working days to decide about a change: {label.lower()}", most=60, unit="working days"
            )

    def clean_every_months(self) -> int:
        months = int(self.cleaned_data["every_months"])
        if months > MOST_MONTHS:
            raise forms.ValidationError(TOO_LONG)
        if months < 1:
            raise forms.ValidationError("Enter at least 1 month")
        return months
