"""The record page: each row of a summary list has its own "Change" link, to the right field."""

import re
from collections.abc import Callable

from django.test import Client

from livingplan.people import services
from livingplan.people.models import ContactChannel, InformationFormat
from tests.personas import World

ClientFor = Callable[[str], Client]
CHANGE_LINK = re.compile(r'href="([^"#]+)#([^"]+)"\s*>Change<span class="nhsuk-u-visually-hidden"> ([^<]+)</span>')


def test_every_change_link_names_its_row_and_lands_on_that_field(world: World, client_for: ClientFor) -> None:
    services.set_communication_needs(
        world.alex_record,
        by=world.alex,
        information_format=InformationFormat.LARGE_PRINT,
        preferred_channel=ContactChannel.PHONE,
    )
    alex = client_for("alex")

    links = CHANGE_LINK.findall(alex.get(f"/people/{world.alex_record.pk}/").content.decode())

    named = [name for _href, _field, name in links]
    assert named[:4] == ["preferred name", "pronouns", "date of birth", "NHS number"]
    assert "information format" in named
    assert "times to avoid" in named
    for href, field_id, name in links:
        assert f'id="{field_id}"' in alex.get(href).content.decode(), f"Change {name} leads nowhere on {href}"


def test_someone_who_may_not_edit_sees_no_change_links(world: World, client_for: ClientFor) -> None:
    page = client_for("sam").get(f"/people/{world.alex_record.pk}/").content.decode()

    assert not CHANGE_LINK.findall(page)
