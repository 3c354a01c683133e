"""Where the person is on their planning journey, worked out from facts; and the words for each step.

Pure: facts in, steps out, no ORM. The current step is never stored: it follows from planning having
started, the preparation, the conversation (booked or held, told by the apps above us), and the
plan's own status, so it cannot drift from what happened. Words come in standard English and easy
read (short sentences, one idea each); large print is the standard words, shown larger.
"""

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from livingplan.core.presenters import date_long


class Step(IntEnum):
    PREPARING = 1
    TALKING = 2
    WRITING = 3
    AGREEING = 4
    MAKING_IT_HAPPEN = 5
    REVIEWING = 6


@dataclass(frozen=True)
class JourneyFacts:
    started: bool
    conversation_by: dt.date | None
    coordinator: str  # their coordinator's name, or ""
    ready: bool  # the care team marked the conversation ready
    booked_on: dt.date | None
    held_on: dt.date | None
    plan_status: str | None  # plans.PlanStatus value, or None with no plan yet
    next_review_on: dt.date | None


def current_step(facts: JourneyFacts) -> Step | None:
    """The step the person is on now, or None if their journey has not begun."""
    by_plan = {"UNDER_REVIEW": Step.REVIEWING, "ACTIVE": Step.MAKING_IT_HAPPEN, "AGREED": Step.MAKING_IT_HAPPEN}
    if facts.plan_status in by_plan:
        return by_plan[facts.plan_status]
    if facts.plan_status == "PROPOSED":
        return Step.AGREEING
    if facts.held_on is not None:
        return Step.WRITING
    if facts.ready or facts.booked_on is not None:
        return Step.TALKING
    if facts.started:
        return Step.PREPARING
    # A plan begun before this journey existed (or without it) is being written.
    return Step.WRITING if facts.plan_status == "DRAFT" else None


@dataclass(frozen=True)
class StepWords:
    title: str
    what: str
    who: str
    when: str
    when_here: str = ""  # said instead of `when` while it is the step they are on, if "when" would then be wrong


# {coordinator} is "your coordinator" when none is named yet.
STANDARD: dict[Step, StepWords] = {
    Step.PREPARING: StepWords(
        "Preparing",
        "You think about what matters to you and what you want to change. Your care team gathers what "
        "they know and explains any test results to you before you meet.",
        "You, with {coordinator}",
        "Before {conversation_by}",
    ),
    Step.TALKING: StepWords(
        "Talking it through",
        "A conversation about your life: what matters to you, what is working and not working, and "
        "what you would like to change. You can bring anyone you choose.",
        "You and {coordinator}",
        "{conversation_when}",
    ),
    Step.WRITING: StepWords(
        "Writing the plan",
        "Your plan is written with you, in your own words: what you want to achieve and what happens next.",
        "You and {coordinator}",
        "After the conversation",
    ),
    Step.AGREEING: StepWords(
        "Agreeing it",
        "You read your plan and say whether you agree with it. You can ask for changes first.",
        "You",
        "When your plan is ready to agree",
    ),
    Step.MAKING_IT_HAPPEN: StepWords(
        "Making it happen",
        "You, the people close to you and your care team do what the plan says.",
        "You, your circle of support and your care team",
        "Once your plan is agreed",
        "Now, until your next review",
    ),
    Step.REVIEWING: StepWords(
        "Reviewing",
        "You look at your plan again: what is working, what is not, and what needs to change.",
        "You and {coordinator}",
        "{review_when}",
    ),
}

EASY_READ: dict[Step, StepWords] = {
    Step.PREPARING: StepWords(
        "Getting ready",
        "Think about what matters to you. Your team tells you about any tests.",
        "You and {coordinator}",
        "Before {conversation_by}",
    ),
    Step.TALKING: StepWords(
        "Talking",
        "We talk about your life. We talk about what you want to change. You can bring someone.",
        "You and {coordinator}",
        "{conversation_when}",
    ),
    Step.WRITING: StepWords(
        "Writing your plan",
        "We write your plan with you. We use your words.",
        "You and {coordinator}",
        "After the talk",
    ),
    Step.AGREEING: StepWords(
        "Saying yes to your plan",
        "You read your plan. You say if it is right.",
        "You",
        "When your plan is ready",
    ),
    Step.MAKING_IT_HAPPEN: StepWords(
        "Doing the plan",
        "Everyone does what the plan says.",
        "You, your family and friends, and your team",
        "After you say yes",
        "Now",
    ),
    Step.REVIEWING: StepWords(
        "Checking your plan",
        "We look at your plan again. We change what needs to change.",
        "You and {coordinator}",
        "{review_when}",
    ),
}


@dataclass(frozen=True)
class StepRow:
    number: int
    title: str
    what: str
    who: str
    when: str
    state: str  # "Done", "You are here", "Next" or "Later"

    @property
    def is_current(self) -> bool:
        return self.state == "You are here"

    @property
    def tag_class(self) -> str:
        return _TAGS[self.state]


_TAGS = {
    "Done": "nhsuk-tag--green",
    "You are here": "nhsuk-tag--blue",
    "Next": "nhsuk-tag--white",
    "Later": "nhsuk-tag--grey",
}


def _fill(text: str, facts: JourneyFacts, *, easy: bool) -> str:
    conversation_by = date_long(facts.conversation_by) if facts.conversation_by else "the conversation"
    if facts.held_on:
        conversation_when = f"Held on {date_long(facts.held_on)}"
    elif facts.booked_on:
        conversation_when = f"Booked for {date_long(facts.booked_on)}"
    elif facts.conversation_by:
        conversation_when = f"By {date_long(facts.conversation_by)}"
    else:
        conversation_when = "When you are ready"
    if facts.next_review_on:
        review_when = f"By {date_long(facts.next_review_on)}"
    else:
        review_when = "Every 6 months" if easy else "At least every 6 months, and whenever you ask"
    return text.format(
        coordinator=facts.coordinator or "your coordinator",
        conversation_by=conversation_by,
        conversation_when=conversation_when,
        review_when=review_when,
    )


def _state(step: Step, current: Step) -> str:
    if step < current:
        return "Done"
    if step == current:
        return "You are here"
    return "Next" if step == current + 1 else "Later"


def step_rows(facts: JourneyFacts, *, easy_read: bool = False) -> list[StepRow]:
    """Every step in order, each saying where it stands; [] when the journey has not begun."""
    current = current_step(facts)
    if current is None:
        return []
    words = EASY_READ if easy_read else STANDARD
    rows = []
    for step in Step:
        w = words[step]
        rows.append(
            StepRow(
                number=int(step),
                title=w.title,
                what=w.what,
                who=_fill(w.who, facts, easy=easy_read),
                when=_fill(w.when_here if step == current and w.when_here else w.when, facts, easy=easy_read),
                state=_state(step, current),
            )
        )
    return rows
