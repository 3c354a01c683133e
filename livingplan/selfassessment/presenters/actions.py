"""The action plan: the summary of actions (the next level for every area) and the priorities."""

from typing import Any

from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.selfassessment import instrument, rules
from livingplan.selfassessment.models import Priority, PriorityStatus, Round, latest_agreed
from livingplan.selfassessment.services import can_move

TAGS = {
    PriorityStatus.NOT_STARTED: "nhsuk-tag--grey",
    PriorityStatus.IN_PROGRESS: "nhsuk-tag--blue",
    PriorityStatus.DONE: "nhsuk-tag--green",
    PriorityStatus.STOPPED: "nhsuk-tag--red",
}


def towards(area: instrument.Area, agreed: int | None) -> str:
    """What we want to work towards: the description of the level above the one agreed."""
    if agreed is None:
        return "Agree a level first"
    if agreed >= instrument.LEVELS:
        return "Keep this up: it is already at the top level"
    return f"Level {agreed + 1}: {area.level(agreed + 1)}"


def suggested_priority(round_: Round, area: instrument.Area) -> str:
    """The priority's first words, before anyone types: the next level for the area."""
    agreed = latest_agreed(round_).get(area.id)
    return towards(area, agreed.level if agreed else None)


def priority_summary(priority: Priority, area_titles: dict[str, str]) -> dict[str, Any]:
    return {
        "priority": priority.priority,
        "area": area_titles.get(priority.area_id, priority.area_id),
        "owner": priority.owner.display_name,
        "by_when": date_long(priority.by_when),
        "tag": {"text": priority.get_status_display(), "classes": TAGS[PriorityStatus(priority.status)]},
        "href": reverse("selfassessment:priority", args=[priority.round_id, priority.pk]),
    }


def actions_page(round_: Round, user: User) -> dict[str, Any]:
    checked = round_.instrument.instrument
    agreed = {area: row.level for area, row in latest_agreed(round_).items()}
    titles = {a.id: a.title for a in checked.areas}
    manages = rules.can_manage(user, round_)
    return {
        "round": round_,
        "back": reverse("selfassessment:round", args=[round_.pk]),
        "sections": [
            {
                "title": section.title,
                "rows": [
                    {
                        "title": area.title,
                        "agreed": f"Level {agreed[area.id]}" if area.id in agreed else "Not agreed yet",
                        "towards": towards(area, agreed.get(area.id)),
                        "add_href": reverse("selfassessment:add-priority", args=[round_.pk, area.id])
                        if manages
                        else "",
                    }
                    for area in section.areas
                ],
            }
            for section in checked.sections
        ],
        "priorities": [
            priority_summary(p, titles) for p in round_.priorities.select_related("owner").order_by("by_when", "pk")
        ],
    }


def priority_page(priority: Priority, user: User) -> dict[str, Any]:
    round_ = priority.round
    area = round_.instrument.instrument.area(priority.area_id)
    rows = [
        ("Area", area.title if area else priority.area_id),
        ("Why this is a priority", priority.why),
        ("First steps", priority.first_steps),
        ("Who owns this", priority.owner.display_name),
        ("By when", date_long(priority.by_when)),
        ("Who else needs to know or help", priority.who_else or "Not said"),
        ("How we will get their help", priority.getting_help or "Not said"),
        ("Support from inside the organisation", priority.support_inside or "Not said"),
        ("Support from outside the organisation", priority.support_outside or "Not said"),
        ("How we will know it has worked", priority.how_we_will_know),
    ]
    history = [
        {
            "when": date_long(c.changed_at),
            "status": c.get_to_status_display(),
            "by": c.changed_by.display_name,
            "note": c.note,
        }
        for c in priority.status_changes.select_related("changed_by")
    ]
    return {
        "priority": priority,
        "round": round_,
        "tag": {"text": priority.get_status_display(), "classes": TAGS[PriorityStatus(priority.status)]},
        "rows": [{"key": {"text": k}, "value": {"text": v}} for k, v in rows],
        "history": history,
        "can_move": can_move(user, priority),
        "back": reverse("selfassessment:actions", args=[round_.pk]),
    }
