"""Who provides the service to the person signed in, for the page header.

Under NHS identity rules only NHS organisations may show the NHS logo. Living Plan is run by
councils, NHS bodies and care providers together, so the header names the organisation that
provides the service to this viewer and shows the NHS logo only where that is an NHS body:
Dr Jones (a GP practice) sees it; Priya, Alex and Sam (a council-led plan) do not, and nor does
anyone before signing in.
"""

from typing import Any

from django.db.models import Q
from django.http import HttpRequest

from livingplan.accounts.models import Organisation, OrganisationKind


def service_provider(request: HttpRequest) -> dict[str, Any]:
    # Pages that render a second template with the request (reused plan content) ask again:
    # answer from the request the second time.
    found: dict[str, Any] | None = getattr(request, "_service_provider", None)
    if found is None:
        found = _service_provider(request)
        request._service_provider = found  # type: ignore[attr-defined]
    return found


def _service_provider(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    providers: list[tuple[str, str]] = []
    if user.is_authenticated:
        # Staff: the organisation they work for. A person: the council leading on their care.
        # Someone in a circle: the lead organisation of the person they support. One query.
        providers = list(
            Organisation.objects.filter(
                Q(memberships__user=user)
                | Q(people_led__user=user)
                | Q(people_led__circle__user=user, people_led__circle__has_access=True)
            )
            .values_list("name", "kind")
            .distinct()
            .order_by("name")[:3]
        )
    return {
        # Several (someone who works for two organisations): name none rather than pick one.
        "service_provider": providers[0][0] if len(providers) == 1 else "",
        "show_nhs_logo": bool(providers) and all(kind == OrganisationKind.NHS_BODY for _, kind in providers),
    }
