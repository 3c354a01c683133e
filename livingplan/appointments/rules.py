"""Who may do what with an appointment. Each predicate assumes the user already sees the person."""

from livingplan.accounts.models import Membership, Role
from livingplan.appointments.models import Appointment
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people.models import Person

# A team administrator on the person's care team books for the coordinator (the "administrator").
BOOKING_ROLES = (Role.ADMINISTRATOR,)


def is_team_administrator(user: Viewer, person: Person) -> bool:
    """On the person's care team for an organisation where they hold the administrator role."""
    if user.pk is None:
        return False
    organisations = person.care_team.filter(user_id=user.pk, ended_on__isnull=True).values("organisation_id")
    return Membership.objects.filter(
        user_id=user.pk, role__in=BOOKING_ROLES, organisation_id__in=organisations
    ).exists()


def can_book(user: Viewer, person: Person) -> bool:
    """The person's coordinator or a team administrator books, changes and cancels; nobody else."""
    return people_rules.is_coordinator(user, person) or is_team_administrator(user, person)


def can_ask_to_change(user: Viewer, appointment: Appointment) -> bool:
    """The person proposes another time or asks for a change to their own appointment."""
    return people_rules.is_the_person(user, appointment.person) and not appointment.is_cancelled


def can_answer(user: Viewer, appointment: Appointment) -> bool:
    return can_book(user, appointment.person)
