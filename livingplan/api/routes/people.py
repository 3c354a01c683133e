"""The people the caller may see."""

from ninja import Query, Router

from livingplan.api import auth, loaders, presenters
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, PersonId
from livingplan.api.schemas import PeopleOut, PeopleQuery, PersonOut
from livingplan.api.schemas_contact import ContactDetailsIn, ContactDetailsOut
from livingplan.people import services as people
from livingplan.people.record_parts import RecordPart, require_part
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


@router.patch(
    "/{id}/contact-details",
    auth=auth.WRITE,
    response={200: ContactDetailsOut, **WRITE_ERRORS},
    summary="Change a person's phone number or email address",
    description="Checked as the record's form checks them: an invalid one is a 422 naming the field. Someone who "
    "chose text messages needs a UK mobile, like 07700 900 982.",
)
def update_contact_details(request: ApiRequest, id: PersonId, payload: ContactDetailsIn) -> ContactDetailsOut:
    person = loaders.person_for(request.auth, id)
    require_part(request.auth, person, RecordPart.PERSONAL_DETAILS)
    changes = payload.model_dump(exclude_none=True)
    person = people.update_person_details(person, by=request.auth, audit=request.audit, **changes)
    return ContactDetailsOut(id=person.pk, phone=person.phone, email=person.email)
