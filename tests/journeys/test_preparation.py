"""Preparation parts 1 and 3: checklists with their own status, results explained before the
conversation by the care team only, and readiness that waits for them unless Jo chooses to go ahead."""

import datetime as dt
import html
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.journeys import services
from livingplan.journeys.models import AssessmentResult, ChecklistAnswer, ReadyForConversation, ResultExplained
from livingplan.people import services as people
from livingplan.people.models import Person
from tests.journeys.conftest import signed_in_as
from tests.personas import World

TODAY = dt.datetime(2026, 9, 10, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def started(world: World, jo: Person) -> Person:
    services.start_planning(jo, by=world.priya, conversation_by=dt.date(2026, 9, 29))
    return jo


@pytest.fixture
def blood_test(world: World, started: Person) -> AssessmentResult:
    return services.add_result(
        started, by=world.dr_jones, name="Blood test", result="Iron a little low", taken_on=dt.date(2026, 9, 3)
    )


def _explain(client: Client, result: AssessmentResult, day: str = "8") -> Any:
    return client.post(
        f"/people/{result.person_id}/planning/results/{result.pk}/explained/",
        {"explained_on_day": day, "explained_on_month": "9", "explained_on_year": "2026"},
    )


def test_dr_jones_records_a_blood_test_result_as_explained(
    blood_test: AssessmentResult, client_for: Callable[[str], Client]
) -> None:
    dr_jones = client_for("dr.jones")

    response = _explain(dr_jones, blood_test)

    assert response.status_code == 302
    page = dr_jones.get(f"/people/{blood_test.person_id}/planning/practitioner/").content.decode()
    assert "Explained by Eleri Jones on 8 September 2026" in page
    assert AuditEvent.objects.filter(action="journeys.result.explained").count() == 1


def test_someone_who_sees_jo_but_is_not_on_her_care_team_is_refused_and_nothing_is_saved(
    world: World, blood_test: AssessmentResult
) -> None:
    jo = blood_test.person
    sam = world.sam
    assert jo.user is not None
    people.add_circle_member(jo, by=jo.user, name="Sam Carter", relationship="Friend", user=sam, has_access=True)
    client = Client()
    client.force_login(sam)

    response = _explain(client, blood_test)

    assert response.status_code == 403
    assert "Only someone on Jo's care team can record that a result was explained" in html.unescape(
        response.content.decode()
    )
    assert not ResultExplained.objects.exists()
    with pytest.raises(PermissionDenied):
        services.mark_result_explained(blood_test, by=sam, explained_on=dt.date(2026, 9, 8))


def test_someone_who_may_not_see_jo_gets_a_404(
    blood_test: AssessmentResult, client_for: Callable[[str], Client]
) -> None:
    assert _explain(client_for("omar"), blood_test).status_code == 404
    assert client_for("omar").get(f"/people/{blood_test.person_id}/planning/practitioner/").status_code == 404


def test_a_date_before_the_test_was_taken_is_refused(
    blood_test: AssessmentResult, client_for: Callable[[str], Client]
) -> None:
    response = _explain(client_for("dr.jones"), blood_test, day="1")

    assert response.status_code == 400
    assert "The date it was explained must be on or after the date it was taken" in response.content.decode()
    assert not ResultExplained.objects.exists()


def test_the_conversation_cannot_be_ready_while_a_result_is_unexplained(
    world: World, blood_test: AssessmentResult, client_for: Callable[[str], Client]
) -> None:
    jo = blood_test.person
    response = client_for("priya").post(f"/people/{jo.pk}/planning/ready/", follow=True)

    assert "Not yet explained to Jo: Blood test." in response.content.decode()
    assert not ReadyForConversation.objects.exists()


def test_jo_chooses_to_go_ahead_and_then_the_conversation_can_be_ready(
    world: World, blood_test: AssessmentResult, client_for: Callable[[str], Client]
) -> None:
    jo = blood_test.person
    jo_client = signed_in_as(jo)
    page = jo_client.get(f"/people/{jo.pk}/planning/").content.decode()
    assert "Your care team has not yet explained these results to you: Blood test" in page

    jo_client.post(f"/people/{jo.pk}/planning/go-ahead/")
    client_for("priya").post(f"/people/{jo.pk}/planning/ready/")

    ready = ReadyForConversation.objects.get()
    assert ready.going_ahead_without == ["Blood test"]
    going = AuditEvent.objects.get(action="journeys.preparation.going_ahead")
    assert going.actor_id == jo.user_id
    home = jo_client.get("/").content.decode()
    assert "You are here: <strong>Talking it through</strong>" in home


def test_a_result_added_after_the_choice_needs_explaining_too(world: World, blood_test: AssessmentResult) -> None:
    jo = blood_test.person
    services.choose_to_go_ahead(jo, by=world.priya)
    with time_machine.travel(TODAY + dt.timedelta(hours=1), tick=False):
        services.add_result(jo, by=world.dr_jones, name="Memory test", result="Normal", taken_on=dt.date(2026, 9, 9))

    with pytest.raises(ValidationError, match="Memory test"):
        services.mark_ready_for_conversation(jo, by=world.priya)


def test_part_1_has_its_own_checklist_and_status(started: Person, client_for: Callable[[str], Client]) -> None:
    priya = client_for("priya")
    url = f"/people/{started.pk}/planning/process/"

    empty = priya.post(url, {})
    assert "Select whether they need an independent advocate" in empty.content.decode()
    assert not ChecklistAnswer.objects.exists()

    priya.post(url, {"told_what_happens": "on", "advocate": "NO", "interpreter": "NOT_KNOWN"})
    overview = priya.get(f"/people/{started.pk}/planning/").content.decode()
    assert "Part 1: The process" in overview
    assert "2 of 6 things checked." in overview

    priya.post(
        url,
        {
            "told_what_happens": "on",
            "information": "on",
            "consent": "on",
            "advocate": "NO",
            "interpreter": "YES",
            "who_helps": "Her brother",
        },
    )
    overview = priya.get(f"/people/{started.pk}/planning/").content.decode()
    assert "6 of 6 things checked." in overview


def test_part_3_checklist_is_the_care_teams_and_shows_in_progress(
    started: Person, client_for: Callable[[str], Client]
) -> None:
    url = f"/people/{started.pk}/planning/practitioner/"
    client_for("dr.jones").post(url, {"team_knows": "Diabetes, well managed", "social_care": "BUDGET"})

    overview = client_for("priya").get(f"/people/{started.pk}/planning/").content.decode()
    assert "Part 3: The practitioner's preparation" in html.unescape(overview)
    assert "In progress" in overview
    assert ChecklistAnswer.objects.filter(item="SOCIAL_CARE", answer="BUDGET").count() == 1


def test_a_result_needs_a_name_a_result_and_a_date(started: Person, client_for: Callable[[str], Client]) -> None:
    response = client_for("dr.jones").post(f"/people/{started.pk}/planning/results/add/", {})

    content = response.content.decode()
    assert "Enter test or assessment" in content
    assert "Enter the result" in content
    assert "Enter the date it was taken" in content
    assert not AssessmentResult.objects.exists()
