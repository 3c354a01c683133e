"""What each organisation has decided about sign-off: its target, its approvers' limits, and
whether a new or increased package always goes on to a second tier (settings, ADR-042)."""

from django.conf import settings

from livingplan.accounts.models import Organisation


def target_days(organisation: Organisation) -> int:
    targets: dict[str, int] = settings.BUDGET_SIGN_OFF_TARGETS
    return targets.get(organisation.name, settings.BUDGET_SIGN_OFF_TARGET_DAYS)


def limit_pence(level: str) -> int | None:
    """The yearly cost this approver level may sign off; None for no limit."""
    limits: dict[str, int | None] = settings.BUDGET_APPROVAL_LIMITS
    return limits.get(level, 0)


def within_limit(level: str, yearly_pence: int) -> bool:
    limit = limit_pence(level)
    return limit is None or yearly_pence <= limit


def second_tier_for_new_or_increased(organisation: Organisation) -> bool:
    return organisation.name in settings.BUDGET_SECOND_TIER_FOR_NEW_OR_INCREASED
