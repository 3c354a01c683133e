"""Who may do what with reviews. Each predicate assumes the user already sees the person (`visible_to`)."""

from livingplan.accounts.models import Membership, Organisation, Role
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people.models import Person
from livingplan.plans import rules as plan_rules


def can_ask_for_review(user: Viewer, person: Person) -> bool:
    """The person, their family or circle, or a practitioner on their care team."""
    return plan_rules.can_contribute(user, person)


def runs_reviews(user: Viewer, person: Person) -> bool:
    """The coordinator answers requests, decides about triggers and runs the review."""
    return people_rules.is_coordinator(user, person)


def can_raise_trigger(user: Viewer, person: Person) -> bool:
    """The care team records triggers and answers the handover prompt."""
    return people_rules.is_on_care_team(user, person)


def can_give_family_feedback(user: Viewer, person: Person) -> bool:
    return plan_rules.is_in_circle(user, person)


def can_rate_review(user: Viewer, person: Person) -> bool:
    """The person and their family rate how a review felt from their side."""
    return people_rules.is_the_person(user, person) or plan_rules.is_in_circle(user, person)


def _has_role(user: Viewer, role: str, organisation_id: int | None) -> bool:
    if user.pk is None or organisation_id is None:
        return False
    return Membership.objects.filter(user_id=user.pk, role=role, organisation_id=organisation_id).exists()


def is_quality_lead(user: Viewer, person: Person) -> bool:
    return _has_role(user, Role.QUALITY_LEAD, person.lead_organisation_id)


def can_read_reflections(user: Viewer, person: Person) -> bool:
    """Staff on the care team and the quality lead of the organisation that leads on the person."""
    return people_rules.is_on_care_team(user, person) or is_quality_lead(user, person)


def can_write_reflection(user: Viewer, person: Person) -> bool:
    return people_rules.is_on_care_team(user, person)


def oversees_reviews(user: Viewer) -> bool:
    """Team managers (escalations come to them) and quality leads."""
    if user.pk is None:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=(Role.APPROVER, Role.QUALITY_LEAD)).exists()


def is_organisation_admin(user: Viewer, organisation: Organisation) -> bool:
    """Only the organisation's admin sets its review policy."""
    return _has_role(user, Role.ORGANISATION_ADMIN, organisation.pk)


def can_choose_how(user: Viewer, person: Person) -> bool:
    """The person chooses how and how often their reviews happen; their coordinator may record it with them."""
    return people_rules.is_the_person(user, person) or runs_reviews(user, person)
