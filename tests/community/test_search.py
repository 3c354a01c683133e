"""Searching the directory by need, tag and area: a plain form, the same for the person and staff."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.community import services
from livingplan.community.models import ResourceKind, ResourceStatus
from livingplan.people import services as people
from tests.community.directory import WALKERS, add_walking_group
from tests.personas import World


@pytest.fixture
def directory(world: World) -> None:
    add_walking_group(world, postcode="LS6 2AA")
    services.save_resource(
        None,
        by=world.admin,
        name="Headingley Memory Cafe",
        kind=ResourceKind.PEER_SUPPORT,
        description="Tea, cake and company for people living with memory loss and their carers.",
        postcode="LS6 3HN",
        tags="memory, company",
    )
    services.save_resource(
        None,
        by=world.admin,
        name="Leeds City Walks",
        kind=ResourceKind.ACTIVITY,
        description="Guided walks round the city centre.",
        postcode="LS1 4AP",
        tags="walking",
    )
    services.save_resource(
        None,
        by=world.admin,
        name="Closed walking club",
        kind=ResourceKind.GROUP,
        description="Walks, no longer running.",
        postcode="LS6 1AA",
        status=ResourceStatus.DEFUNCT,
    )


def _results(client: Client, query: str) -> str:
    return client.get(f"/community/?{query}").content.decode()


@pytest.mark.usefixtures("directory")
def test_a_need_in_an_area_finds_what_is_running_there(client_for: Callable[[str], Client]) -> None:
    page = _results(client_for("alex"), "need=somewhere+to+walk&area=ls6")

    assert "1 result for “somewhere to walk” in LS6" in page
    assert WALKERS in page
    assert "Leeds City Walks" not in page  # LS1, not LS6
    assert "Closed walking club" not in page  # no longer running


@pytest.mark.usefixtures("directory")
def test_a_full_postcode_searches_its_district(client_for: Callable[[str], Client]) -> None:
    page = _results(client_for("priya"), "area=LS6+3AB")

    assert "2 results in LS6" in page
    assert "Headingley Memory Cafe" in page


@pytest.mark.usefixtures("directory")
def test_a_tag_finds_everything_tagged_with_it_anywhere(client_for: Callable[[str], Client]) -> None:
    page = _results(client_for("sam"), "tag=walking")

    assert "2 results tagged “walking”" in page
    assert "Leeds City Walks" in page


@pytest.mark.usefixtures("directory")
def test_words_are_matched_the_way_people_type_them(client_for: Callable[[str], Client]) -> None:
    page = _results(client_for("alex"), "need=walkers")

    assert "2 results for “walkers”" in page


@pytest.mark.usefixtures("directory")
def test_an_area_that_is_not_a_postcode_is_refused_with_a_message(client_for: Callable[[str], Client]) -> None:
    response = client_for("alex").get("/community/?area=nowhere")

    assert response.status_code == 400
    assert "Enter a postcode or the first part of one, like LS6" in response.content.decode()


@pytest.mark.usefixtures("directory")
def test_the_person_is_offered_their_own_area(world: World, client_for: Callable[[str], Client]) -> None:
    people.update_person_details(world.alex_record, by=world.priya, postcode="LS6 4QT")

    page = _results(client_for("alex"), "")

    assert "See everything in your area, LS6" in page


@pytest.mark.usefixtures("directory")
def test_tags_can_be_browsed_without_typing(client_for: Callable[[str], Client]) -> None:
    page = _results(client_for("omar"), "")

    assert 'href="/community/?tag=walking"' in page


def test_a_search_finding_very_many_shows_the_first_fifty_and_says_so(
    world: World, client_for: Callable[[str], Client]
) -> None:
    for n in range(52):
        services.save_resource(None, by=world.admin, name=f"Walk {n:02d}", description="A walk.", postcode="LS6 1AA")

    page = _results(client_for("alex"), "need=walk")

    assert "52 results for “walk” (showing the first 50: add words or an area to narrow it)" in page
    assert "Walk 49" in page
    assert "Walk 51" not in page
