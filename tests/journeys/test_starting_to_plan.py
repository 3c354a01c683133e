"""Priya starts planning with Jo, a new person: Jo is sent what to expect and sees it on her home."""

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.journeys import services
from livingplan.journeys.models import PlanningStarted
from livingplan.notifications import texts
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import InformationFormat, Person
from tests.journeys.conftest import signed_in_as
from tests.personas import World

TODAY = dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel(TODAY, tick=False):
        yield


def _start(client: Client, jo: Person, day: str = "29", month: str = "9", year: str = "2026") -> Any:
    return client.post(
        f"/people/{jo.pk}/planning/start/",
        {"conversation_by_day": day, "conversation_by_month": month, "conversation_by_year": year},
    )


def test_priya_starts_planning_and_jo_sees_on_her_home_what_will_happen_and_when(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    response = _start(client_for("priya"), jo)
    assert response.status_code == 302

    jo_client = signed_in_as(jo)
    home = jo_client.get("/").content.decode()
    assert "What happens next" in home
    assert "You are here: <strong>Preparing</strong>" in home
    assert "You, with Priya Shah" in home
    assert "Before 29 September 2026" in home
    assert "Next: <strong>Talking it through</strong>" in home


def test_jo_is_sent_what_to_expect_by_email_in_the_same_change(world: World, jo: Person) -> None:
    started = services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))

    message = OutboxMessage.objects.get(person_id=jo.pk, template_key="what_to_expect")
    assert message.to_address == "jo@example.org"
    words = texts.render("what_to_expect", message.channel, message.personalisation)
    assert "Priya Shah has started planning your care and support with you" in words.body
    assert "2. Talking it through, by 29 September 2026" in words.body
    event = AuditEvent.objects.get(action="journeys.planning.started")
    assert event.object_id == str(started.pk)


def test_someone_who_asked_for_easy_read_gets_easy_read_words_on_home_and_by_letter(world: World, jo: Person) -> None:
    people.set_communication_needs(
        jo, by=world.priya, information_format=InformationFormat.EASY_READ, preferred_channel="LETTER"
    )
    people.update_person_details(jo, by=world.priya, address="1 High Street\nNorthbridge", postcode="NB1 1AA")
    services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))

    message = OutboxMessage.objects.get(person_id=jo.pk, template_key__startswith="what_to_expect")
    assert (message.template_key, message.channel) == ("what_to_expect_easy_read", "LETTER")
    client = signed_in_as(jo)
    home = client.get("/").content.decode()
    assert "You are here: <strong>Getting ready</strong>" in home
    assert "livingplan-doc--easy-read" in home


def test_large_print_is_shown_larger(world: World, jo: Person) -> None:
    people.set_communication_needs(jo, by=world.priya, information_format=InformationFormat.LARGE_PRINT)
    services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))
    client = signed_in_as(jo)

    assert "livingplan-doc--large-print" in client.get("/").content.decode()


def test_starting_twice_says_so_and_adds_nothing(world: World, jo: Person, client_for: Callable[[str], Client]) -> None:
    services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))

    response = _start(client_for("priya"), jo)

    assert response.status_code == 400
    assert "Planning has already started with Jo Green." in response.content.decode()
    assert PlanningStarted.objects.count() == 1
    assert OutboxMessage.objects.filter(template_key="what_to_expect").count() == 1


def test_a_date_in_the_past_is_refused_with_nothing_saved(jo: Person, client_for: Callable[[str], Client]) -> None:
    response = _start(client_for("priya"), jo, day="1", month="8")

    assert response.status_code == 400
    assert "The date of the conversation must be today or in the future" in response.content.decode()
    assert not PlanningStarted.objects.exists()
    assert not OutboxMessage.objects.filter(template_key="what_to_expect").exists()


def test_an_empty_date_asks_for_one(jo: Person, client_for: Callable[[str], Client]) -> None:
    response = _start(client_for("priya"), jo, day="", month="", year="")

    assert "Enter the date by when the planning conversation should happen" in response.content.decode()


def test_dr_jones_on_the_team_but_not_at_the_council_may_not_start_planning(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    assert _start(client_for("dr.jones"), jo).status_code == 403
    with pytest.raises(PermissionDenied):
        services.start_planning(jo, by=world.dr_jones, conversation_by=dt.date(2026, 9, 29))
    assert not PlanningStarted.objects.exists()


def test_someone_who_may_not_see_jo_gets_a_404_for_her_planning(
    jo: Person, client_for: Callable[[str], Client]
) -> None:
    assert client_for("omar").get(f"/people/{jo.pk}/planning/").status_code == 404
    assert _start(client_for("omar"), jo).status_code == 404


def test_the_planning_page_offers_priya_the_start_and_shows_the_steps_once_started(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    priya = client_for("priya")
    assert "Start planning" in priya.get(f"/people/{jo.pk}/planning/").content.decode()

    services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))

    page = priya.get(f"/people/{jo.pk}/planning/").content.decode()
    assert "Start planning" not in page
    assert "You are here: <strong>Preparing</strong>" in page
