"""What changed while someone was editing: shown beside a refused stale edit (409) so they can
see what others added before they try again."""

import datetime as dt
from dataclasses import dataclass

from livingplan.core.presenters import datetime_short
from livingplan.plans.models import Plan
from livingplan.plans.sections import SECTION_GROUP, Section, SharingGroup
from livingplan.plans.sharing import shared_actions


@dataclass
class RecentChange:
    where: str
    text: str
    by: str
    at: str


def changes_since(plan: Plan, since: dt.datetime, groups: frozenset[str]) -> list[RecentChange]:
    """Content others added after `since`, for an editor whose page went stale."""
    found: list[tuple[dt.datetime, RecentChange]] = []
    for s in plan.statements.filter(contributed_at__gt=since).select_related("contributed_by"):
        if SECTION_GROUP[s.section] in groups:
            found.append(
                (
                    s.contributed_at,
                    RecentChange(
                        Section(s.section).label,
                        s.text,
                        s.contributed_by.display_name,
                        datetime_short(s.contributed_at),
                    ),
                )
            )
    if SharingGroup.OUTCOMES in groups:
        for o in plan.outcomes.filter(contributed_at__gt=since).select_related("contributed_by"):
            found.append(
                (
                    o.contributed_at,
                    RecentChange("Outcome", o.text, o.contributed_by.display_name, datetime_short(o.contributed_at)),
                )
            )
        recent = shared_actions(plan.actions.filter(contributed_at__gt=since), groups)
        for a in recent.select_related("contributed_by"):
            found.append(
                (
                    a.contributed_at,
                    RecentChange("Action", a.what, a.contributed_by.display_name, datetime_short(a.contributed_at)),
                )
            )
    return [change for _, change in sorted(found, key=lambda pair: pair[0])]
