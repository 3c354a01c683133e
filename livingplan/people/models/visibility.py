"""Who may see a person, decided once, for every read of personal data in the service.

`Person.objects.visible_to(viewer)` lets in: the person themself; someone in their circle the
person has let in; and staff on their care team whose organisation the person has agreed to share
their record with. Oversight roles (approver, quality lead) see the people their own organisation
leads on, again only with that consent. When the person has been assessed as lacking capacity to
decide who sees their record, their health and welfare attorney or welfare deputy, linked to their
sign-in, sees it, because they make that decision for them (ADR-012). Organisation walls alone
never grant access.
"""

import functools

from django.db.models.expressions import RawSQL

from livingplan.accounts.models import Membership, Role, User
from livingplan.people.models.circle import CareTeamMember, CircleMember
from livingplan.people.models.consent import SharingConsent
from livingplan.people.models.decisions import (
    ACTING_AUTHORITY_SQL,
    CapacityOutcome,
    DecisionKind,
    LegalAuthority,
    acting_authority_params,
    latest_capacity_outcome_sql,
)
from livingplan.people.models.person import Person

OVERSIGHT_ROLES = (Role.APPROVER, Role.QUALITY_LEAD)


@functools.cache
def _visible_ids_sql() -> str:
    """The ids of the people one user may see: the access rule above, as one statement.

    Written as SQL rather than composed with the ORM because every personal-data read in the
    service runs it, and the ORM took about ten times longer to build this query than the
    database took to answer it (ADR-014). It is self-contained (no reference to an outer
    query), so it is safe inside any other query, and each branch is an indexed lookup.
    """
    person, circle = Person._meta.db_table, CircleMember._meta.db_table
    team, consent = CareTeamMember._meta.db_table, SharingConsent._meta.db_table
    membership = Membership._meta.db_table
    authority = LegalAuthority._meta.db_table
    roles = ", ".join(["%s"] * len(OVERSIGHT_ROLES))
    # Only table names from our own models are formatted in; every value is a parameter.
    return f"""
        SELECT p.id FROM {person} p WHERE p.user_id = %s
        UNION
        SELECT c.person_id FROM {circle} c WHERE c.user_id = %s AND c.has_access = %s
        UNION
        SELECT t.person_id FROM {team} t
          JOIN {consent} s ON s.person_id = t.person_id AND s.organisation_id = t.organisation_id
         WHERE t.user_id = %s AND t.ended_on IS NULL AND s.withdrawn_at IS NULL
        UNION
        SELECT p.id FROM {person} p
          JOIN {membership} m ON m.organisation_id = p.lead_organisation_id
          JOIN {consent} s ON s.person_id = p.id AND s.organisation_id = p.lead_organisation_id
         WHERE m.user_id = %s AND m.role IN ({roles}) AND s.withdrawn_at IS NULL
        UNION
        SELECT a.person_id FROM {authority} a
         WHERE a.held_by_id = %s AND {ACTING_AUTHORITY_SQL}
           AND {latest_capacity_outcome_sql("a.person_id")} = %s
    """  # noqa: S608


def visible_person_ids(user: User) -> RawSQL:
    """A subquery of the ids of the people `user` may see; use it only through a `visible_to`."""
    # The last branch is the attorney or deputy deciding who sees the record for a person who
    # lacks capacity to decide that (people.capacity states the same rule for the decision itself).
    acting = [user.pk, *acting_authority_params(), DecisionKind.SHARING, CapacityOutcome.LACKS_CAPACITY]
    params = [user.pk, user.pk, True, user.pk, user.pk, *OVERSIGHT_ROLES, *acting]
    return RawSQL(_visible_ids_sql(), params)  # noqa: S611 - fixed SQL, values passed as parameters
