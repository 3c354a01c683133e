"""Who may be asked to decide a person's budget: the approvers of the council that leads on their
care, each with their level and limit, so the coordinator can see who fits before choosing."""

from livingplan.accounts.models import Membership, Role, User
from livingplan.budgets import policy
from livingplan.budgets.models import ApproverLevel
from livingplan.budgets.money import pounds
from livingplan.people.models import Person


def approvers(person: Person) -> dict[str, tuple[User, str]]:
    """By user id (as the form carries it): the approver and how the form names them."""
    organisation = person.lead_organisation_id
    rules_now = policy.for_organisation(organisation)
    members = Membership.objects.filter(organisation_id=organisation, role=Role.APPROVER).values("user_id")
    rows = (
        ApproverLevel.objects.filter(organisation_id=organisation, user_id__in=members, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    found: dict[str, tuple[User, str]] = {}
    for row in rows:
        limit = rules_now.limit_pence(row.level)
        up_to = "no limit" if limit is None else f"up to {pounds(limit)} a year"
        found[str(row.user_id)] = (row.user, f"{row.user.display_name}, {row.get_level_display().lower()} ({up_to})")
    return found
