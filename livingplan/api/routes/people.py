"""The people the caller may see."""

from ninja import Query, Router

from livingplan.api import loaders, presenters
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, PersonId
from livingplan.api.schemas import PeopleOut, PeopleQuery, PersonOut
from livingplan.people import services as people
from livingplan.plans.sharing import groups_visible_to

router = Router(tags=["people"])


@router.get("", response={200: PeopleOut, **READ_ERRORS}, summary="List the people you may see")
def list_people(request: ApiRequest, query: Query[PeopleQuery]) -> PeopleOut:
    return presenters.people_out(viewer=request.auth, limit=query.limit, offset=query.offset)


@router.get("/{id}", response={200: PersonOut, **READ_ERRORS}, summary="One person")
def get_person(request: ApiRequest, id: PersonId) -> PersonOut:
    person = loaders.person_for(request.auth, id)
    people.record_person_viewed(person, by=request.auth, audit=request.audit)
    return presenters.person_out(person, viewer=request.auth, groups=groups_visible_to(request.auth, person))
