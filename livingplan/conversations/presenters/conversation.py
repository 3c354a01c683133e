"""What the conversation pages show: the parts of the conversation in the order it goes, each
thing said with who said it and who wrote it down. Rows are read through `visible_to`, and a
part of the plan the person has not shared with the viewer is left out here too."""

from dataclasses import dataclass

from livingplan.accounts.models import User
from livingplan.conversations import rules
from livingplan.conversations.models import Conversation, ConversationItem, Part, PreparationStatus
from livingplan.conversations.status import own_preparation_status
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans import lifecycle, owners
from livingplan.plans import rules as plan_rules
from livingplan.plans.models import StatementStatus
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to

# Which part of the plan each part of the conversation lands in, for who may read it.
PART_GROUP = {
    Part.WHAT_MATTERS: SharingGroup.WHAT_MATTERS,
    Part.IDEA: SharingGroup.WHAT_MATTERS,
    Part.OUTCOME: SharingGroup.OUTCOMES,
    Part.NEXT_STEP: SharingGroup.OUTCOMES,
    Part.RISK: SharingGroup.RISKS,
    Part.GOING_WELL: SharingGroup.OUTCOMES,
    Part.REVIEW_TRIGGER: SharingGroup.REVIEW,
}

# What the button to add to each part says.
ADD_WORDS = {
    Part.WHAT_MATTERS: "Add what matters to them",
    Part.IDEA: "Add an idea",
    Part.OUTCOME: "Add an agreed outcome",
    Part.NEXT_STEP: "Add a next step",
    Part.RISK: "Add a risk and what you agreed",
    Part.GOING_WELL: "Add how you will know it is working",
    Part.REVIEW_TRIGGER: "Add what would make you review early",
}


@dataclass(frozen=True)
class ItemRow:
    text: str
    said_by: str
    recorded: str
    waiting: bool  # someone else's words for the person's own voice, waiting for them to accept


@dataclass(frozen=True)
class PartRow:
    key: str
    title: str
    add_text: str
    items: list[ItemRow]


@dataclass(frozen=True)
class ConversationRow:
    pk: int
    held_on: str
    where: str
    recorded_by: str


@dataclass(frozen=True)
class ConversationPage:
    person: Person
    conversation: ConversationRow
    parts: list[PartRow]
    may_record: bool
    plan_open: bool
    # The person has finished preparing and the viewer may read it: the conversation starts there.
    shows_preparation: bool


def people_labels(person: Person) -> dict[int, str]:
    """Everyone who may be recorded as saying something or doing a next step, by user id."""
    return {possible.user.pk: possible.label for possible in owners.possible_owners(person)}


def conversations_for(person: Person, viewer: User) -> list[ConversationRow]:
    rows = Conversation.objects.visible_to(viewer).filter(person=person).select_related("recorded_by")
    return [_row(c) for c in rows]


def _row(conversation: Conversation) -> ConversationRow:
    return ConversationRow(
        pk=conversation.pk,
        held_on=date_long(conversation.held_on),
        where=conversation.where,
        recorded_by=conversation.recorded_by.display_name,
    )


def conversation_page(conversation: Conversation, viewer: User) -> ConversationPage:
    person = conversation.person
    shown = groups_visible_to(viewer, person)
    labels = people_labels(person)
    items = (
        ConversationItem.objects.visible_to(viewer)
        .filter(conversation=conversation)
        .select_related("said_by", "recorded_by", "statement", "outcome")
    )
    by_part: dict[str, list[ItemRow]] = {part: [] for part in Part}
    for item in items:
        if PART_GROUP[Part(item.part)] in shown:
            by_part[item.part].append(_item_row(item, labels, viewer))
    plan = conversation.plan
    return ConversationPage(
        person=person,
        conversation=_row(conversation),
        parts=[
            PartRow(key=part.value, title=part.label, add_text=ADD_WORDS[part], items=by_part[part])
            for part in Part
            if PART_GROUP[part] in shown
        ],
        may_record=rules.may_record_conversation(viewer, person),
        plan_open=plan.status in lifecycle.EDITABLE,
        shows_preparation=_shows_preparation(person, viewer),
    )


def _shows_preparation(person: Person, viewer: User) -> bool:
    status = own_preparation_status(person)
    finished = status == PreparationStatus.DONE and not plan_rules.is_the_person(viewer, person)
    return finished and rules.may_read_preparation(viewer, person, status)


def _item_row(item: ConversationItem, labels: dict[int, str], viewer: User) -> ItemRow:
    said = labels.get(item.said_by_id, item.said_by.display_name)
    made = item.statement or item.outcome
    return ItemRow(
        text=item.text,
        said_by="you" if item.said_by_id == viewer.pk else said,
        recorded=f"{'you' if item.recorded_by_id == viewer.pk else item.recorded_by.display_name}, "
        f"{date_long(item.recorded_at)}",
        waiting=bool(made is not None and made.status == StatementStatus.PROPOSED),
    )


def may_read(person: Person, viewer: User) -> bool:
    return rules.may_read_conversations(viewer, person)


def is_the_person(person: Person, viewer: User) -> bool:
    return plan_rules.is_the_person(viewer, person)
