"""Forms for writing the plan. Each carries the plan revision it was opened at."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.plans.models import (
    DUE_DATE,
    IMPORTANCE_WORDS,
    NEXT_REVIEW_DATE,
    NOTE_MAX_LENGTH,
    START_DATE,
    ActionStatus,
    Layer,
    LinkedPlan,
)
from livingplan.plans.sections import SharingGroup


class RevisionForm(forms.Form):
    """The revision the editor started from; a different current revision means a stale edit."""

    revision = ds.WholeNumberField(widget=forms.HiddenInput)


class StatementForm(RevisionForm):
    text = ds.CharField(
        label="What do you want to add?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required_message="Enter what you want to add",
    )
    in_own_words = ds.BooleanField(
        label="These are the person's own words",
        required=False,
        hint="Tick this if you have written down exactly what the person said.",
    )


class OutcomeForm(RevisionForm):
    text = ds.CharField(
        label="What do you want to achieve?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        hint="In your own words, for example: I want to get myself ready for the day centre by 9.",
        required_message="Enter what you want to achieve",
    )
    why_it_matters = ds.CharField(
        label="Why does this matter to you?", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    importance = ds.ChoiceField(
        label="How important is this to you?",
        choices=[(str(value), words) for value, words in IMPORTANCE_WORDS.items()],
        required_message="Select how important this is",
    )
    in_own_words = ds.BooleanField(label="These are the person's own words", required=False)


SOMEONE_ELSE = "someone-else"


class ActionForm(RevisionForm):
    """What, who and when. `owner` is one of the person's people, or "someone else" named in `owner_name`."""

    what = ds.CharField(
        label="What will happen?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required_message="Enter what will happen",
    )
    # The person's own people are offered by the view; "someone else" is typed below.
    owner = ds.ChoiceField(label="Who will do it?", choices=[], required=False)
    owner_name = ds.CharField(
        label="If someone else, who?",
        max_length=200,
        required=False,
        hint="For example, a neighbour or the bowls club",
    )
    due_on = ds.DateField(label="By when?", required=False, example="27 3 2027", kind=dates.PLANNED, what=DUE_DATE)
    layer = ds.ChoiceField(
        label="Where does the support come from?",
        choices=Layer.choices,
        hint="Start with what you can do yourself, then family and friends, then your community, before services.",
        required_message="Select where the support comes from",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        owner, name = data.get("owner") or "", (data.get("owner_name") or "").strip()
        if owner == SOMEONE_ELSE and not name:
            self.add_error("owner_name", "Enter who will do it")
        elif not owner and not name:
            self.add_error("owner", "Select who will do it")
        return data


class ActionStatusForm(RevisionForm):
    status = ds.ChoiceField(
        label="How is this action going?",
        choices=ActionStatus.choices,
        required_message="Select how the action is going",
    )


class ProgressForm(RevisionForm):
    score = ds.ChoiceField(
        label="How far along are you, from 0 (not started) to 10 (achieved)?",
        choices=[(str(n), str(n)) for n in range(11)],
        required_message="Select a score from 0 to 10",
        classes="nhsuk-radios--inline",
    )
    note = ds.CharField(label="Anything you want to say about it?", required=False, max_length=300)


class RiskForm(RevisionForm):
    what_could_go_wrong = ds.CharField(
        label="What could go wrong?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required_message="Enter what could go wrong",
    )
    what_we_agree = ds.CharField(
        label="What have we agreed to do about it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required_message="Enter what you have agreed to do",
    )
    decided_by = ds.CharField(label="Who decided?", max_length=200, required_message="Enter who decided")
    persons_view = ds.CharField(
        label="What does the person think?", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class ReviewArrangementsForm(RevisionForm):
    next_review_on = ds.DateField(
        label="Next review date", required=False, example="27 3 2027", kind=dates.PLANNED, what=NEXT_REVIEW_DATE
    )
    early_review_triggers = ds.CharField(
        label="What would mean we review the plan early?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        hint="For example, a fall, a stay in hospital, or a change in who helps at home.",
    )


class DisagreementForm(RevisionForm):
    view = ds.CharField(
        label="What do you see differently?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required_message="Enter what you see differently",
    )
    how_handled = ds.CharField(
        label="How was it handled?", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )

    def __init__(self, *args: Any, is_self: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_self:
            # Saying how a different view was handled is for the people supporting the person;
            # the person is asked only what they see differently.
            del self.fields["how_handled"]


class AgreeForm(RevisionForm):
    summary = ds.CharField(label="What changed in this version? (optional)", required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The example is a few weeks ahead, so it is always a date the field would take.
        soon = timezone.localdate() + dt.timedelta(weeks=4)
        example = f"{soon.day} {soon.month} {soon.year}"
        self.fields["starts_on"] = ds.DateField(
            label="When should the plan start? (optional)",
            required=False,
            example=example,
            hint=f"Leave this empty and the plan starts as soon as it is agreed. For example, {example}",
            kind=dates.PLANNED,
            what=START_DATE,
        )


class AgreeOnBehalfForm(AgreeForm):
    """An attorney or deputy agrees for a person assessed as lacking capacity to agree their plan."""

    best_interests_note = ds.CharField(
        label="What are their wishes and feelings about this plan, and how did you take them into account?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        hint=(
            "A decision made for someone must be in their best interests. Say what they have told or shown "
            "you, what they said before, and who you asked"
        ),
        required_message="Enter what the person's wishes and feelings are and how you took them into account",
    )

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "best_interests_note"
        ].label = f"What are {name}'s wishes and feelings about this plan, and how did you take them into account?"
        self.fields["best_interests_note"].error_messages["required"] = (
            f"Enter what {name}'s wishes and feelings are and how you took them into account"
        )


class TransitionForm(RevisionForm):
    """A lifecycle button (propose, withdraw, activate, start a review): only the revision it was shown at."""


class StartReviewForm(TransitionForm):
    reason = ds.CharField(
        label="Why do you want to look at the plan again? (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=300,
        hint="For example, something has changed at home, or part of the plan is not working. Everyone helping "
        "with the plan will see this.",
    )


class SharingForm(forms.Form):
    """One checkbox list per audience: which groups of the plan they may see."""

    def __init__(self, *args: Any, audiences: list[tuple[str, str, set[str]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label, shared in audiences:
            self.fields[key] = ds.MultipleChoiceField(
                label=f"What can {label} see?", choices=SharingGroup.choices, required=False, initial=sorted(shared)
            )


class LinkedPlanForm(RevisionForm):
    kind = ds.ChoiceField(
        label="What kind of plan is it?",
        choices=LinkedPlan.Kind.choices,
        required_message="Select what kind of plan it is",
    )
    description = ds.CharField(
        label="What is it about?", max_length=300, required_message="Enter what the plan is about"
    )
    held_by = ds.CharField(
        label="Who holds it?",
        required=False,
        max_length=200,
        hint="For example, the school, the hospice or the community mental health team",
    )


class NoteForm(forms.Form):
    """A note between reviews: no revision, as a note is not plan content and never goes stale (ADR-024)."""

    text = ds.CharField(
        label="Your note",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=NOTE_MAX_LENGTH,
        hint="How things are going, in your own words. Everyone who can see when your plan is reviewed can read it.",
        required_message="Enter your note",
    )
    asks_for_review = ds.BooleanField(
        label="I think my plan needs looking at",
        required=False,
        hint="Your coordinator will be told and will get back to you.",
    )

    def __init__(self, *args: Any, for_self: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not for_self:  # someone else writing about the person's plan
            self.fields["asks_for_review"].label = "I think this plan needs looking at"
            text = self.fields["text"]
            assert isinstance(text, ds.CharField)
            text.hint = "How things are going. Everyone who can see when the plan is reviewed can read it."


class WordsForm(RevisionForm):
    """Change the words of a statement or an outcome; the words before are kept (ADR-025)."""

    text = ds.CharField(
        label="What should it say?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required_message="Enter the words you want it to say",
    )


class DecisionForm(RevisionForm):
    decision = ds.ChoiceField(
        label="Do you want this in your plan?",
        choices=[("accept", "Yes, add it to my plan"), ("decline", "No, do not add it")],
        required_message="Select whether you want this in your plan",
    )


class WriterForm(forms.Form):
    supporter = ds.ChoiceField(
        label="Who may write for you?",
        choices=[],
        hint="What they write goes straight into your plan, marked as written for you by them.",
        required_message="Select who may write for you",
    )
