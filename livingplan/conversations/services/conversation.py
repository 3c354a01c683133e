"""Recording the planning conversation: each thing said lands in the plan through the plan's own
verbs, attributed to whoever said it, with a conversation row saying who wrote it down (ADR-035).

Each verb: guard (on the care team, a speaker the plan knows, the plan open for change) ->
transaction -> the plan's verb -> an append-only `ConversationItem` -> audit. All or nothing.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.conversations import rules
from livingplan.conversations.models import Conversation, ConversationItem, Part
from livingplan.core import dates
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.presenters import date_long
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.plans import lifecycle, owners
from livingplan.plans import services as plans
from livingplan.plans.models import Layer, Outcome, Plan
from livingplan.plans.sections import Section

# Ideas start from the person outwards: what they can do, then family and friends, then community.
IDEA_SECTIONS = {
    Layer.SELF_CARE: Section.STRENGTHS_MINE,
    Layer.FAMILY_FRIENDS: Section.STRENGTHS_FAMILY,
    Layer.COMMUNITY: Section.STRENGTHS_COMMUNITY,
}


def speakers(person: Person) -> dict[int, str]:
    """Who may be recorded as saying something: the person, their circle who sign in, their care team."""
    return {possible.user.pk: possible.label for possible in owners.possible_owners(person)}


def _guard_plan(person: Person, plan: Plan, by: User) -> None:
    if not rules.may_record_conversation(by, person):
        raise PermissionDenied("Only the person's care team can record their planning conversation.")
    if plan.person_id != person.pk:
        raise PermissionDenied("That is not this person's plan.")
    if plan.status not in lifecycle.EDITABLE:
        raise lifecycle.TransitionNotAllowed(
            "This plan has been agreed. Start a review of the plan before recording a conversation about it."
        )


@transaction.atomic
def start_conversation(
    person: Person, *, by: User, plan: Plan, held_on: dt.date, where: str, audit: AuditContext | None = None
) -> Conversation:
    _guard_plan(person, plan, by)
    where = where.strip()
    errors = {"held_on": dates.problem(held_on, dates.HAPPENED, "The date of the conversation")}
    if not where:
        errors["where"] = "Enter where the conversation took place"
    if any(errors.values()):
        raise ValidationError({name: message for name, message in errors.items() if message})
    conversation = Conversation.objects.create(person=person, plan=plan, held_on=held_on, where=where, recorded_by=by)
    auditor.record(
        "conversations.conversation.started", audit=context_for(by, audit), person_id=person.pk, obj=conversation
    )
    return conversation


def _record(
    conversation: Conversation,
    *,
    by: User,
    said_by: User,
    part: Part,
    text: str,
    audit: AuditContext | None,
    **made: Any,
) -> ConversationItem:
    """The conversation's row for something the plan's verb has just added, and its audit row."""
    person = conversation.person
    item = ConversationItem.objects.create(
        person=person,
        conversation=conversation,
        part=part,
        text=text.strip(),
        said_by=said_by,
        speaker_kind=plans.contributor_kind(said_by, person),
        recorded_by=by,
        **made,
    )
    auditor.record(
        "conversations.item.recorded",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=item,
        detail={"part": part.value, "said_by": said_by.pk},
    )
    return item


# "In the person's own words" follows from who said it (`add_content` marks the person's own), so
# a practitioner's words about what matters are never passed off as the person's.


def _checked(conversation: Conversation, *, by: User, said_by: User) -> Plan:
    """The plan to write into, once the recorder, the speaker and the plan's state are fine."""
    person = conversation.person
    _guard_plan(person, conversation.plan, by)
    if said_by.pk not in speakers(person):
        raise ValidationError({"said_by": "Select who said it"})
    return conversation.plan


@transaction.atomic
def record_what_matters(
    conversation: Conversation, *, by: User, said_by: User, text: str, audit: AuditContext | None = None
) -> ConversationItem:
    plan = _checked(conversation, by=by, said_by=said_by)
    statement = plans.add_statement(plan, by=by, said_by=said_by, section=Section.WHAT_MATTERS, text=text, audit=audit)
    return _record(
        conversation, by=by, said_by=said_by, part=Part.WHAT_MATTERS, text=text, audit=audit, statement=statement
    )


