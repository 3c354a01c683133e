"""Combined results: per area median, spread, who rated what, the gap, the agreed level and movement."""

import csv
import io
from typing import Any

from django.db.models import Q
from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.selfassessment import charts, combine, rules
from livingplan.selfassessment.models import LIVED_EXPERIENCE, RaterKind, Rating, Round, RoundStatus, latest_agreed

STAFF = (RaterKind.STAFF,)
KINDS = list(RaterKind)


def previous_round(round_: Round) -> Round | None:
    """The latest closed round before this one for the same organisation (or team) and instrument."""
    earlier = (
        Round.objects.filter(
            organisation=round_.organisation,
            team=round_.team,
            instrument__key=round_.instrument.key,
            status=RoundStatus.CLOSED,
        )
        .filter(Q(started_on__lt=round_.started_on) | Q(started_on=round_.started_on, pk__lt=round_.pk))
        .exclude(pk=round_.pk)
        .order_by("-started_on", "-pk")
    )
    return earlier.first()


def combined(round_: Round) -> tuple[list[combine.Combined], Round | None]:
    ratings = Rating.objects.filter(rater__round=round_).select_related("rater__user")
    votes = [
        combine.Vote(
            area_id=r.area_id, kind=r.rater.kind, level=r.level, rater=r.rater.user.display_name, evidence=r.evidence
        )
        for r in ratings
    ]
    agreed = {area: row.level for area, row in latest_agreed(round_).items()}
    before = previous_round(round_)
    previous = {area: row.level for area, row in latest_agreed(before).items()} if before else {}
    return combine.combine(round_.instrument.instrument.areas, votes, agreed, previous), before


def _movement(row: combine.Combined) -> str:
    moved = row.movement
    if moved is None:
        return "No comparison"
    if moved == 0:
        return "No change"
    return f"Up {moved}" if moved > 0 else f"Down {-moved}"


def _areas(count: int) -> str:
    return f"{count} area" if count == 1 else f"{count} areas"


def _movement_words(rows: list[combine.Combined]) -> str:
    up = sum(1 for r in rows if (r.movement or 0) > 0)
    down = sum(1 for r in rows if (r.movement or 0) < 0)
    return f"{_areas(up)} moved up and {_areas(down)} moved down"


def _gap_words(row: combine.Combined) -> str:
    gap = row.gap(STAFF, LIVED_EXPERIENCE)
    if gap is None or not row.has_gap(STAFF, LIVED_EXPERIENCE):
        return ""
    higher = "Staff" if gap > 0 else "People who use services and carers"
    return f"{higher} rated this {abs(gap):g} levels higher"


def _row(round_: Round, row: combine.Combined, manages: bool) -> dict[str, Any]:
    by_kind = [combine.level_words(row.median_of((kind,))) for kind in KINDS]
    return {
        "id": row.area.id,
        "title": row.area.title,
        "stage": row.area.stage,
        "median": combine.level_words(row.median),
        "spread": "" if row.spread is None else str(row.spread),
        "counts": row.counts(),
        "by_kind": by_kind,
        "gap": _gap_words(row),
        "who": [
            {"name": v.rater, "kind": RaterKind(v.kind).label, "level": v.level, "evidence": v.evidence}
            for v in row.votes
        ],
        "agreed": "" if row.agreed is None else str(row.agreed),
        "previous": "" if row.previous is None else str(row.previous),
        "movement": _movement(row),
        "agree_href": reverse("selfassessment:agree", args=[round_.pk, row.area.id])
        if manages and round_.is_open
        else "",
    }


def results_page(round_: Round, user: User) -> dict[str, Any]:
    rows, before = combined(round_)
    manages = rules.can_manage(user, round_)
    built = [_row(round_, row, manages) for row in rows]
    sections = [
        {"title": section.title, "rows": [r for r in built if r["id"] in {a.id for a in section.areas}]}
        for section in round_.instrument.instrument.sections
    ]
    return {
        "round": round_,
        "back": reverse("selfassessment:round", args=[round_.pk]),
        "sections": sections,
        "kinds": [kind.label for kind in KINDS],
        "gaps": [r for r in built if r["gap"]],
        "agreed_count": sum(1 for r in rows if r.agreed is not None),
        "area_count": len(rows),
        "previous": {"title": before.title, "closed": date_long(before.closed_on)} if before else None,
        "movement": _movement_words(rows),
        "heatmap_href": reverse("selfassessment:heatmap", args=[round_.pk]),
        "comparison_href": reverse("selfassessment:comparison", args=[round_.pk]),
        "csv_href": reverse("selfassessment:results-csv", args=[round_.pk]),
        "pdf_href": reverse("selfassessment:results-pdf", args=[round_.pk]),
    }


def heatmap_svg(round_: Round) -> str:
    rows, _ = combined(round_)
    return charts.heatmap(rows, title=f"How raters scored each area: {round_.title}")


def comparison_svg(round_: Round) -> str:
    rows, before = combined(round_)
    against = before.title if before else "no earlier round"
    return charts.comparison(rows, title=f"Agreed levels, {round_.title} compared with {against}")


def results_csv(round_: Round) -> str:
    rows, _ = combined(round_)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["Section", "Area id", "Area", "Raters", "Median", "Spread"]
        + [f"Level {n} count" for n in range(1, 6)]
        + [f"Median: {kind.label}" for kind in KINDS]
        + ["Gap between staff and lived experience", "Agreed level", "Previous agreed level", "Movement"]
    )
    for row in rows:
        gap = row.gap(STAFF, LIVED_EXPERIENCE)
        writer.writerow(
            [
                row.area.section_id,
                row.area.id,
                row.area.title,
                len(row.votes),
                combine.level_words(row.median),
                "" if row.spread is None else row.spread,
                *row.counts(),
                *[combine.level_words(row.median_of((kind,))) for kind in KINDS],
                "" if gap is None else f"{gap:g}",
                row.agreed or "",
                row.previous or "",
                "" if row.movement is None else row.movement,
            ]
        )
    return out.getvalue()
