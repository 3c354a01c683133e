"""Who may do what in a self-assessment. Each rule takes a `Viewer`, so anonymous visitors are covered."""

from livingplan.accounts.models import Organisation, Role
from livingplan.core.viewer import Viewer, active_user
from livingplan.selfassessment.models import Rater, Round


def is_admin_of(viewer: Viewer, organisation: Organisation) -> bool:
    """Organisation admins start rounds, invite raters, record agreed levels and keep the action plan."""
    user = active_user(viewer)
    if user is None:
        return False
    return organisation.memberships.filter(user=user, role=Role.ORGANISATION_ADMIN).exists()


def administered(viewer: Viewer) -> list[Organisation]:
    user = active_user(viewer)
    if user is None:
        return []
    admins = Organisation.objects.filter(memberships__user=user, memberships__role=Role.ORGANISATION_ADMIN)
    return list(admins.distinct())


def can_manage(viewer: Viewer, round_: Round) -> bool:
    return is_admin_of(viewer, round_.organisation)


def rater_for(viewer: Viewer, round_: Round) -> Rater | None:
    """`viewer`'s invitation to rate in this round, if they have one."""
    user = active_user(viewer)
    if user is None:
        return None
    return round_.raters.filter(user=user).first()
