"""The record page reads a constant number of queries however large the circle grows."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from livingplan.accounts.models import User
from livingplan.people import services
from tests.personas import World

ClientFor = Callable[[str], Client]


def _grow_circle_to(world: World, size: int) -> None:
    """Everyone added signs in: each has a user with a password, the case that used to cost a query each."""
    while world.alex_record.circle.count() < size:
        n = world.alex_record.circle.count()
        user = User.objects.create_user(username=f"friend{n}", password="lantern-orchard-91", first_name=f"Friend{n}")
        services.add_circle_member(
            world.alex_record, by=world.alex, name=f"Friend {n}", relationship="Friend", user=user
        )


def _queries_for_record_page(client: Client, world: World) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/people/{world.alex_record.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_the_record_page_reads_the_same_number_of_queries_for_6_and_26_in_the_circle(
    world: World, client_for: ClientFor
) -> None:
    alex = client_for("alex")
    _grow_circle_to(world, 6)
    small = _queries_for_record_page(alex, world)
    _grow_circle_to(world, 26)

    page = alex.get(f"/people/{world.alex_record.pk}/").content.decode()
    assert page.count("Give access again") == 25  # every friend signs in, none sees the record yet
    assert _queries_for_record_page(alex, world) == small
