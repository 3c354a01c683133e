"""Who provides the service to the person signed in, for the page header.

Under NHS identity rules only NHS organisations may show the NHS logo. Living Plan is run by
councils, NHS bodies and care providers together, so the header names the organisation that
provides the service to this viewer and shows the NHS logo only where that is an NHS body:
Dr Jones (a GP practice) sees it; Priya, Alex and Sam (a council-led plan) do not, and nor does
anyone before signing in.
"""

import functools
from typing import Any

from django.db import connection
from django.http import HttpRequest

from livingplan.accounts.models import Membership, Organisation, OrganisationKind
from livingplan.people.models import CircleMember, Person


def service_provider(request: HttpRequest) -> dict[str, Any]:
    # Pages that render a second template with the request (reused plan content) ask again:
    # answer from the request the second time.
    found: dict[str, Any] | None = getattr(request, "_service_provider", None)
    if found is None:
        found = _service_provider(request)
        request._service_provider = found  # type: ignore[attr-defined]
    return found


@functools.cache
def _providers_sql() -> str:
    """The organisations providing the service to one user, as one statement.

    Every signed-in page asks this for its header, so, like the visibility rule (ADR-014), it is
    written as SQL: composing it with the ORM (three reverse joins under DISTINCT) took longer
    than answering it, a fifth of a signed-in page that reads nothing (`make bench`).
    """
    organisation, membership = Organisation._meta.db_table, Membership._meta.db_table
    person, circle = Person._meta.db_table, CircleMember._meta.db_table
    # Only table names from our own models are formatted in; every value is a parameter.
    return f"""
        SELECT o.name, o.kind FROM {organisation} o WHERE o.id IN (
            SELECT m.organisation_id FROM {membership} m WHERE m.user_id = %s
            UNION
            SELECT p.lead_organisation_id FROM {person} p WHERE p.user_id = %s
            UNION
            SELECT p.lead_organisation_id FROM {person} p
              JOIN {circle} c ON c.person_id = p.id
             WHERE c.user_id = %s AND c.has_access = %s
        )
        ORDER BY o.name LIMIT 3
    """  # noqa: S608


def _service_provider(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    providers: list[tuple[str, str]] = []
    if user.is_authenticated:
        # Staff: the organisation they work for. A person: the council leading on their care.
        # Someone in a circle: the lead organisation of the person they support. One query.
        with connection.cursor() as cursor:
            cursor.execute(_providers_sql(), [user.pk, user.pk, user.pk, True])
            providers = [(name, kind) for name, kind in cursor.fetchall()]
    return {
        # Several (someone who works for two organisations): name none rather than pick one.
        "service_provider": providers[0][0] if len(providers) == 1 else "",
        "show_nhs_logo": bool(providers) and all(kind == OrganisationKind.NHS_BODY for _, kind in providers),
    }
