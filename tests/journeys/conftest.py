"""Jo Green: a new person Northbridge Council has just registered, with a sign-in, Priya as her
coordinator and Dr Jones on her care team. Planning has not started."""

import pytest
from django.test import Client

from livingplan.people import services as people
from livingplan.people.models import Person
from tests.notifications.conftest import notify_stub  # noqa: F401 - GOV.UK Notify's loopback stand-in
from tests.personas import World, make_user


def register_jo(world: World) -> Person:
    jo_user = make_user("jo", "Jo", "Green")
    jo = people.register_person(
        by=world.priya, given_name="Jo", family_name="Green", lead_organisation=world.council_a, user=jo_user
    )
    for organisation in (world.council_a, world.gp_practice):
        people.set_sharing_consent(jo, by=jo_user, organisation=organisation, give=True)
    people.add_care_team_member(jo, by=world.priya, user=world.priya, organisation=world.council_a, is_coordinator=True)
    people.add_care_team_member(
        jo, by=world.priya, user=world.dr_jones, organisation=world.gp_practice, role_description="GP"
    )
    people.update_person_details(jo, by=world.priya, email="jo@example.org")
    return jo


@pytest.fixture
def jo(world: World) -> Person:
    return register_jo(world)


def signed_in_as(person: Person) -> Client:
    """A test client signed in as `person` themself."""
    assert person.user is not None
    client = Client()
    client.force_login(person.user)
    return client
