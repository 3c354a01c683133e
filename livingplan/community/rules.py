"""Who may do what in the community directory. Link and answer rules assume the person is visible."""

from livingplan.accounts.models import Membership, Role
from livingplan.core.viewer import Viewer, active_user
from livingplan.people.models import Person
from livingplan.people.rules import is_the_person
from livingplan.plans.rules import can_contribute


def may_maintain_directory(viewer: Viewer) -> bool:
    """Organisation admins keep the directory: add, change, import. The directory is shared by all."""
    user = active_user(viewer)
    return user is not None and Membership.objects.filter(user_id=user.pk, role=Role.ORGANISATION_ADMIN).exists()


def may_use_directory(viewer: Viewer) -> bool:
    """Anyone signed in may search it: the person, their circle and staff alike."""
    return active_user(viewer) is not None


def may_link(viewer: Viewer, person: Person) -> bool:
    """Whoever writes the plan together (the person, their circle, their care team) links its actions."""
    return can_contribute(viewer, person)


def may_answer(viewer: Viewer, person: Person) -> bool:
    """Only the person says whether something helped them: nobody answers for them."""
    return is_the_person(viewer, person)
