"""The plan -> CarePlan: intent `plan`, status from our lifecycle, personalised care and support
planning as its category, an activity for each action (owner, due date, status, layer), its goals,
the person as author and everyone who put something in as contributors."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from livingplan.interop.fhir.codes import (
    ACTION_LAYER,
    ACTIVITY_STATUS,
    ACTIVITY_STATUS_IN,
    PERSONALISED_CARE,
    PLAN_STATUS,
    code_in,
    concept,
    reference,
    text_of,
)
from livingplan.plans.models import Action, Layer, Plan


def to_fhir(
    plan: Plan,
    *,
    goal_ids: list[int],
    actions: list[Action],
    owners: dict[int, dict[str, str]],
    contributors: list[dict[str, str]],
) -> dict[str, Any]:
    person = plan.person
    return {
        "resourceType": "CarePlan",
        "id": str(plan.pk),
        "status": PLAN_STATUS[plan.status],
        "intent": "plan",
        "category": [concept(PERSONALISED_CARE["display"], PERSONALISED_CARE)],
        "title": f"Care and support plan for {person.full_name}",
        "subject": reference("Patient", person.pk, person.full_name),
        "created": plan.created_at.isoformat(),
        "period": {"end": plan.next_review_on.isoformat()} if plan.next_review_on else None,
        "author": reference("Patient", person.pk, person.full_name),
        "contributor": contributors,
        "careTeam": [reference("CareTeam", person.pk)],
        "goal": [reference("Goal", pk) for pk in goal_ids],
        "activity": [_activity(a, owners.get(a.pk)) for a in actions],
    }


def _activity(action: Action, owner: dict[str, str] | None) -> dict[str, Any]:
    return {
        "detail": {
            "code": concept(Layer(action.layer).label, {"system": ACTION_LAYER, "code": action.layer}),
            "goal": [reference("Goal", action.outcome_id)],
            "status": ACTIVITY_STATUS[action.status],
            "scheduledPeriod": {"end": action.due_on.isoformat()} if action.due_on else None,
            "performer": [owner or {"display": action.owner_name}],
            "description": action.what,
        }
    }


@dataclass
class ActivityFields:
    what: str
    status: str
    layer: str
    owner_name: str
    due_on: dt.date | None
    goal_refs: list[str] = field(default_factory=list)


@dataclass
class CarePlanFields:
    title: str
    goal_refs: list[str]
    activities: list[ActivityFields]


def from_fhir(resource: dict[str, Any]) -> CarePlanFields:
    category = next((text_of(c) for c in resource.get("category") or [] if text_of(c)), "")
    return CarePlanFields(
        title=str(resource.get("title") or resource.get("description") or category or "Care plan"),
        goal_refs=[str(g.get("reference", "")) for g in resource.get("goal") or []],
        activities=[_activity_in(a) for a in resource.get("activity") or [] if isinstance(a.get("detail"), dict)],
    )


def _activity_in(activity: dict[str, Any]) -> ActivityFields:
    detail = activity["detail"]
    layer = code_in(detail.get("code"), ACTION_LAYER)
    due = (detail.get("scheduledPeriod") or {}).get("end")
    performer = next((p.get("display") for p in detail.get("performer") or [] if p.get("display")), "")
    return ActivityFields(
        what=str(detail.get("description") or text_of(detail.get("code")) or "An activity"),
        status=ACTIVITY_STATUS_IN.get(str(detail.get("status")), "NOT_STARTED"),
        # Other systems' activities are specialist care unless they say our layer.
        layer=layer if layer in Layer.values else Layer.SPECIALIST,
        owner_name=str(performer or (detail.get("location") or {}).get("display") or "Not recorded"),
        due_on=dt.date.fromisoformat(due[:10]) if isinstance(due, str) and len(due) >= 10 else None,
        goal_refs=[str(g.get("reference", "")) for g in detail.get("goal") or []],
    )