@transaction.atomic
def record_idea(
    conversation: Conversation, *, by: User, said_by: User, text: str, source: str, audit: AuditContext | None = None
) -> ConversationItem:
    """An idea that starts from the person's own strengths, their family and friends, or their community."""
    plan = _checked(conversation, by=by, said_by=said_by)
    if source not in IDEA_SECTIONS:
        raise ValidationError({"source": "Select where the idea comes from"})
    section = IDEA_SECTIONS[Layer(source)]
    statement = plans.add_statement(plan, by=by, said_by=said_by, section=section, text=text, audit=audit)
    return _record(conversation, by=by, said_by=said_by, part=Part.IDEA, text=text, audit=audit, statement=statement)


@transaction.atomic
def record_outcome(
    conversation: Conversation,
    *,
    by: User,
    said_by: User,
    text: str,
    why_it_matters: str = "",
    importance: int = 3,
    audit: AuditContext | None = None,
) -> ConversationItem:
    """An agreed outcome in the words of whoever said it: the person's go straight in, anyone
    else's wait for the person to accept them, as everywhere in the plan (ADR-025)."""
    plan = _checked(conversation, by=by, said_by=said_by)
    outcome = plans.add_outcome(
        plan,
        by=by,
        said_by=said_by,
        text=text,
        why_it_matters=why_it_matters,
        importance=importance,
        audit=audit,
    )
    return _record(conversation, by=by, said_by=said_by, part=Part.OUTCOME, text=text, audit=audit, outcome=outcome)


@transaction.atomic
def record_next_step(
    conversation: Conversation,
    *,
    by: User,
    said_by: User,
    outcome: Outcome,
    what: str,
    owner: User | None,
    owner_name: str,
    due_on: dt.date | None,
    layer: str,
    audit: AuditContext | None = None,
) -> ConversationItem:
    """Every next step has someone who will do it and a date: people do what they say they will."""
    plan = _checked(conversation, by=by, said_by=said_by)
    if due_on is None:
        raise ValidationError({"due_on": "Enter the date it will be done by"})
    if outcome.plan_id != plan.pk or not outcome.is_active:
        raise ValidationError({"outcome": "Select the outcome this step is towards"})
    action = plans.add_action(
        outcome,
        by=by,
        said_by=said_by,
        what=what,
        owner=owner,
        owner_name=owner_name,
        due_on=due_on,
        layer=layer,
        audit=audit,
    )
    return _record(conversation, by=by, said_by=said_by, part=Part.NEXT_STEP, text=what, audit=audit, action=action)


@transaction.atomic
def record_risk(
    conversation: Conversation,
    *,
    by: User,
    said_by: User,
    what_could_go_wrong: str,
    what_we_agree: str,
    persons_view: str = "",
    audit: AuditContext | None = None,
) -> ConversationItem:
    """A risk and the contingency agreed for it, decided together at the conversation."""
    plan = _checked(conversation, by=by, said_by=said_by)
    risk = plans.add_risk(
        plan,
        by=by,
        said_by=said_by,
        what_could_go_wrong=what_could_go_wrong,
        what_we_agree=what_we_agree,
        decided_by=f"Agreed at the planning conversation on {date_long(conversation.held_on)}",
        persons_view=persons_view,
        audit=audit,
    )
    return _record(
        conversation, by=by, said_by=said_by, part=Part.RISK, text=what_could_go_wrong, audit=audit, risk=risk
    )


@transaction.atomic
def record_going_well(
    conversation: Conversation, *, by: User, said_by: User, text: str, audit: AuditContext | None = None
) -> ConversationItem:
    plan = _checked(conversation, by=by, said_by=said_by)
    statement = plans.add_statement(plan, by=by, said_by=said_by, section=Section.GOING_WELL, text=text, audit=audit)
    return _record(
        conversation, by=by, said_by=said_by, part=Part.GOING_WELL, text=text, audit=audit, statement=statement
    )


@transaction.atomic
def record_review_trigger(
    conversation: Conversation, *, by: User, said_by: User, text: str, audit: AuditContext | None = None
) -> ConversationItem:
    """Added to the plan's early review triggers, keeping those already there and its review date."""
    plan = _checked(conversation, by=by, said_by=said_by)
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter what would make you review the plan early"})
    triggers = "\n".join(t for t in (plan.early_review_triggers.strip(), text) if t)
    plans.set_review_arrangements(
        plan,
        by=by,
        next_review_on=plan.next_review_on,
        review_lead=plan.review_lead,
        early_review_triggers=triggers,
        audit=audit,
    )
    return _record(conversation, by=by, said_by=said_by, part=Part.REVIEW_TRIGGER, text=text, audit=audit)
