"""What each organisation has decided about sign-off: its target, its approvers' limits, whether a
new or increased package always goes on to a second tier, and who forms that tier (ADR-042).

The organisation admin sets these (`services/settings.py`, append-only versions); until they do,
the Django settings are the defaults. Pages that show many budgets ask for every organisation at
once (`for_organisations`), so a queue of any length costs one query here.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from livingplan.accounts.models import Organisation
from livingplan.budgets.models import Level
from livingplan.budgets.models.settings import SecondTier, SignOffSettings


@dataclass(frozen=True)
class Policy:
    target_days: int
    limits: dict[str, int | None] = field(default_factory=dict)  # level -> yearly pence; None: no limit
    second_tier_for_new_or_increased: bool = False
    second_tier: str = SecondTier.SENIOR_MANAGER
    version: int = 0  # 0: nobody has set it, these are the defaults

    def limit_pence(self, level: str) -> int | None:
        return self.limits.get(level, 0)

    def within_limit(self, level: str, yearly_pence: int) -> bool:
        limit = self.limit_pence(level)
        return limit is None or yearly_pence <= limit


def defaults() -> Policy:
    return Policy(
        target_days=settings.BUDGET_SIGN_OFF_TARGET_DAYS,
        limits=dict(settings.BUDGET_APPROVAL_LIMITS),
        second_tier_for_new_or_increased=False,
        second_tier=SecondTier.SENIOR_MANAGER,
    )


def _from_row(row: SignOffSettings) -> Policy:
    return Policy(
        target_days=row.target_days,
        limits={
            Level.TEAM_MANAGER: row.team_manager_limit_pence,
            Level.SENIOR_MANAGER: row.senior_manager_limit_pence,
            Level.PANEL: row.panel_limit_pence,
        },
        second_tier_for_new_or_increased=row.second_tier_for_new_or_increased,
        second_tier=row.second_tier,
        version=row.version,
    )


def for_organisations(organisation_ids: Iterable[int]) -> dict[int, Policy]:
    """Each organisation's latest settings (or the defaults), in one query."""
    wanted = set(organisation_ids)
    found: dict[int, Policy] = {}
    rows = SignOffSettings.objects.filter(organisation_id__in=wanted).order_by("organisation_id", "-version")
    for row in rows:
        found.setdefault(row.organisation_id, _from_row(row))
    fallback = defaults()
    return {pk: found.get(pk, fallback) for pk in wanted}


def for_organisation(organisation_id: int) -> Policy:
    return for_organisations([organisation_id])[organisation_id]


def target_days(organisation: Organisation) -> int:
    return for_organisation(organisation.pk).target_days
