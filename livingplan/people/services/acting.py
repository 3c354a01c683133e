"""Which organisation a member of staff acts for, and the audited read of a record."""

import functools

from django.db import connection

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import CareTeamMember, Person


def organisation_acted_for(user: User, person_id: int | None) -> str | None:
    """The organisation a member of staff acts for in an event about this person (or about nobody).

    Their organisation on the person's care team first, then the council that leads on the
    person, then their first organisation by name; None for someone with no organisation (the
    person and their circle). The auditor asks this for every event (ADR-020), so it is one fixed
    statement (ADR-031).
    """
    with connection.cursor() as cursor:
        cursor.execute(_acted_for_sql(), [user.pk, person_id, person_id])
        found = cursor.fetchone()
    return str(found[0]) if found else None


@functools.cache
def _acted_for_sql() -> str:
    membership, organisation = Membership._meta.db_table, Organisation._meta.db_table
    team, person = CareTeamMember._meta.db_table, Person._meta.db_table
    # Only table names from our own models are formatted in; values are parameters. With no
    # person both EXISTS are false (nothing equals NULL), leaving the first organisation by name.
    return f"""
        SELECT o.name FROM {membership} m JOIN {organisation} o ON o.id = m.organisation_id
         WHERE m.user_id = %s
         ORDER BY EXISTS (SELECT 1 FROM {team} t WHERE t.person_id = %s AND t.user_id = m.user_id
                           AND t.ended_on IS NULL AND t.organisation_id = m.organisation_id) DESC,
                  EXISTS (SELECT 1 FROM {person} p WHERE p.id = %s AND p.lead_organisation_id = m.organisation_id) DESC,
                  o.name
         LIMIT 1
    """  # noqa: S608


def record_person_viewed(person: Person, *, by: User, audit: AuditContext | None = None) -> None:
    auditor.record(
        "people.person.viewed",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
    )
