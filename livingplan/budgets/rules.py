"""Who may do what with a person's budget. Each predicate assumes the user already sees the person."""

from livingplan.accounts.models import Membership, Role
from livingplan.budgets.models import ApproverLevel, Budget, BudgetStatus
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to


def can_see(user: Viewer, person: Person) -> bool:
    """The budget is the plan's BUDGET part: whoever the person shares it with (ADR-009)."""
    return SharingGroup.BUDGET in groups_visible_to(user, person)


def can_draft(user: Viewer, person: Person) -> bool:
    """Someone on the person's care team for the organisation that leads on their care (the council)."""
    return (
        user.pk is not None
        and person.care_team.filter(
            user_id=user.pk, organisation_id=person.lead_organisation_id, ended_on__isnull=True
        ).exists()
    )


def approver_level(user: Viewer, person: Person) -> str | None:
    """The level at which `user` signs off budgets for the person's lead organisation, if any."""
    if user.pk is None:
        return None
    organisation = person.lead_organisation_id
    if not Membership.objects.filter(user_id=user.pk, organisation_id=organisation, role=Role.APPROVER).exists():
        return None
    row = ApproverLevel.objects.filter(user_id=user.pk, organisation_id=organisation).first()
    return row.level if row else None


def can_decide(user: Viewer, person: Person) -> bool:
    return approver_level(user, person) is not None


def can_record_start(user: Viewer, budget: Budget) -> bool:
    """Finance (an approver) or the care team confirm the first payment or service, once approved."""
    allowed = can_draft(user, budget.person) or can_decide(user, budget.person)
    return allowed and budget.status == BudgetStatus.APPROVED
