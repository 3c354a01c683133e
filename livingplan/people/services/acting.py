"""Which organisation a member of staff acts for, and the audited read of a record."""

from django.db.models import Exists, OuterRef

from livingplan.accounts.models import Membership, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import CareTeamMember, Person


def organisation_acted_for(user: User, person_id: int | None) -> str | None:
    """The organisation a member of staff acts for in an event about this person (or about nobody).

    Their organisation on the person's care team first, then the council that leads on the
    person, then their first organisation by name; None for someone with no organisation (the
    person and their circle). One query: the auditor asks this for every event (ADR-020).
    """
    memberships = Membership.objects.filter(user=user).order_by("organisation__name")
    if person_id is not None:
        on_team = CareTeamMember.objects.filter(
            person_id=person_id, user=user, ended_on__isnull=True, organisation=OuterRef("organisation_id")
        )
        leads = Person.objects.filter(pk=person_id, lead_organisation=OuterRef("organisation_id"))
        memberships = memberships.annotate(on_team=Exists(on_team), leads=Exists(leads)).order_by(
            "-on_team", "-leads", "organisation__name"
        )
    names = memberships.values_list("organisation__name", flat=True)
    return next(iter(names[:1]), None)


def record_person_viewed(person: Person, *, by: User, audit: AuditContext | None = None) -> None:
    auditor.record(
        "people.person.viewed",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
    )
