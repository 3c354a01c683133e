"""What any signed-in page costs before it reads a plan: three statements, whoever is signed in.

The session, the user (with whether they have a second factor and whether their organisation
requires one, loaded in the same statement) and the organisation named in the header. Before, a
person or anyone not yet verified paid two more statements on every page for the two-factor check.
"""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingplan.accounts.models import Organisation
from tests.personas import World

NOTHING_TO_READ = "/accessibility-statement/"  # reads no one's data
HOME = "/"


@pytest.mark.parametrize("who", ["alex", "sam", "priya", "dr.jones", "casey"])
def test_a_signed_in_page_that_reads_nothing_costs_three_statements(
    client_for: Callable[[str], Client], who: str
) -> None:
    client = client_for(who)
    client.get(NOTHING_TO_READ)  # the first request may save the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(NOTHING_TO_READ)
    assert response.status_code == 200
    assert len(queries) == 3, [q["sql"][:80] for q in queries.captured_queries]


@pytest.mark.parametrize("who", ["alex", "sam", "priya"])
def test_the_two_factor_check_adds_no_statement_to_a_page(client_for: Callable[[str], Client], who: str) -> None:
    client = client_for(who)
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    asking = [q["sql"] for q in queries.captured_queries if TOTPDevice._meta.db_table in q["sql"]]
    assert len(asking) == 1, "one statement asks about second factors"
    assert asking[0].lstrip().startswith("SELECT u.*"), "and it is the one that loads the user"
    filtering_on_it = [q for q in queries.captured_queries if "requires_two_factor" in q["sql"].partition("WHERE")[2]]
    assert len(filtering_on_it) == 1, "nor does any other ask whether an organisation requires one"


def test_someone_with_a_second_factor_is_still_asked_for_a_code_on_every_page(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for("priya")
    assert client.get(HOME).status_code == 200
    TOTPDevice.objects.create(user=world.priya, name="phone", confirmed=True)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/verify/")


def test_an_unconfirmed_device_does_not_ask_for_a_code(world: World, client_for: Callable[[str], Client]) -> None:
    TOTPDevice.objects.create(user=world.priya, name="half set up", confirmed=False)
    assert client_for("priya").get(HOME).status_code == 200


def test_an_organisation_that_starts_requiring_a_second_factor_sends_its_staff_to_set_one_up(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for("priya")
    assert client.get(HOME).status_code == 200
    Organisation.objects.filter(memberships__user=world.priya).update(requires_two_factor=True)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == "/account/security/"


def test_a_deactivated_account_is_signed_out_on_its_next_request(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for("alex")
    world.alex.is_active = False
    world.alex.save()
    assert "Sign out" not in client.get(NOTHING_TO_READ).content.decode()
