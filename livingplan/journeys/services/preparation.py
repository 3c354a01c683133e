"""Preparation parts 1 and 3: checklist answers, results and their explanation, going ahead, ready.

Every verb appends rows and audits; nothing is updated in place. A result is explained to the person
by someone on their care team, before the conversation; the conversation is ready only when every
result is explained, or the person has chosen to go ahead without it (recorded, with who and when).
"""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.core import dates
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.journeys import rules
from livingplan.journeys.checklists import PRACTITIONER_ITEMS, PROCESS_ITEMS
from livingplan.journeys.facts import FactKind, facts_about
from livingplan.journeys.models import (
    AssessmentResult,
    ChecklistAnswer,
    GoAheadChoice,
    PlanningStarted,
    ReadyForConversation,
    ResultExplained,
)
from livingplan.people import rules as people_rules
from livingplan.people.models import Person


def _guard_started(person: Person) -> None:
    if not PlanningStarted.objects.filter(person=person).exists():
        raise ValidationError(f"Planning has not started with {person.full_name} yet. Start planning first.")


def _guard_team(person: Person, by: User, doing: str) -> None:
    if not rules.may_prepare(by, person):
        raise PermissionDenied(f"Only someone on {person.name_to_use}'s care team can {doing}.")


def current_answers(person: Person) -> dict[str, str]:
    """The latest answer to each checklist item (a service's own read, for its guards)."""
    answers: dict[str, str] = {}
    for item, answer in (
        ChecklistAnswer.objects.filter(person=person).order_by("recorded_at", "pk").values_list("item", "answer")
    ):
        answers[item] = answer
    return answers


@transaction.atomic
def answer_checklist(
    person: Person, *, by: User, answers: Mapping[str, str], audit: AuditContext | None = None
) -> list[ChecklistAnswer]:
    """Record the answers that changed, each as a new row; the same answer again adds nothing."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    _guard_team(person, by, "record their preparation")
    _guard_started(person)
    unknown = set(answers) - set(PROCESS_ITEMS) - set(PRACTITIONER_ITEMS)
    if unknown:
        raise ValueError(f"Not checklist items: {sorted(unknown)}")
    before = current_answers(person)
    changed = [
        ChecklistAnswer(person=person, item=item, answer=answer.strip(), recorded_by=by)
        for item, answer in answers.items()
        if answer.strip() != before.get(item, "")
    ]
    rows = ChecklistAnswer.objects.bulk_create(changed)
    if rows:
        auditor.record(
            "journeys.preparation.answered",
            audit=context_for(by, audit),
            person_id=person.pk,
            detail={"items": sorted(row.item for row in rows)},
        )
    return rows


@transaction.atomic
def add_result(
    person: Person, *, by: User, name: str, result: str, taken_on: dt.date, audit: AuditContext | None = None
) -> AssessmentResult:
    _guard_team(person, by, "record a result")
    _guard_started(person)
    dates.validate(taken_on, dates.HAPPENED, "The date of the test or assessment")
    row = AssessmentResult.objects.create(
        person=person, name=name.strip(), result=result.strip(), taken_on=taken_on, recorded_by=by
    )
    auditor.record(
        "journeys.result.added", audit=context_for(by, audit), person_id=person.pk, obj=row, detail={"name": row.name}
    )
    return row


def _conversation_held_on(person: Person, by: User) -> dt.date | None:
    held = [f.on for f in facts_about(by, person) if f.kind == FactKind.CONVERSATION_HELD]
    return min(held) if held else None


@transaction.atomic
def mark_result_explained(
    result: AssessmentResult, *, by: User, explained_on: dt.date, audit: AuditContext | None = None
) -> ResultExplained:
    """`by` explained `result` to the person on `explained_on`: only their care team may say so."""
    result = AssessmentResult.objects.select_for_update().select_related("person").get(pk=result.pk)
    person = result.person
    if not people_rules.is_on_care_team(by, person):
        raise PermissionDenied(
            f"Only someone on {person.name_to_use}'s care team can record that a result was explained to them."
        )
    if ResultExplained.objects.filter(result=result).exists():
        raise ValidationError(f"The {result.name} result has already been recorded as explained.")
    dates.validate(explained_on, dates.HAPPENED, "The date it was explained")
    if explained_on < result.taken_on:
        raise ValidationError({"explained_on": "The date it was explained must be on or after the date it was taken"})
    held_on = _conversation_held_on(person, by)
    if held_on is not None and explained_on > held_on:
        raise ValidationError({"explained_on": "The date it was explained must be before the planning conversation"})
    explained = ResultExplained.objects.create(person=person, result=result, explained_by=by, explained_on=explained_on)
    auditor.record(
        "journeys.result.explained",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=explained,
        detail={"name": result.name, "explained_on": explained_on.isoformat()},
    )
    return explained


def unexplained_results(person: Person) -> list[AssessmentResult]:
    return list(AssessmentResult.objects.filter(person=person, explained__isnull=True).order_by("recorded_at", "pk"))


def _not_covered(person: Person) -> list[AssessmentResult]:
    """Unexplained results the person has not chosen to go ahead without (recorded before their choice)."""
    latest = GoAheadChoice.objects.filter(person=person).order_by("-chosen_at", "-pk").first()
    waiting = unexplained_results(person)
    if latest is None:
        return waiting
    return [r for r in waiting if r.recorded_at > latest.chosen_at]


@transaction.atomic
def choose_to_go_ahead(person: Person, *, by: User, audit: AuditContext | None = None) -> GoAheadChoice:
    """The person chooses to have the conversation before every result is explained to them."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not rules.may_choose_to_go_ahead(by, person):
        raise PermissionDenied(f"Only {person.name_to_use}, or their care team for them, can choose this.")
    _guard_started(person)
    if not unexplained_results(person):
        raise ValidationError("Every result has been explained: there is nothing to go ahead without.")
    for_the_person = not people_rules.is_the_person(by, person)
    choice = GoAheadChoice.objects.create(person=person, recorded_by=by, for_the_person=for_the_person)
    auditor.record(
        "journeys.preparation.going_ahead",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=choice,
        detail={"recorded_for_the_person": for_the_person},
    )
    return choice


@transaction.atomic
def mark_ready_for_conversation(person: Person, *, by: User, audit: AuditContext | None = None) -> ReadyForConversation:
    person = Person.objects.select_for_update().get(pk=person.pk)
    _guard_team(person, by, "mark the conversation ready")
    _guard_started(person)
    if ReadyForConversation.objects.filter(person=person).exists():
        raise ValidationError("The conversation is already marked as ready.")
    if waiting := _not_covered(person):
        names = ", ".join(r.name for r in waiting)
        raise ValidationError(
            f"Not yet explained to {person.name_to_use}: {names}. Explain each result before the conversation, "
            f"or {person.name_to_use} can choose to go ahead without it."
        )
    going_ahead_without = [r.name for r in unexplained_results(person)]
    ready = ReadyForConversation.objects.create(person=person, marked_by=by, going_ahead_without=going_ahead_without)
    auditor.record(
        "journeys.preparation.ready",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=ready,
        detail={"going_ahead_without": going_ahead_without},
    )
    return ready
