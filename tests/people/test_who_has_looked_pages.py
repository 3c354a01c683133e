"""Alex can read every row of who has looked at his record, 50 a page, newest first.

The probe found only the newest 200 of 5,551 rows, with no way to see the rest.
"""

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from livingplan.core.models import AuditEvent
from tests.personas import World

LOOKS = 230
START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)  # winter: UK time is UTC


@pytest.fixture
def many_looks(world: World) -> int:
    """LOOKS looks by Priya at Alex's record, a minute apart, on top of what building the world wrote."""
    AuditEvent.objects.filter(person_id=world.alex_record.pk).delete()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=world.priya,
            actor_organisation="Northbridge Council",
            action="people.person.viewed",
            person_id=world.alex_record.pk,
        )
        for _ in range(LOOKS)
    )
    for minute, pk in enumerate(
        AuditEvent.objects.filter(person_id=world.alex_record.pk).order_by("pk").values_list("pk", flat=True)
    ):
        AuditEvent.objects.filter(pk=pk).update(occurred_at=START + dt.timedelta(minutes=minute))
    return LOOKS


def _url(world: World, page: str | None = None) -> str:
    return f"/people/{world.alex_record.pk}/who-has-looked/" + (f"?page={page}" if page else "")


def _times(body: str) -> list[str]:
    rows = body.split('<tbody class="nhsuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return [html.unescape(cell.strip()) for cell in re.findall(r'<td class="nhsuk-table__cell">(.*?)</td>', rows)][::4]


def _when(minute: int) -> str:
    moment = START + dt.timedelta(minutes=minute)
    return f"{moment.day} January 2026 at {moment.hour % 12 or 12}:{moment:%M}{'am' if moment.hour < 12 else 'pm'}"


def test_every_look_can_be_read_page_by_page_newest_first(
    world: World, client_for: Callable[[str], Client], many_looks: int
) -> None:
    alex = client_for("alex")
    seen: list[str] = []
    for page in range(1, 6):
        response = alex.get(_url(world, str(page)))
        assert response.status_code == 200
        seen += _times(response.content.decode())

    assert seen == [_when(minute) for minute in reversed(range(many_looks))]


def test_each_page_holds_50_and_says_where_you_are(
    world: World, client_for: Callable[[str], Client], many_looks: int
) -> None:
    body = client_for("alex").get(_url(world)).content.decode()

    assert len(_times(body)) == 50
    assert "230 entries, newest first. This is page 1 of 5." in body
    assert 'class="nhsuk-pagination' in body
    assert f'href="{_url(world, "2")}"' in body
    assert f'href="{_url(world, "5")}"' in body
    last = client_for("alex").get(_url(world, "5")).content.decode()
    assert len(_times(last)) == 30
    assert 'rel="next"' not in last


@pytest.mark.parametrize("page", ["0", "6", "²", "٣", "-1", "x", "9" * 30])
def test_a_page_that_is_not_there_is_not_found(
    world: World, client_for: Callable[[str], Client], many_looks: int, page: str
) -> None:
    assert client_for("alex").get(_url(world, page)).status_code == 404


def test_a_short_trail_has_no_pages_to_choose(world: World, client_for: Callable[[str], Client]) -> None:
    body = client_for("alex").get(_url(world)).content.decode()

    assert 'class="nhsuk-pagination' not in body


def test_a_page_costs_the_same_few_queries_wherever_it_is_in_the_trail(
    world: World, client_for: Callable[[str], Client], many_looks: int
) -> None:
    alex = client_for("alex")
    counts = []
    for page in ("1", "3", "5"):
        with CaptureQueriesContext(connection) as captured:
            assert alex.get(_url(world, page)).status_code == 200
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= 9  # 9th: who provides the service, for the header (NHS identity rules)
