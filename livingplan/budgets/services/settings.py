"""The organisation admin changes how their organisation signs off budgets: one guarded, audited
verb that writes the next version (ADR-042). Refused input saves nothing and names the field."""

from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import Membership, Organisation, Role, User
from livingplan.budgets import money, policy
from livingplan.budgets.models.settings import SecondTier, SignOffSettings
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

NOT_ADMIN = "Only an organisation admin can change how their organisation signs off budgets."
MOST_TARGET_DAYS = 60  # three months of working days: a longer target is a typing slip


@dataclass(frozen=True)
class Choices:
    target_days: int
    team_manager_limit_pence: int | None
    senior_manager_limit_pence: int | None
    panel_limit_pence: int | None
    second_tier_for_new_or_increased: bool
    second_tier: str


def can_change(user: User, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user_id=user.pk, organisation_id=organisation.pk, role=Role.ORGANISATION_ADMIN
    ).exists()


def _check_limit(pence: int | None, field: str) -> None:
    if pence is None:
        return
    if pence < 0:
        raise ValidationError({field: "Enter an amount of £0 or more, or leave it empty for no limit"})
    if pence > money.MAX_YEARLY_PENCE:
        most = money.pounds(money.MAX_YEARLY_PENCE)
        raise ValidationError({field: f"Enter an amount of {most} or less, or leave it empty for no limit"})


def _above(higher: int | None, lower: int | None) -> bool:
    """Whether a limit is at least another (empty is no limit, so above everything)."""
    return higher is None or (lower is not None and higher >= lower)


def _check(choices: Choices) -> None:
    if not 1 <= choices.target_days <= MOST_TARGET_DAYS:
        raise ValidationError({"target_days": f"Enter a target from 1 to {MOST_TARGET_DAYS} working days"})
    _check_limit(choices.team_manager_limit_pence, "team_manager_limit")
    _check_limit(choices.senior_manager_limit_pence, "senior_manager_limit")
    _check_limit(choices.panel_limit_pence, "panel_limit")
    # A more senior level may always sign off what a more junior one may: otherwise a budget
    # passed up to the second tier could be one nobody above can approve.
    if not _above(choices.senior_manager_limit_pence, choices.team_manager_limit_pence):
        raise ValidationError({"senior_manager_limit": "A senior manager's limit must be at least a team manager's"})
    if not _above(choices.panel_limit_pence, choices.senior_manager_limit_pence):
        raise ValidationError({"panel_limit": "The panel's limit must be at least a senior manager's"})
    if choices.second_tier not in SecondTier.values:
        raise ValidationError({"second_tier": "Select who decides at the second tier"})


@transaction.atomic
def set_sign_off_settings(
    organisation: Organisation, *, by: User, choices: Choices, audit: AuditContext | None = None
) -> SignOffSettings:
    """The next version of the organisation's settings; the one before stays as it was."""
    if not can_change(by, organisation):
        raise PermissionDenied(NOT_ADMIN)
    _check(choices)
    # The organisation's row is the lock: two admins saving at once get consecutive versions.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = policy.for_organisation(organisation.pk)
    row = SignOffSettings.objects.create(
        organisation=organisation, version=before.version + 1, changed_by=by, **asdict(choices)
    )
    auditor.record(
        "budgets.settings.changed",
        audit=context_for(by, audit),
        obj=row,
        organisation=organisation.name,
        detail={"version": row.version, "before": asdict(before), "after": asdict(choices)},
    )
    return row
