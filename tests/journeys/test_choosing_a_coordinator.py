"""Jo chooses her coordinator from her care team, asks to change, and is answered."""

import html
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import (
    CareTeamMember,
    CoordinatorChangeAnswer,
    CoordinatorChangeRequest,
    CoordinatorChoice,
    CoordinatorTask,
    Person,
)
from tests.journeys.conftest import signed_in_as
from tests.personas import World


def _member(person: Person, username: str) -> CareTeamMember:
    return CareTeamMember.objects.get(person=person, user__username=username, ended_on__isnull=True)


def _text(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_jo_accepts_the_suggested_coordinator_and_who_chose_and_when_is_recorded(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    client_for("priya").post(f"/people/{jo.pk}/coordinator/suggest/", {"member": _member(jo, "dr.jones").pk})
    jo_client = signed_in_as(jo)
    page = _text(jo_client.get(f"/people/{jo.pk}/coordinator/"))
    assert "Priya Shah suggested Eleri Jones." in page

    jo_client.post(f"/people/{jo.pk}/coordinator/", {"member": _member(jo, "dr.jones").pk})

    assert _member(jo, "dr.jones").is_coordinator
    assert not _member(jo, "priya").is_coordinator
    choice = CoordinatorChoice.objects.get()
    assert (choice.chosen_by, choice.accepted_suggestion is not None) == (jo.user, True)
    page = _text(jo_client.get(f"/people/{jo.pk}/coordinator/"))
    assert "Jo chose Eleri Jones (as suggested)." in page
    assert "Ask to change your coordinator" in page


def test_choosing_nobody_says_what_to_do_and_changes_nothing(jo: Person) -> None:
    response = signed_in_as(jo).post(f"/people/{jo.pk}/coordinator/", {})

    assert "Select who you would like as coordinator" in _text(response)
    assert not CoordinatorChoice.objects.exists()
    assert _member(jo, "priya").is_coordinator


def test_staff_may_not_choose_for_someone_who_signs_in(world: World, jo: Person) -> None:
    with pytest.raises(PermissionDenied):
        people.choose_coordinator(jo, by=world.priya, member=_member(jo, "dr.jones"))


def test_jo_asks_to_change_and_priya_declines_with_a_reason_jo_sees(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    assert jo.user is not None
    people.choose_coordinator(jo, by=jo.user, member=_member(jo, "priya"))
    jo_client = signed_in_as(jo)
    jo_client.post(
        f"/people/{jo.pk}/coordinator/change/", {"wanted": _member(jo, "dr.jones").pk, "reason": "I know her"}
    )
    asked = CoordinatorChangeRequest.objects.get()

    priya = client_for("priya")
    empty = priya.post(f"/people/{jo.pk}/coordinator/requests/{asked.pk}/answer/", {"decision": "DECLINE"})
    assert "Enter the reason, which Jo will see" in _text(empty)
    assert not CoordinatorChangeAnswer.objects.exists()
    priya.post(
        f"/people/{jo.pk}/coordinator/requests/{asked.pk}/answer/",
        {"decision": "DECLINE", "reason": "Dr Jones cannot take on coordination this year"},
    )

    told = OutboxMessage.objects.get(template_key="coordinator_request_answered")
    assert (told.person_id, told.to_address) == (jo.pk, "jo@example.org")
    page = _text(jo_client.get(f"/people/{jo.pk}/coordinator/"))
    assert "Priya Shah declined, because: “Dr Jones cannot take on coordination this year”" in page
    assert _member(jo, "priya").is_coordinator


def test_an_accepted_request_makes_the_new_coordinator_the_only_one(world: World, jo: Person) -> None:
    assert jo.user is not None
    people.choose_coordinator(jo, by=jo.user, member=_member(jo, "priya"))
    asked = people.ask_to_change_coordinator(jo, by=jo.user, reason="")

    people.answer_coordinator_request(asked, by=world.priya, accept=True, new_member=_member(jo, "dr.jones"))

    assert list(
        CareTeamMember.objects.filter(person=jo, is_coordinator=True).values_list("user__username", flat=True)
    ) == ["dr.jones"]
    assert AuditEvent.objects.filter(action="people.coordinator.change_accepted", person_id=jo.pk).count() == 1


def test_a_second_request_waits_for_the_first_answer(jo: Person) -> None:
    assert jo.user is not None
    people.choose_coordinator(jo, by=jo.user, member=_member(jo, "priya"))
    people.ask_to_change_coordinator(jo, by=jo.user)

    with pytest.raises(ValidationError, match="already asked"):
        people.ask_to_change_coordinator(jo, by=jo.user)


def test_dr_jones_not_at_the_council_may_not_answer(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    assert jo.user is not None
    people.choose_coordinator(jo, by=jo.user, member=_member(jo, "priya"))
    asked = people.ask_to_change_coordinator(jo, by=jo.user)

    response = client_for("dr.jones").post(
        f"/people/{jo.pk}/coordinator/requests/{asked.pk}/answer/", {"decision": "DECLINE", "reason": "No"}
    )

    assert response.status_code == 403
    assert not CoordinatorChangeAnswer.objects.exists()


def test_someone_who_may_not_see_jo_gets_a_404(jo: Person, client_for: Callable[[str], Client]) -> None:
    assert client_for("omar").get(f"/people/{jo.pk}/coordinator/").status_code == 404


def test_jos_request_waits_on_priyas_things_to_do_until_she_answers_it(
    world: World, jo: Person, client_for: Callable[[str], Client]
) -> None:
    assert jo.user is not None
    people.choose_coordinator(jo, by=jo.user, member=_member(jo, "priya"))
    asked = people.ask_to_change_coordinator(jo, by=jo.user, wanted=_member(jo, "dr.jones"), reason="I know her")
    priya = client_for("priya")

    home = _text(priya.get("/"))
    assert "Jo has asked to change their coordinator (to Eleri Jones): answer them" in home
    assert f'href="/people/{jo.pk}/coordinator/">Answer' in home
    [task] = CoordinatorTask.objects.filter(person=jo)
    refused = priya.post(f"/tasks/{task.pk}/done/", follow=True)
    assert "Answer Jo's request to change coordinator: that marks it done." in _text(refused)
    task.refresh_from_db()
    assert task.done_at is None

    people.answer_coordinator_request(asked, by=world.priya, accept=False, reason="Dr Jones is not taking this on")

    assert "asked to change their coordinator" not in _text(priya.get("/"))
    task.refresh_from_db()
    assert task.done_by == world.priya
