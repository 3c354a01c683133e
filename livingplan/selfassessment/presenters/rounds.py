"""The list of rounds, one round's overview, and a rater's pages."""

from typing import Any

from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.selfassessment import instrument, rules
from livingplan.selfassessment.models import Rater, Round
from livingplan.selfassessment.services import versions_for


def _status_tag(round_: Round) -> dict[str, str]:
    return {"text": round_.get_status_display(), "classes": "nhsuk-tag--green" if round_.is_open else "nhsuk-tag--grey"}


def index_page(rounds: list[Round], user: User) -> dict[str, Any]:
    organisations = rules.administered(user)
    return {
        "rounds": [
            {
                "title": r.title,
                "href": reverse("selfassessment:round", args=[r.pk]),
                "who": r.who,
                "started": date_long(r.started_on),
                "tag": _status_tag(r),
            }
            for r in rounds
        ],
        "can_start": bool(organisations),
        "start_links": [
            {"text": f"Start a round for {o.name}", "href": reverse("selfassessment:start", args=[o.pk])}
            for o in organisations
        ],
        "import_links": [
            {
                "text": f"Versions of the self-assessment for {o.name}",
                "href": reverse("selfassessment:versions", args=[o.pk]),
            }
            for o in organisations
        ],
    }


def _progress(rater: Rater, total: int) -> str:
    done = rater.ratings.count()
    return "Finished" if done >= total else f"{done} of {total} areas rated"


def round_page(round_: Round, user: User) -> dict[str, Any]:
    checked = round_.instrument.instrument
    total = len(checked.areas)
    me = rules.rater_for(user, round_)
    manages = rules.can_manage(user, round_)
    raters = list(round_.raters.select_related("user"))
    return {
        "round": round_,
        "who": round_.who,
        "tag": _status_tag(round_),
        "started": date_long(round_.started_on),
        "closed": date_long(round_.closed_on) if round_.closed_on else "",
        "version": f"{checked.title}, version {checked.version}",
        "raters": [
            {
                "name": r.user.display_name + (" (you)" if r.user_id == user.pk else ""),
                "kind": r.get_kind_display(),
                "progress": _progress(r, total),
            }
            for r in raters
        ],
        "figures": [{"key": {"text": r["label"]}, "value": {"text": r["value"]}} for r in figures_rows(round_)],
        "rate_href": reverse("selfassessment:rate", args=[round_.pk]) if me and round_.is_open else "",
        "my_progress": _progress(me, total) if me else "",
        "manages": manages,
        "can_invite": manages and round_.is_open,
        "invite_href": reverse("selfassessment:invite", args=[round_.pk]),
        "close_href": reverse("selfassessment:close", args=[round_.pk]),
        "results_href": reverse("selfassessment:results", args=[round_.pk]),
        "actions_href": reverse("selfassessment:actions", args=[round_.pk]),
    }


def figures_rows(round_: Round) -> list[dict[str, str]]:
    rows = []
    for item in round_.figures:
        percent = item.get("percent")
        value = "Nothing to count yet"
        if percent is not None:
            value = f"{percent}% ({item['numerator']} of {item['denominator']})"
        rows.append({"label": str(item["label"]), "value": value})
    return rows


def rating_list_page(round_: Round, rater: Rater) -> dict[str, Any]:
    """Every area with the rater's level so far, section by section, and a link to rate or change it."""
    mine = {r.area_id: r.level for r in rater.ratings.all()}
    checked = round_.instrument.instrument
    return {
        "round": round_,
        "progress": _progress(rater, len(checked.areas)),
        "back": reverse("selfassessment:round", args=[round_.pk]),
        "sections": [
            {
                "title": section.title,
                "rows": [
                    {
                        "key": {"text": f"{area.stage}: {area.title}"},
                        "value": {"text": f"Level {mine[area.id]}" if area.id in mine else "Not rated yet"},
                        "actions": {
                            "items": [
                                {
                                    "href": reverse("selfassessment:rate-area", args=[round_.pk, area.id]),
                                    "text": "Change" if area.id in mine else "Rate",
                                    "visuallyHiddenText": area.title,
                                }
                            ]
                        },
                    }
                    for area in section.areas
                ],
            }
            for section in checked.sections
        ],
    }


def level_items(area: instrument.Area, selected: object) -> list[dict[str, Any]]:
    """The radios' items with each level's description as its hint, side by side as the seed asks."""
    return [
        {"value": str(n), "text": f"Level {n}", "hint": {"text": words}, "checked": str(selected) == str(n)}
        for n, words in enumerate(area.levels, start=1)
    ]


def next_area(round_: Round, area: instrument.Area) -> str:
    """Where "save and continue" goes: the next area, or back to the list after the last one."""
    areas = round_.instrument.instrument.areas
    at = [a.id for a in areas].index(area.id)
    if at + 1 < len(areas):
        return reverse("selfassessment:rate-area", args=[round_.pk, areas[at + 1].id])
    return reverse("selfassessment:rate", args=[round_.pk])


def area_context(round_: Round, area: instrument.Area, selected: object) -> dict[str, Any]:
    section = next(s for s in round_.instrument.instrument.sections if s.id == area.section_id)
    return {
        "round": round_,
        "area": area,
        "section": section.title,
        "level_overrides": {"items": level_items(area, selected), "hint": {"text": area.guidance}},
        "evidence": figures_rows_for(round_, area.id),
    }


def figures_rows_for(round_: Round, area_id: str) -> list[dict[str, str]]:
    keyed = [item for item in round_.figures if area_id in item.get("areas", [])]
    return [row for item, row in zip(round_.figures, figures_rows(round_), strict=True) if item in keyed]


def versions_page(organisation: Any) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "versions": [
            {
                "title": v.title,
                "version": v.version,
                "key": v.key,
                "where": "Imported by your organisation" if v.organisation_id else "Comes with Living Plan",
                "areas": len(v.instrument.areas),
            }
            for v in versions_for(organisation)
        ],
        "import_href": reverse("selfassessment:import", args=[organisation.pk]),
    }
