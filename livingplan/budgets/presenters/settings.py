"""The organisation's sign-off settings as the admin's form shows them: what is set now (or the
defaults), and who last changed it."""

from typing import Any

from livingplan.accounts.models import Organisation
from livingplan.budgets import policy
from livingplan.budgets.models import Level, SignOffSettings
from livingplan.core.presenters import date_long


def _pounds(pence: int | None) -> str:
    return "" if pence is None else f"{pence / 100:.2f}"


def initial(organisation: Organisation) -> dict[str, Any]:
    now = policy.for_organisation(organisation.pk)
    return {
        "target_days": now.target_days,
        "team_manager_limit": _pounds(now.limit_pence(Level.TEAM_MANAGER)),
        "senior_manager_limit": _pounds(now.limit_pence(Level.SENIOR_MANAGER)),
        "panel_limit": _pounds(now.limit_pence(Level.PANEL)),
        "second_tier_for_new_or_increased": "yes" if now.second_tier_for_new_or_increased else "no",
        "second_tier": now.second_tier,
    }


CHECKED = "Limits are checked when an approver is asked and again when they decide."


def lead(organisation: Organisation) -> str:
    latest = (
        SignOffSettings.objects.filter(organisation=organisation)
        .select_related("changed_by")
        .order_by("-version")
        .first()
    )
    if latest is None:
        return f"Nobody has changed these yet: they are the defaults. {CHECKED}"
    return f"Last changed by {latest.changed_by.display_name} on {date_long(latest.changed_at)}. {CHECKED}"
