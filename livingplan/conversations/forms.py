"""Forms for the person's preparation and the planning conversation, with NHS-style messages."""

from typing import Any

from django import forms

from livingplan.conversations.models import ANSWER_MAX_LENGTH, Prompt
from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.plans.models import DUE_DATE, IMPORTANCE_WORDS, Layer

# What each prompt asks, in the second person, with a nudge to answer in the person's own way.
PROMPT_HINTS: dict[str, str] = {
    Prompt.MATTERS_NOW: "The people, places, things and routines that matter to you at the moment.",
    Prompt.HOPES: "What you would like your life to be like in a year or so. Big or small.",
    Prompt.WORKING: "What is going well, that you want to keep.",
    Prompt.NOT_WORKING: "What is hard, or not going the way you want.",
    Prompt.WANT_TO_CHANGE: "One thing, or a few. Say it the way you would say it to a friend.",
    Prompt.ALREADY_TRIED: "What you or others have tried before, and how it went.",
    Prompt.WHO_WHEN_WHERE: (
        "Who you want with you (family, a friend, an advocate), what days and times suit you, "
        "and where you would like to meet: at home, somewhere else, by phone or by video."
    ),
}


class PreparationForm(forms.Form):
    """Every prompt on one page, all optional: the person saves what they have and comes back.
    The questions stay in the first person for someone writing for them: the answers are the person's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for prompt in Prompt:
            self.fields[prompt.value] = ds.CharField(
                label=prompt.label,
                hint=PROMPT_HINTS[prompt],
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=ANSWER_MAX_LENGTH,
            )


class PutInPlanForm(forms.Form):
    prompts = ds.MultipleChoiceField(
        label="Which answers do you want to put in your plan?",
        choices=[],
        required_message="Select the answers you want to put in your plan",
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prompts"].choices = choices  # type: ignore[attr-defined]


class StartConversationForm(forms.Form):
    held_on = ds.DateField(
        label="When did the conversation take place?",
        kind=dates.HAPPENED,
        what="The date of the conversation",
        required_message="Enter the date of the conversation",
    )
    where = ds.CharField(
        label="Where did it take place?",
        max_length=200,
        hint="For example, at home, at the GP surgery, by phone or by video",
        required_message="Enter where the conversation took place",
    )


class SaidForm(forms.Form):
    """Who said it: the person, someone in their circle, or someone on their care team."""

    said_by = ds.ChoiceField(label="Who said it?", choices=[], required_message="Select who said it")

    def __init__(self, *args: Any, speakers: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["said_by"].choices = [(str(pk), label) for pk, label in speakers.items()]  # type: ignore[attr-defined]


def _text(label: str, message: str, hint: str = "") -> ds.CharField:
    return ds.CharField(
        label=label, hint=hint, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required_message=message
    )


class WhatMattersForm(SaidForm):
    text = _text("What matters to them?", "Enter what matters to them", "Write it in the words they used.")


class IdeaForm(SaidForm):
    source = ds.ChoiceField(
        label="Where does the idea come from?",
        choices=[
            (Layer.SELF_CARE.value, "Their own strengths: what they can do"),
            (Layer.FAMILY_FRIENDS.value, "Their family and friends"),
            (Layer.COMMUNITY.value, "Their community: groups, clubs, neighbours, local places"),
        ],
        required_message="Select where the idea comes from",
    )
    text = _text("What is the idea?", "Enter the idea")


class OutcomeForm(SaidForm):
    text = _text(
        "What do they want to achieve?",
        "Enter what they want to achieve",
        "In their words, for example: I want to walk to the shops on my own by the summer.",
    )
    why_it_matters = ds.CharField(
        label="Why does it matter to them? (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    importance = ds.ChoiceField(
        label="How important is it to them?",
        choices=[(str(value), words) for value, words in IMPORTANCE_WORDS.items()],
        required_message="Select how important it is",
    )


SOMEONE_ELSE = "someone-else"


class NextStepForm(SaidForm):
    outcome = ds.ChoiceField(
        label="Which outcome is this a step towards?", choices=[], required_message="Select the outcome"
    )
    what = _text("What will happen?", "Enter what will happen")
    owner = ds.ChoiceField(label="Who will do it?", choices=[], required_message="Select who will do it")
    owner_name = ds.CharField(
        label="If someone else, who?", max_length=200, required=False, hint="For example, a neighbour or a local club"
    )
    due_on = ds.DateField(
        label="By when?",
        example="27 3 2027",
        kind=dates.PLANNED,
        what=DUE_DATE,
        required_message="Enter the date it will be done by",
    )
    layer = ds.ChoiceField(
        label="Where does the support come from?",
        choices=Layer.choices,
        hint="Start with what they can do themselves, then family and friends, then the community, before services.",
        required_message="Select where the support comes from",
    )

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcomes  # type: ignore[attr-defined]
        owners = [*self.fields["said_by"].choices, (SOMEONE_ELSE, "Someone else")]  # type: ignore[attr-defined]
        self.fields["owner"].choices = owners  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("owner") == SOMEONE_ELSE and not (data.get("owner_name") or "").strip():
            self.add_error("owner_name", "Enter who will do it")
        return data


class RiskForm(SaidForm):
    what_could_go_wrong = _text("What could go wrong?", "Enter what could go wrong")
    what_we_agree = _text(
        "What have you agreed to do, and what happens if it does go wrong?",
        "Enter what you have agreed to do",
        "Think about what lets them keep doing what matters, safely enough.",
    )
    persons_view = ds.CharField(
        label="What does the person think? (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class GoingWellForm(SaidForm):
    text = _text(
        "How will you know it is working?",
        "Enter how you will know it is working",
        "For example: I go out twice a week.",
    )


class ReviewTriggerForm(SaidForm):
    text = _text(
        "What would make you review the plan early?",
        "Enter what would make you review the plan early",
        "For example: a fall, a stay in hospital, or a change in who helps at home.",
    )
