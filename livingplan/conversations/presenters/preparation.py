"""What the preparation pages show: each prompt with the person's answer, where it would go in
their plan and whether it is there yet. Rows are read through `visible_to`, in three queries."""

from dataclasses import dataclass

from livingplan.accounts.models import User
from livingplan.conversations import rules
from livingplan.conversations.models import AnswerInPlan, PreparationAnswer, PreparationStatus, Prompt
from livingplan.conversations.services import DESTINATIONS
from livingplan.conversations.status import own_preparation_status
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans import lifecycle
from livingplan.plans import rules as plan_rules

STATUS_TAGS = {
    PreparationStatus.NOT_STARTED: "nhsuk-tag--grey",
    PreparationStatus.IN_PROGRESS: "nhsuk-tag--blue",
    PreparationStatus.DONE: "nhsuk-tag--green",
}


@dataclass(frozen=True)
class AnswerRow:
    prompt: str
    question: str
    text: str
    saved_on: str
    goes_to: str  # where in the plan it would go; empty for what stays with the preparation
    in_plan: bool


@dataclass(frozen=True)
class PreparationPage:
    person: Person
    is_self: bool
    may_change: bool
    status: str
    status_tag: str
    is_done: bool
    rows: list[AnswerRow]
    answered: int
    # Answers that may still go into the plan, as (prompt, label) choices for the form.
    choices: list[tuple[str, str]]
    plan_open: bool  # the plan exists and is open for change, so answers can go into it


def preparation_page(person: Person, viewer: User) -> PreparationPage:
    status = own_preparation_status(person)
    answers: dict[str, PreparationAnswer] = {}
    for answer in PreparationAnswer.objects.visible_to(viewer).filter(person=person).order_by("written_at", "pk"):
        answers[answer.prompt] = answer
    placed = set(AnswerInPlan.objects.visible_to(viewer).filter(person=person).values_list("answer_id", flat=True))
    rows = []
    for prompt in Prompt:
        current = answers.get(prompt)
        text = current.text if current else ""
        where = DESTINATIONS.get(prompt)
        rows.append(
            AnswerRow(
                prompt=prompt.value,
                question=prompt.label,
                text=text,
                saved_on=date_long(current.written_at) if current and text else "",
                goes_to=where.label if where else "",
                in_plan=bool(current and current.pk in placed),
            )
        )
    plan = getattr(person, "plan", None)
    return PreparationPage(
        person=person,
        is_self=plan_rules.is_the_person(viewer, person),
        may_change=rules.may_prepare(viewer, person),
        status=status.label,
        status_tag=STATUS_TAGS[status],
        is_done=status == PreparationStatus.DONE,
        rows=rows,
        answered=sum(1 for row in rows if row.text),
        choices=[(r.prompt, f"{r.question}: {r.text}") for r in rows if r.text and r.goes_to and not r.in_plan],
        plan_open=plan is not None and plan.status in lifecycle.EDITABLE,
    )


def may_read(person: Person, viewer: User) -> bool:
    return rules.may_read_preparation(viewer, person, own_preparation_status(person))
