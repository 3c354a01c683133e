"""Preparation parts 1 and 3: their status for the planning page, and their own pages."""

from dataclasses import dataclass

from django.urls import reverse

from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.journeys import checklists, facts, rules
from livingplan.journeys.models import (
    AssessmentResult,
    ChecklistAnswer,
    ChecklistItem,
    GoAheadChoice,
    ReadyForConversation,
)
from livingplan.people import rules as people_rules
from livingplan.people.models import Person

_ANSWER_WORDS = {"YES": "Yes", "NO": "No", "NOT_KNOWN": "Not known yet", "": "Not answered"}
_SOCIAL_CARE_WORDS = dict(checklists.SOCIAL_CARE_CHOICES)


def answers_for(viewer: Viewer, person: Person) -> dict[str, str]:
    """The latest answer to each checklist item, read as `viewer`."""
    answers: dict[str, str] = {}
    rows = ChecklistAnswer.objects.visible_to(viewer).filter(person=person).order_by("recorded_at", "pk")
    for item, answer in rows.values_list("item", "answer"):
        answers[item] = answer
    return answers


@dataclass(frozen=True)
class ChecklistRow:
    label: str
    answer: str
    done: bool


def checklist_rows(items: tuple[str, ...], answers: dict[str, str]) -> list[ChecklistRow]:
    rows = []
    for item in items:
        answer = answers.get(item, "")
        if item == ChecklistItem.SOCIAL_CARE:
            words = _SOCIAL_CARE_WORDS.get(answer, "Not answered")
        else:
            words = _ANSWER_WORDS.get(answer, answer)
        rows.append(ChecklistRow(ChecklistItem(item).label, words, checklists.is_answered(item, answer)))
    return rows


@dataclass(frozen=True)
class ResultRow:
    id: int
    name: str
    result: str
    taken_on: str
    explained: str  # "Explained by Eleri Jones on 5 September 2026", or ""


def result_rows(viewer: Viewer, person: Person) -> list[ResultRow]:
    results = (
        AssessmentResult.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("explained__explained_by")
        .order_by("recorded_at", "pk")
    )
    rows = []
    for r in results:
        told = getattr(r, "explained", None)
        explained = f"Explained by {told.explained_by.display_name} on {date_long(told.explained_on)}" if told else ""
        rows.append(ResultRow(r.pk, r.name, r.result, date_long(r.taken_on), explained))
    return rows


def _ready(viewer: Viewer, person: Person) -> ReadyForConversation | None:
    return ReadyForConversation.objects.visible_to(viewer).filter(person=person).select_related("marked_by").first()


def process_summary(viewer: Viewer, person: Person) -> facts.PartSummary:
    answers = answers_for(viewer, person)
    items = checklists.PROCESS_ITEMS
    href = reverse("journeys:process", args=[person.pk]) if rules.may_prepare(viewer, person) else ""
    done = checklists.count_done(items, answers)
    return facts.PartSummary(
        status=checklists.checklist_status(items, {k: v for k, v in answers.items() if k in items}),
        detail=f"{done} of {len(items)} things checked.",
        href=href,
    )


def practitioner_summary(viewer: Viewer, person: Person) -> facts.PartSummary:
    href = reverse("journeys:practitioner", args=[person.pk]) if rules.may_prepare(viewer, person) else ""
    ready = _ready(viewer, person)
    if ready is not None:
        return facts.PartSummary(
            facts.PartStatus.DONE, f"The conversation was marked ready on {date_long(ready.marked_at)}.", href
        )
    answers = {k: v for k, v in answers_for(viewer, person).items() if k in checklists.PRACTITIONER_ITEMS}
    results = result_rows(viewer, person)
    waiting = sum(1 for r in results if not r.explained)
    status = facts.PartStatus.IN_PROGRESS if answers or results else facts.PartStatus.NOT_STARTED
    detail = f"{waiting} {'result' if waiting == 1 else 'results'} not yet explained." if waiting else ""
    return facts.PartSummary(status, detail, href)


@dataclass(frozen=True)
class PractitionerPage:
    person: Person
    checklist: list[ChecklistRow]
    results: list[ResultRow]
    ready: str  # "Marked ready by Priya Shah on 20 September 2026", or ""
    going_ahead: str  # "Jo chose to go ahead ... on ...", or ""

    @property
    def unexplained(self) -> list[ResultRow]:
        return [r for r in self.results if not r.explained]

    @classmethod
    def build(cls, viewer: Viewer, person: Person) -> "PractitionerPage":
        ready = _ready(viewer, person)
        choice = (
            GoAheadChoice.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("recorded_by")
            .order_by("-chosen_at", "-pk")
            .first()
        )
        going_ahead = ""
        if choice is not None:
            told = f", as recorded by {choice.recorded_by.display_name}" if choice.for_the_person else ""
            going_ahead = (
                f"{person.name_to_use} chose to go ahead before every result was explained{told}, "
                f"on {date_long(choice.chosen_at)}."
            )
        return cls(
            person=person,
            checklist=checklist_rows(checklists.PRACTITIONER_ITEMS, answers_for(viewer, person)),
            results=result_rows(viewer, person),
            ready=f"Marked ready by {ready.marked_by.display_name} on {date_long(ready.marked_at)}" if ready else "",
            going_ahead=going_ahead,
        )


@dataclass(frozen=True)
class WaitingForYou:
    """On the planning page, for the person: results not explained to them yet, and their choice."""

    names: list[str]
    may_go_ahead: bool


def waiting_for(viewer: Viewer, person: Person) -> WaitingForYou | None:
    if not people_rules.is_the_person(viewer, person) or _ready(viewer, person) is not None:
        return None
    names = [r.name for r in result_rows(viewer, person) if not r.explained]
    return WaitingForYou(names=names, may_go_ahead=True) if names else None
