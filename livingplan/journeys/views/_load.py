"""Loading the person a journey page is about: through the one visibility rule, else a 404."""

from django.shortcuts import get_object_or_404

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.people.models import Person


def person_for(request: AuthenticatedRequest, person_pk: int) -> Person:
    people = Person.objects.visible_to(request.user).select_related("lead_organisation")
    return get_object_or_404(people, pk=person_pk)
