"""When a message cannot do its job, Alex's coordinator is given something to do (ADR-032): a call
when Alex asked to be phoned, a message that failed for good, or nothing recorded to reach him by."""

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.accounts.models import Role, User
from livingplan.core.models import AuditEvent
from livingplan.home.presenters import THINGS_TO_DO_SHOWN
from livingplan.notifications import outbox
from livingplan.notifications.models import OutboxMessage, Status
from livingplan.people import messaging
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, CoordinatorTask, Person, TaskKind
from tests.factories import PersonFactory, put_on_care_team
from tests.home.test_caseload import text_of
from tests.notifications.notify_stub import NotifyStub
from tests.personas import World, make_staff

ClientFor = Callable[[str], Client]
TOKEN = "callback-token-for-tests"
AGREED = {"first_name": "Alex", "agreed_on": "2 March 2026", "link": "https://x.example/p/"}


def _alex(world: World, *, channel: str = ContactChannel.EMAIL, language: str = "English", **details: Any) -> Person:
    record = people.update_person_details(world.alex_record, by=world.alex, pronouns="he/him", **details)
    people.set_communication_needs(record, by=world.alex, preferred_channel=channel, language=language)
    return Person.objects.select_related("communication_needs").get(pk=record.pk)


def _tell_alex_his_plan_is_agreed(alex: Person, capture: Any, key: str = "plan-agreed-1") -> OutboxMessage:
    with capture(execute=True):  # committed, then sent (inline in tests)
        message = outbox.queue(
            template="plan_agreed",
            to=messaging.recipient_for_person(alex),
            personalisation=AGREED,
            key=key,
            person_id=alex.pk,
        )
    assert message is not None, "plan messages cannot be turned off"
    message.refresh_from_db()
    return message


def _things_to_do(page: str) -> str:
    match = re.search(r"Things to do \((\d+)\)(.*?)People on your caseload", page)
    assert match, "the coordinator's home has things to do"
    return match.group(0)


