"""Forms for asking, answering, triggers, handover prompts, family feedback, the review and its rating.

Messages are the NHS way ("Enter why you would like a review"); the services check again, so a
form posted by hand gets the same answer.
"""

from typing import Any

from django import forms

from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.reviews import feedback, targets
from livingplan.reviews.models import Decision, PerspectiveKind, ReviewKind, ReviewResult, TriggerCategory

YES, NO = "yes", "no"
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

    def __init__(self, *args: Any, requested: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reason = self.fields["unplanned_reason"]
        assert isinstance(reason, forms.ChoiceField)
        reason.choices = targets.unplanned_reasons()
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
        choices=[(str(n), f"In {n} month{'s' if n > 1 else ''}") for n in (1, 2, 3, 6, 9, 12)],
        required_message="Select when the next review should be",
        hint="As the person agreed. Never more than 12 months.",
    )


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
