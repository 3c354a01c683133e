"""Every page that shows someone's record writes exactly one read to the audit trail, with the
organisation the viewer acted for: walked over every URL in the access matrix (which itself
covers every URL pattern), as staff, the person and their circle.
"""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.core.models import AuditEvent
from tests.personas import AlexPlan
from tests.unit.test_access_matrix import MATRIX, fill, records  # noqa: F401 - `records` is a fixture

# Who walks, and the organisation each acts for on Alex's record ("" for people who are not staff).
WALKERS = {
    "priya": "Northbridge Council",
    "dr.jones": "Riverside Medical Practice",
    "morgan": "Northbridge Council",
    "alex": "",
    "sam": "",
}
# Alex reading his own trail is not written to it: each visit would add a row to the list he is paging.
NOT_A_READ = {"/people/{alex}/who-has-looked/"}
PAGES_ABOUT_ALEX = [t for t in MATRIX if "{alex}" in t and t not in NOT_A_READ]
# Each page with each walker it shows Alex's record to; the access matrix checks everyone else is refused.
SHOWN = [(t, u) for t in PAGES_ABOUT_ALEX for u in WALKERS if MATRIX[t][u] == 200]


def test_the_walk_covers_the_form_pages_the_probe_found_silent() -> None:
    for page in ("details", "communication", "advocacy", "capacity/add", "circle/add", "care-team/add"):
        assert f"/people/{{alex}}/{page}/" in PAGES_ABOUT_ALEX
    for page in ("outcomes/{outcome}/progress", "actions/{action}/status", "outcome/{outcome}/different-view"):
        assert f"/people/{{alex}}/plan/{page}/" in PAGES_ABOUT_ALEX
    assert "/people/{alex}/sharing/" in PAGES_ABOUT_ALEX
    assert {u for _, u in SHOWN} == set(WALKERS)
    assert len(SHOWN) > 80


@pytest.mark.parametrize(("template", "username"), SHOWN)
def test_each_page_that_shows_alexs_record_writes_one_read_with_the_organisation(
    records: AlexPlan,  # noqa: F811 - the fixture imported above
    client_for: Callable[[str], Client],
    template: str,
    username: str,
) -> None:
    alex = records.world.alex_record
    client = client_for(username)
    url = fill(template, records)  # first: a placeholder may make its record (an appointment), with its own events
    before = set(AuditEvent.objects.filter(person_id=alex.pk).values_list("pk", flat=True))

    assert client.get(url).status_code == 200

    new = AuditEvent.objects.filter(person_id=alex.pk).exclude(pk__in=before)
    rows = [(e.actor.username, e.actor_organisation, e.is_read) for e in new]
    assert rows == [(username, WALKERS[username], True)], template


def test_alex_reading_his_own_trail_adds_nothing_to_it(
    records: AlexPlan,  # noqa: F811
    client_for: Callable[[str], Client],
) -> None:
    alex = records.world.alex_record
    before = AuditEvent.objects.filter(person_id=alex.pk).count()

    assert client_for("alex").get(f"/people/{alex.pk}/who-has-looked/").status_code == 200

    assert AuditEvent.objects.filter(person_id=alex.pk).count() == before
