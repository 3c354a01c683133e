"""The planning journey in the subject access export (issue 12): `planning.json`.

Read through `visible_to(viewer)` like the rest of the export, in a fixed number of queries, and
shaped into plain keys: when planning started, the preparation answers, results and when each was
explained, the choice to go ahead, readiness, and how the coordinator was suggested, chosen and
changed.
"""

from typing import Any

from livingplan.documents.presenters.export import iso, user_name
from livingplan.journeys.models import (
    AssessmentResult,
    ChecklistAnswer,
    GoAheadChoice,
    PlanningStarted,
    ReadyForConversation,
)
from livingplan.people.models import (
    CoordinatorChangeRequest,
    CoordinatorChoice,
    CoordinatorSuggestion,
    Person,
)


def _started(viewer: Any, person: Person) -> dict[str, Any] | None:
    started = PlanningStarted.objects.visible_to(viewer).filter(person=person).select_related("started_by").first()
    if started is None:
        return None
    return {
        "started_by": user_name(started.started_by),
        "started_at": iso(started.started_at),
        "conversation_by": iso(started.conversation_by),
    }


def _ready(viewer: Any, person: Person) -> dict[str, Any] | None:
    ready = ReadyForConversation.objects.visible_to(viewer).filter(person=person).select_related("marked_by").first()
    if ready is None:
        return None
    return {
        "marked_by": user_name(ready.marked_by),
        "marked_at": iso(ready.marked_at),
        "going_ahead_without": ready.going_ahead_without,
    }


def _results(viewer: Any, person: Person) -> list[dict[str, Any]]:
    results = (
        AssessmentResult.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("recorded_by", "explained__explained_by")
        .order_by("recorded_at", "pk")
    )
    rows = []
    for r in results:
        told = getattr(r, "explained", None)
        rows.append(
            {
                "name": r.name,
                "result": r.result,
                "taken_on": iso(r.taken_on),
                "recorded_by": user_name(r.recorded_by),
                "recorded_at": iso(r.recorded_at),
                "explained": None
                if told is None
                else {
                    "explained_by": user_name(told.explained_by),
                    "explained_on": iso(told.explained_on),
                    "recorded_at": iso(told.recorded_at),
                },
            }
        )
    return rows


def _coordinator(viewer: Any, person: Person) -> dict[str, Any]:
    suggestions = (
        CoordinatorSuggestion.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("member__user", "suggested_by")
        .order_by("suggested_at", "pk")
    )
    choices = (
        CoordinatorChoice.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("member__user", "chosen_by")
        .order_by("chosen_at", "pk")
    )
    requests = (
        CoordinatorChangeRequest.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("asked_by", "wanted__user", "answer__answered_by", "answer__new_member__user")
        .order_by("asked_at", "pk")
    )
    return {
        "coordinator_suggestions": [
            {
                "who": user_name(s.member.user),
                "suggested_by": user_name(s.suggested_by),
                "suggested_at": iso(s.suggested_at),
            }
            for s in suggestions
        ],
        "coordinator_choices": [
            {
                "who": user_name(c.member.user),
                "chosen_by": user_name(c.chosen_by),
                "recorded_for_you": c.for_the_person,
                "accepted_suggestion": c.accepted_suggestion_id is not None,
                "chosen_at": iso(c.chosen_at),
            }
            for c in choices
        ],
        "coordinator_change_requests": [_request(r) for r in requests],
    }


def _request(request: CoordinatorChangeRequest) -> dict[str, Any]:
    answer = getattr(request, "answer", None)
    return {
        "asked_by": user_name(request.asked_by),
        "wanted": user_name(request.wanted.user) if request.wanted else None,
        "reason": request.reason,
        "asked_at": iso(request.asked_at),
        "answer": None
        if answer is None
        else {
            "answered_by": user_name(answer.answered_by),
            "accepted": answer.accepted,
            "new_coordinator": user_name(answer.new_member.user) if answer.new_member else None,
            "reason": answer.reason,
            "answered_at": iso(answer.answered_at),
        },
    }


def planning_json(person: Person, *, viewer: Any) -> dict[str, Any]:
    answers = (
        ChecklistAnswer.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("recorded_by")
        .order_by("recorded_at", "pk")
    )
    going_ahead = (
        GoAheadChoice.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("recorded_by")
        .order_by("chosen_at", "pk")
    )
    return {
        "planning_started": _started(viewer, person),
        "preparation_answers": [
            {
                "item": a.get_item_display(),
                "answer": a.answer,
                "recorded_by": user_name(a.recorded_by),
                "recorded_at": iso(a.recorded_at),
            }
            for a in answers
        ],
        "results": _results(viewer, person),
        "chose_to_go_ahead": [
            {
                "recorded_by": user_name(g.recorded_by),
                "recorded_for_you": g.for_the_person,
                "chosen_at": iso(g.chosen_at),
            }
            for g in going_ahead
        ],
        "ready_for_conversation": _ready(viewer, person),
        **_coordinator(viewer, person),
    }