def test_alex_asked_to_be_phoned_so_priya_is_asked_to_call_him(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    alex = _alex(world, channel=ContactChannel.PHONE, email="alex@example.com")
    message = _tell_alex_his_plan_is_agreed(alex, django_capture_on_commit_callbacks)

    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert "Things to do (1)" in todo
    assert "Alex Carter Call Alex: his care and support plan has been agreed" in todo
    assert "Mark as done" in todo
    assert message.status == Status.SENT, "he still gets it in writing, where we can"


def test_a_message_notify_refuses_is_a_task_to_call_him(
    world: World, client_for: ClientFor, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any
) -> None:
    alex = _alex(world, email="alex@example.com")
    notify_stub.answer_next(400)
    message = _tell_alex_his_plan_is_agreed(alex, django_capture_on_commit_callbacks)

    assert message.status == Status.PERMANENT_FAILURE
    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert "Alex did not get an email saying his care and support plan has been agreed: call him" in todo


@pytest.mark.parametrize("status", ["permanent-failure", "temporary-failure", "technical-failure"])
def test_notify_saying_a_text_did_not_arrive_is_one_task_however_often_it_says_so(
    world: World,
    client_for: ClientFor,
    notify_stub: NotifyStub,
    settings: SettingsWrapper,
    django_capture_on_commit_callbacks: Any,
    status: str,
) -> None:
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    alex = _alex(world, channel=ContactChannel.TEXT, phone="07700 900982")
    message = _tell_alex_his_plan_is_agreed(alex, django_capture_on_commit_callbacks)
    assert message.status == Status.SENT
    body = json.dumps({"id": message.provider_id, "reference": message.idempotency_key, "status": status})
    for _ in range(2):  # Notify may call back twice
        Client().post(
            "/messages/notify-callback/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {TOKEN}"
        )

    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert "Things to do (1)" in todo
    assert "Alex did not get a text saying his care and support plan has been agreed: call him" in todo


def test_nothing_recorded_to_reach_alex_by_is_a_task_not_a_silent_skip(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    alex = _alex(world)
    people.update_person_details(alex, by=world.alex, pronouns="she/her")
    # Nor the email Alex signs in with (the fallback for someone with none recorded).
    User.objects.filter(pk=world.alex.pk).update(email="")
    message = _tell_alex_his_plan_is_agreed(Person.objects.get(pk=alex.pk), django_capture_on_commit_callbacks)

    assert message.status == Status.PERMANENT_FAILURE
    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert (
        "We have no way to send Alex a message saying her care and support plan has been agreed: "
        "call her and add how to reach her" in todo
    )


def test_a_circle_member_who_cannot_be_reached_is_a_task_about_them(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _alex(world)
    bev = people.add_circle_member(
        world.alex_record, by=world.alex, name="Bev Okoro", relationship="Neighbour", phone="01632 960123"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for("alex").post(f"/people/{world.alex_record.pk}/circle/{bev.pk}/invite/")

    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert (
        "We have no way to send Bev Okoro a message saying Alex invited them to join his circle of support: "
        "ask Alex for their email or mobile" in todo
    )


@pytest.mark.parametrize("username", ["omar", "dr.jones", "morgan", "alex", "sam"])
def test_only_alexs_coordinator_sees_his_things_to_do(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any, username: str
) -> None:
    _tell_alex_his_plan_is_agreed(_alex(world, channel=ContactChannel.PHONE), django_capture_on_commit_callbacks)
    task = CoordinatorTask.objects.get()
    visitor = client_for(username)

    page = visitor.get("/").content.decode()
    assert "Call Alex" not in page
    assert visitor.post(f"/tasks/{task.pk}/done/").status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_priya_marks_the_call_done_and_it_leaves_her_list_once(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _tell_alex_his_plan_is_agreed(_alex(world, channel=ContactChannel.PHONE), django_capture_on_commit_callbacks)
    task = CoordinatorTask.objects.get()
    priya = client_for("priya")

    assert priya.get(f"/tasks/{task.pk}/done/").status_code == 405, "a change is a POST"
    response = priya.post(f"/tasks/{task.pk}/done/", follow=True)
    page = text_of(response)
    assert "Marked as done for Alex Carter." in page
    assert "Things to do (0)" in page
    assert "Nothing to do for now." in page
    assert priya.post(f"/tasks/{task.pk}/done/").status_code == 302, "a second press changes nothing"
    task.refresh_from_db()
    assert task.done_by == world.priya
    assert AuditEvent.objects.filter(action="people.coordinator_task.done", actor=world.priya).count() == 1


def test_the_mark_as_done_button_needs_the_csrf_token(world: World, django_capture_on_commit_callbacks: Any) -> None:
    _tell_alex_his_plan_is_agreed(_alex(world, channel=ContactChannel.PHONE), django_capture_on_commit_callbacks)
    priya = Client(enforce_csrf_checks=True)
    priya.force_login(world.priya)

    assert priya.post(f"/tasks/{CoordinatorTask.objects.get().pk}/done/").status_code == 403
    assert CoordinatorTask.objects.open().count() == 1


def test_a_new_coordinator_is_handed_the_open_tasks(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _tell_alex_his_plan_is_agreed(_alex(world, channel=ContactChannel.PHONE), django_capture_on_commit_callbacks)
    jo = make_staff("jo", "Jo", "Price", world.council_a, Role.COORDINATOR)
    people.add_care_team_member(
        world.alex_record, by=world.priya, user=jo, organisation=world.council_a, is_coordinator=True
    )
    new_coordinator = Client()
    new_coordinator.force_login(jo)

    assert "Call Alex" in text_of(new_coordinator.get("/"))
    assert "Call Alex" not in client_for("priya").get("/").content.decode()


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured.captured_queries)


def test_things_to_do_cost_the_same_queries_however_many_there_are(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    priya = client_for("priya")
    _tell_alex_his_plan_is_agreed(_alex(world, channel=ContactChannel.PHONE), django_capture_on_commit_callbacks)
    one = _queries(priya)
    for n in range(10):
        person = PersonFactory.create(lead_organisation=world.council_a, given_name=f"Person{n}", family_name="Ives")
        put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)
        with django_capture_on_commit_callbacks(execute=True):
            outbox.queue(
                template="plan_agreed",
                to=messaging.recipient_for_person(person),
                personalisation=AGREED,
                key=f"plan-agreed-ives-{n}",
                person_id=person.pk,
            )

    assert "Things to do (11)" in text_of(priya.get("/"))
    assert _queries(priya) == one


def test_past_a_hundred_the_oldest_are_shown_with_how_many_there_are(world: World, client_for: ClientFor) -> None:
    alex = _alex(world)
    for n in range(THINGS_TO_DO_SHOWN + 2):
        people.raise_coordinator_task(
            alex, kind=TaskKind.NOT_DELIVERED, about="{their} plan has been agreed", key=f"t-{n}", channel="SMS"
        )

    page = text_of(client_for("priya").get("/"))
    assert f"Things to do ({THINGS_TO_DO_SHOWN + 2})" in page
    assert len(re.findall(r"Mark as done\W+Alex did not get a text", page)) == THINGS_TO_DO_SHOWN
    assert "The oldest 100 are shown. Mark them done to see the rest." in page


def test_a_message_in_english_to_someone_who_reads_polish_asks_priya_to_go_through_it(
    world: World, client_for: ClientFor, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any
) -> None:
    alex = _alex(world, email="alex@example.com", language="Polish")
    message = _tell_alex_his_plan_is_agreed(alex, django_capture_on_commit_callbacks)

    assert message.status == Status.SENT, "late help is better than no message: it still goes"
    todo = _things_to_do(text_of(client_for("priya").get("/")))
    assert (
        "Alex's language is Polish, and we sent him an email in English saying his care and support plan "
        "has been agreed: go through it with him, with an interpreter if he needs one"
    ) in todo
    staff_page = text_of(client_for("priya").get("/messages/sent/"))
    assert "Written in English; their recorded language is Polish" in staff_page


@pytest.mark.parametrize("language", ["English", "english ", "en-GB"])
def test_english_however_it_was_written_raises_nothing(
    world: World, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any, language: str
) -> None:
    alex = _alex(world, email="alex@example.com", language=language)
    _tell_alex_his_plan_is_agreed(alex, django_capture_on_commit_callbacks)

    assert not CoordinatorTask.objects.filter(person=alex).exists()
