"""The managers' dashboard: time to sign-off (median, 90th percentile, share within target) and
approval to first payment or service, by team and month, from rows read through `visible_to`."""

import csv
import io
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from livingplan.accounts.models import Membership
from livingplan.budgets import charts, clock, figures, policy
from livingplan.budgets.models import DECIDED, ApproverLevel, Budget, BudgetStatusChange, FirstPayment
from livingplan.core import workdays
from livingplan.core.viewer import Viewer

NO_TEAM = "No team recorded"
COLUMNS = (
    "Team",
    "Month decided",
    "Budgets decided",
    "Median working days to sign-off",
    "90th percentile working days",
    "Share within target (%)",
    "Median working days returned to worker",
    "First payments recorded",
    "Median working days approval to first payment",
)


def _team_names(user_ids: set[int]) -> dict[tuple[int, int], str]:
    rows = Membership.objects.filter(user_id__in=user_ids, team__isnull=False).select_related("team")
    return {(m.user_id, m.organisation_id): m.team.name for m in rows if m.team is not None}


def decided(viewer: Viewer) -> list[figures.Decided]:
    organisations = ApproverLevel.objects.filter(user_id=viewer.pk or 0).values("organisation_id")
    budgets = list(
        Budget.objects.visible_to(viewer)
        .filter(status__in=DECIDED, person__lead_organisation_id__in=organisations)
        .select_related("person__lead_organisation")
        .prefetch_related(Prefetch("status_changes", BudgetStatusChange.objects.visible_to(viewer)))
    )
    firsts = {f.budget_id: f for f in FirstPayment.objects.visible_to(viewer).filter(budget__in=budgets)}
    teams = _team_names({b.drafted_by_id for b in budgets})
    now, result = timezone.now(), []
    policies = policy.for_organisations({budget.person.lead_organisation_id for budget in budgets})
    for budget in budgets:
        target = policies[budget.person.lead_organisation_id].target_days
        found = clock.sign_off_clock(list(budget.status_changes.all()), target_days=target, now=now)
        if found.clock is None or found.decided_at is None:
            continue
        first = firsts.get(budget.pk)
        to_first = None
        if found.approved_at is not None and first is not None:
            to_first = clock.approval_to_start(found.approved_at, first.happened_on)
        result.append(
            figures.Decided(
                team=teams.get((budget.drafted_by_id, budget.person.lead_organisation_id), NO_TEAM),
                month=f"{workdays.local_date(found.decided_at):%Y-%m}",
                working_days=found.taken(now) or 0,
                returned_days=found.returned_days,
                in_time=bool(found.clock.met()),
                to_first_payment=to_first,
            )
        )
    return result


def _cells(row: figures.Row) -> list[str]:
    paid = "" if row.median_to_first_payment is None else f"{row.median_to_first_payment:g}"
    return [
        row.team,
        row.month,
        str(row.decided),
        f"{row.median_days:g}",
        str(row.p90_days),
        str(row.within_target_percent),
        f"{row.median_returned_days:g}",
        str(row.paid),
        paid,
    ]


def dashboard_page(viewer: Viewer) -> dict[str, Any]:
    table = figures.rows(decided(viewer))
    return {"columns": COLUMNS, "rows": [_cells(row) for row in table], "target": _target(viewer)}


def _target(viewer: Viewer) -> int:
    level = ApproverLevel.objects.filter(user_id=viewer.pk or 0).select_related("organisation").first()
    return policy.target_days(level.organisation) if level else 10


def sign_off_svg(viewer: Viewer) -> str:
    table = figures.rows(decided(viewer))
    return charts.bar_chart(
        title="Median working days from submission to decision",
        bars=[(f"{row.team}, {row.month}", row.median_days) for row in table],
        unit="days",
        target=_target(viewer),
    )


def first_payment_svg(viewer: Viewer) -> str:
    table = [row for row in figures.rows(decided(viewer)) if row.median_to_first_payment is not None]
    return charts.bar_chart(
        title="Median working days from approval to first payment or service",
        bars=[(f"{row.team}, {row.month}", row.median_to_first_payment or 0) for row in table],
        unit="days",
    )


def dashboard_csv(viewer: Viewer) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in figures.rows(decided(viewer)):
        writer.writerow(_cells(row))
    return out.getvalue()
