"""The person's preparation and planning conversations for their own download (`conversations.json`
in `export.zip`): every answer they saved with its history, which went into the plan, and what was
said at each conversation and by whom. Read through `visible_to`, parts filtered as the plan is."""

import datetime as dt
from typing import Any

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.conversations.models import (
    AnswerInPlan,
    Conversation,
    ConversationItem,
    Part,
    PreparationAnswer,
    PreparationStatusChange,
    Prompt,
)
from livingplan.conversations.presenters.conversation import PART_GROUP
from livingplan.people.models import Person
from livingplan.plans.models import ContributorKind
from livingplan.plans.sections import Section


def _iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _became(row: AnswerInPlan | ConversationItem) -> str:
    """What the words became in the plan, in words (the plan itself is in plan.json)."""
    if row.statement is not None:
        return f'a statement under "{Section(row.statement.section).label}"'
    if row.outcome is not None:
        return "an outcome"
    if isinstance(row, ConversationItem) and row.action is not None:
        return "an action"
    if isinstance(row, ConversationItem) and row.risk is not None:
        return "a risk"
    return "a reason to review the plan early"


def conversations_json(person: Person, *, viewer: User, groups: frozenset[str]) -> dict[str, Any]:
    mine = {"person": person}
    placed: dict[int, list[dict[str, Any]]] = {}
    for row in AnswerInPlan.objects.visible_to(viewer).filter(**mine).select_related("added_by", "statement"):
        placed.setdefault(row.answer_id, []).append(
            {"added_by": row.added_by.display_name, "added_at": _iso(row.added_at), "became": _became(row)}
        )
    answers = PreparationAnswer.objects.visible_to(viewer).filter(**mine).select_related("written_by")
    moves = PreparationStatusChange.objects.visible_to(viewer).filter(**mine).select_related("changed_by")
    items = (
        ConversationItem.objects.visible_to(viewer)
        .filter(**mine)
        .select_related("said_by", "recorded_by", "statement", "outcome", "action", "risk")
    )
    said: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        if PART_GROUP[Part(item.part)] in groups:
            said.setdefault(item.conversation_id, []).append(_item(item))
    conversations = Conversation.objects.visible_to(viewer).filter(**mine).select_related("recorded_by")
    return {
        "preparation": {
            "answers": [
                {
                    "question": Prompt(a.prompt).label,
                    "answer": a.text,
                    "written_by": a.written_by.display_name,
                    "written_at": _iso(a.written_at),
                    "put_in_plan": placed.get(a.pk, []),
                }
                for a in answers
            ],
            "status_history": [
                {"from": m.from_status, "to": m.to_status, "changed_by": m.changed_by.display_name}
                | {"changed_at": _iso(m.changed_at)}
                for m in moves
            ],
        },
        "conversations": [
            {
                "held_on": _iso(c.held_on),
                "where": c.where,
                "recorded_by": c.recorded_by.display_name,
                "recorded_at": _iso(c.recorded_at),
                "items": said.get(c.pk, []),
            }
            for c in conversations
        ],
    }


def _item(item: ConversationItem) -> dict[str, Any]:
    return {
        "part": Part(item.part).label,
        "text": item.text,
        "said_by": item.said_by.display_name,
        "said_as": ContributorKind(item.speaker_kind).label,
        "recorded_by": item.recorded_by.display_name,
        "recorded_at": _iso(item.recorded_at),
        "became": _became(item),
    }
