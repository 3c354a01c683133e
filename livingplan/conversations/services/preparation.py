"""The person's own preparation: answers saved in their own words, come back to later, marked
done, and chosen answers put into the plan as theirs through the plan's own verbs (ADR-035).

Each verb: guard -> transaction -> append rows -> audit. Nothing here writes a plan row itself.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.conversations import rules
from livingplan.conversations.models import (
    AnswerInPlan,
    PreparationAnswer,
    PreparationStatus,
    PreparationStatusChange,
    Prompt,
)
from livingplan.conversations.status import own_preparation_status
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.models import Plan
from livingplan.plans.sections import Section

# The moves a preparation may make; anything else is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    PreparationStatus.NOT_STARTED: frozenset({PreparationStatus.IN_PROGRESS}),
    PreparationStatus.IN_PROGRESS: frozenset({PreparationStatus.DONE}),
    PreparationStatus.DONE: frozenset(),
}


@dataclass(frozen=True)
class Destination:
    """Where an answer lands in the plan: a section's statement, or an outcome."""

    label: str
    section: Section | None = None  # None: it becomes an outcome


# "Who I want there, when and where" is for arranging the conversation, not for the plan.
DESTINATIONS: dict[str, Destination] = {
    Prompt.MATTERS_NOW: Destination(Section.WHAT_MATTERS.label, Section.WHAT_MATTERS),
    Prompt.HOPES: Destination(Section.WHAT_MATTERS.label, Section.WHAT_MATTERS),
    Prompt.WORKING: Destination(Section.ABOUT_ALSO_KNOW.label, Section.ABOUT_ALSO_KNOW),
    Prompt.NOT_WORKING: Destination(Section.NEEDS.label, Section.NEEDS),
    Prompt.WANT_TO_CHANGE: Destination("My outcomes (what I want to achieve)"),
    Prompt.ALREADY_TRIED: Destination(Section.ABOUT_ALSO_KNOW.label, Section.ABOUT_ALSO_KNOW),
}


def current_answers(person: Person) -> dict[str, PreparationAnswer]:
    """The newest saved answer to each prompt (cleared answers included, as empty text): one query."""
    latest: dict[str, PreparationAnswer] = {}
    for answer in PreparationAnswer.objects.filter(person_id=person.pk).order_by("written_at", "pk"):
        latest[answer.prompt] = answer
    return latest


def _move(person: Person, to: PreparationStatus, *, by: User) -> None:
    now = own_preparation_status(person)
    if to not in TRANSITIONS[now]:
        raise ValidationError(f"Your preparation is {now.label.lower()}: it cannot be marked {to.label.lower()}.")
    PreparationStatusChange.objects.create(person=person, from_status=now, to_status=to, changed_by=by)


def _guard(person: Person, by: User) -> None:
    if not rules.may_prepare(by, person):
        raise PermissionDenied("Only the person, or someone who writes for them, can prepare for their plan.")


def _audit(action: str, person: Person, *, by: User, audit: AuditContext | None, **detail: object) -> None:
    auditor.record(action, audit=context_for(by, audit), person_id=person.pk, obj=person, detail=detail)


@transaction.atomic
def save_answers(
    person: Person, *, by: User, answers: dict[str, str], audit: AuditContext | None = None
) -> list[PreparationAnswer]:
    """Keep what changed as new answers; the first answer saved starts the preparation."""
    _guard(person, by)
    before = current_answers(person)
    saved = []
    for prompt, text in answers.items():
        Prompt(prompt)  # an unknown prompt is a mistake in the caller
        text = text.strip()
        if text == (before[prompt].text if prompt in before else ""):
            continue
        saved.append(PreparationAnswer.objects.create(person=person, prompt=prompt, text=text, written_by=by))
    if saved and own_preparation_status(person) == PreparationStatus.NOT_STARTED:
        _move(person, PreparationStatus.IN_PROGRESS, by=by)
    if saved:
        _audit("conversations.preparation.saved", person, by=by, audit=audit, prompts=[a.prompt for a in saved])
    return saved


@transaction.atomic
def finish_preparation(person: Person, *, by: User, audit: AuditContext | None = None) -> None:
    """The person says they are ready: from now on their care team can read the answers."""
    _guard(person, by)
    if not any(a.text for a in current_answers(person).values()):
        raise ValidationError("Answer at least one question before you say you have finished.")
    _move(person, PreparationStatus.DONE, by=by)
    _audit("conversations.preparation.finished", person, by=by, audit=audit)


def waiting_for_plan(person: Person) -> dict[str, PreparationAnswer]:
    """Answers that could go into the plan and have not, in their current words: one query each."""
    already = set(AnswerInPlan.objects.filter(person_id=person.pk).values_list("answer_id", flat=True))
    return {
        prompt: answer
        for prompt, answer in current_answers(person).items()
        if prompt in DESTINATIONS and answer.text and answer.pk not in already
    }


@transaction.atomic
def put_answers_in_plan(
    person: Person, *, by: User, plan: Plan, prompts: list[str], audit: AuditContext | None = None
) -> list[AnswerInPlan]:
    """Each chosen answer becomes a statement or outcome in the person's own words, through the
    plan's verbs (so the plan's own guards, limits and audit apply). All of them or none."""
    _guard(person, by)
    if plan.person_id != person.pk:
        raise PermissionDenied("That is not this person's plan.")
    waiting = waiting_for_plan(person)
    if not prompts:
        raise ValidationError({"prompts": "Select the answers you want to put in your plan"})
    missing = [p for p in prompts if p not in waiting]
    if missing:
        raise ValidationError({"prompts": "That answer is already in your plan, or has changed. Choose again"})
    added = []
    for prompt in prompts:
        answer, where = waiting[prompt], DESTINATIONS[prompt]
        if where.section is None:
            outcome = plans.add_outcome(plan, by=by, text=answer.text, in_own_words=True, audit=audit)
            row = AnswerInPlan(person=person, answer=answer, outcome=outcome, added_by=by)
        else:
            statement = plans.add_statement(
                plan, by=by, section=where.section, text=answer.text, in_own_words=True, audit=audit
            )
            row = AnswerInPlan(person=person, answer=answer, statement=statement, added_by=by)
        row.save()
        added.append(row)
    _audit("conversations.preparation.put_in_plan", person, by=by, audit=audit, prompts=prompts)
    return added
