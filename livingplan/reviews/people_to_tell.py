"""Who hears about reviews: the coordinator, and the coordinator's manager when a clock runs out.

There is no "line manager" in the model: a manager is whoever holds the team manager role
(`Role.APPROVER`, "Team manager" in the demo) in the organisation the coordinator coordinates for,
in the coordinator's team when they have one (ADR-040).
"""

from livingplan.accounts.models import Membership, Role, User
from livingplan.people.models import CareTeamMember, Person


def coordinator_of(person: Person) -> User | None:
    member = (
        CareTeamMember.objects.filter(person=person, is_coordinator=True, ended_on__isnull=True)
        .select_related("user")
        .first()
    )
    return member.user if member is not None and member.user.is_active else None


def managers_of(person: Person) -> list[User]:
    """The team managers over the person's current coordinator (none when there is no coordinator)."""
    member = CareTeamMember.objects.filter(person=person, is_coordinator=True, ended_on__isnull=True).first()
    if member is None:
        return []
    theirs = Membership.objects.filter(user_id=member.user_id, organisation_id=member.organisation_id)
    teams = [team for team in theirs.values_list("team_id", flat=True) if team is not None]
    managers = Membership.objects.filter(
        organisation_id=member.organisation_id, role=Role.APPROVER, user__is_active=True
    ).select_related("user")
    if teams:
        in_team = [m.user for m in managers if m.team_id in teams]
        if in_team:
            return in_team
    return [m.user for m in managers]
