"""NHS identity: the NHS logo only where an NHS body provides the service, and the provider named."""

import re
from collections.abc import Callable

import pytest
from django.test import Client

from tests.personas import World

ClientFor = Callable[[str], Client]


def _header(client: Client, path: str = "/") -> str:
    html = client.get(path).content.decode()
    return re.search(r"<header.*?</header>", html, re.DOTALL).group(0)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("username", "organisation", "nhs_logo"),
    [
        ("alex", "Northbridge Council", False),  # a council-led plan
        ("sam", "Northbridge Council", False),  # in Alex's circle: Alex's council provides it
        ("priya", "Northbridge Council", False),
        ("dr.jones", "Riverside Medical Practice", True),  # a GP practice is an NHS body
    ],
)
def test_the_header_names_who_provides_the_service_and_shows_the_nhs_logo_only_for_an_nhs_body(
    world: World, client_for: ClientFor, username: str, organisation: str, nhs_logo: bool
) -> None:
    header = _header(client_for(username))

    assert organisation in header
    assert ('class="nhsuk-header__logo"' in header) is nhs_logo
    assert "Living Plan" in header


def test_before_signing_in_there_is_no_nhs_logo(world: World) -> None:
    header = _header(Client(), "/sign-in/")

    assert 'class="nhsuk-header__logo"' not in header
    assert "Living Plan" in header
