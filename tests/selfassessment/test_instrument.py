"""The instrument as data: the shipped version, and files refused whole with the line at fault."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.selfassessment import instrument
from livingplan.selfassessment.models import InstrumentVersion
from tests.personas import World
from tests.selfassessment.builders import start_round

Clients = Callable[[str], Client]

SMALL = """key: progress
version: 2
title: A shorter check
sections:
  - id: process
    title: The process
    areas:
      - id: one
        stage: Getting ready
        title: First area
        levels:
          - a
          - b
          - c
          - d
          - e
      - id: two
        stage: Getting ready
        title: Second area
        levels:
          - a
          - b
          - c
          - d
          - e
"""


def test_the_shipped_instrument_has_three_sections_of_17_14_and_9_areas() -> None:
    sections = instrument.shipped().sections
    assert [len(s.areas) for s in sections] == [17, 14, 9]


def test_every_shipped_area_has_five_levels_and_a_unique_id() -> None:
    areas = instrument.shipped().areas
    assert {len(a.levels) for a in areas} == {5}
    assert len({a.id for a in areas}) == 40


def test_a_missing_level_is_refused_naming_the_line_of_the_levels() -> None:
    text = SMALL.replace("          - e\n      - id: two", "      - id: two", 1)
    with pytest.raises(instrument.InstrumentError) as refused:
        instrument.parse(text)
    assert refused.value.line == 11
    assert "has 4 levels" in refused.value.message


def test_a_duplicate_id_is_refused_naming_the_line_it_is_used_again() -> None:
    with pytest.raises(instrument.InstrumentError) as refused:
        instrument.parse(SMALL.replace("id: two", "id: one"))
    assert refused.value.line == 17
    assert "first on line 8" in refused.value.message


def test_bad_yaml_is_refused_naming_the_line() -> None:
    with pytest.raises(instrument.InstrumentError) as refused:
        instrument.parse(SMALL.replace("title: Second area", "title: [Second area"))
    assert refused.value.line is not None
    assert "not valid YAML" in refused.value.message


def test_admin_imports_a_new_version_and_earlier_rounds_keep_theirs(world: World, client_for: Clients) -> None:
    earlier = start_round(world)
    admin: Client = client_for("admin")
    response = admin.post(f"/self-assessment/organisations/{world.council_a.pk}/versions/import/", {"source": SMALL})
    assert response.status_code == 302
    listed = admin.get(f"/self-assessment/organisations/{world.council_a.pk}/versions/").content.decode()
    assert "A shorter check" in listed
    earlier.refresh_from_db()
    assert earlier.instrument.version == 1


def test_a_bad_file_is_refused_whole_and_the_page_names_the_line(world: World, client_for: Clients) -> None:
    before = InstrumentVersion.objects.count()
    admin: Client = client_for("admin")
    response = admin.post(
        f"/self-assessment/organisations/{world.council_a.pk}/versions/import/",
        {"source": SMALL.replace("id: two", "id: one")},
    )
    assert response.status_code == 400
    assert "Line 17: The id &#39;one&#39; is used twice" in response.content.decode()
    assert InstrumentVersion.objects.count() == before


def test_another_organisations_admin_cannot_import_for_northbridge(world: World, client_for: Clients) -> None:
    response = client_for("priya").get(f"/self-assessment/organisations/{world.council_a.pk}/versions/import/")
    assert response.status_code == 404
