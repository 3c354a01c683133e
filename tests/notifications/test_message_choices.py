"""'Messages we send you': each person turns the everyday messages off or on; a message turned off
is not queued at all; those the law or safety needs cannot be turned off."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.notifications import preferences
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.plans import notes
from livingplan.plans import services as plans
from tests.personas import World

ClientFor = Callable[[str], Client]
URL = "/messages/choices/"
STAFF_KINDS = [
    "care_team_added",
    "note_added",
    "review_requested",
    "action_due",
    "action_overdue",
    "appointment_reminder",
]


def test_priya_sees_each_message_she_may_turn_off_all_on_at_first(world: World, client_for: ClientFor) -> None:
    page = client_for("priya").get(URL).content.decode()

    assert "<h1>Messages we send you</h1>" in page
    assert "When someone adds a note to the plan of a person you coordinate" in page
    assert page.count('type="checkbox"') == len(STAFF_KINDS)
    assert page.count("checked") == len(STAFF_KINDS)
    assert "When someone suggests words for your plan" not in page, "only the person gets those"
    assert "Some messages cannot be turned off, because the law or your safety needs them" in page


def test_alex_is_offered_suggestions_and_actions_but_not_staff_messages(world: World, client_for: ClientFor) -> None:
    page = client_for("alex").get(URL).content.decode()

    assert "When someone suggests words for your plan" in page
    assert "When someone adds you to a person's care team" not in page


def test_priya_turns_off_notes_and_no_note_message_is_queued_but_a_review_request_still_is(
    world: World, client_for: ClientFor
) -> None:
    client = client_for("priya")
    response = client.post(URL, {"wanted": [k for k in STAFF_KINDS if k != "note_added"]}, follow=True)

    page = response.content.decode()
    assert "Your choices are saved." in page
    assert page.count("checked") == len(STAFF_KINDS) - 1
    event = AuditEvent.objects.get(action="notifications.preferences.changed", actor=world.priya)
    assert event.detail == {"turned_off": ["note_added"], "turned_on": []}

    plan = plans.start_plan(world.alex_record, by=world.priya)
    notes.add_note(plan, by=world.sam, text="A good week")
    notes.add_note(plan, by=world.sam, text="Please look at Dad's plan", asks_for_review=True)
    assert list(OutboxMessage.objects.filter(recipient_user=world.priya).values_list("template_key", flat=True)) == [
        "review_requested"
    ]


def test_turning_a_message_back_on_sends_it_again(world: World, client_for: ClientFor) -> None:
    client = client_for("priya")
    client.post(URL, {"wanted": []})
    assert preferences.turned_off(world.priya) == set(STAFF_KINDS)

    client.post(URL, {"wanted": STAFF_KINDS})

    assert preferences.turned_off(world.priya) == set()
    plan = plans.start_plan(world.alex_record, by=world.priya)
    notes.add_note(plan, by=world.sam, text="A good week")
    assert OutboxMessage.objects.filter(recipient_user=world.priya, template_key="note_added").exists()


def test_a_message_the_law_needs_cannot_be_turned_off(world: World, client_for: ClientFor) -> None:
    response = client_for("sam").post(URL, {"wanted": ["circle_invitation"]})

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError):
        preferences.choose_messages(world.sam, by=world.sam, wanted=["password_reset"])
    assert not preferences.is_turned_off(world.sam.pk, "password_reset")


def test_nobody_chooses_for_someone_else(world: World) -> None:
    with pytest.raises(PermissionDenied):
        preferences.choose_messages(world.alex, by=world.priya, wanted=[])
    assert preferences.turned_off(world.alex) == set()


def test_saving_the_same_choices_again_records_nothing_new(world: World, client_for: ClientFor) -> None:
    client = client_for("alex")
    client.post(URL, {"wanted": ["action_due"]})
    client.post(URL, {"wanted": ["action_due"]})

    assert AuditEvent.objects.filter(action="notifications.preferences.changed").count() == 1


def test_a_suggestion_alex_turned_off_is_not_queued(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    client_for("alex").post(URL, {"wanted": ["action_due", "action_overdue"]})
    plan = plans.start_plan(world.alex_record, by=world.priya)
    people.update_person_details(world.alex_record, by=world.alex, pronouns="he/him")

    with django_capture_on_commit_callbacks(execute=True):
        plans.add_outcome(plan, by=world.sam, text="Get to the allotment")

    assert not OutboxMessage.objects.filter(template_key="suggestion_waiting").exists()
    assert "We have not sent you any messages yet." in client_for("alex").get("/messages/").content.decode()


def test_the_pages_link_to_the_choices(world: World, client_for: ClientFor) -> None:
    link = f'href="{URL}"'
    assert link in client_for("alex").get("/").content.decode()
    assert link in client_for("sam").get("/").content.decode()
    assert link in client_for("priya").get("/").content.decode()
    assert link in client_for("priya").get("/messages/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize(
    ("persona", "told"),
    [
        ("alex", "You choose how we contact you (email, text message or letter) and any times to avoid."),
        ("sam", "To change them, ask that person or their care coordinator."),
        ("priya", "We send your messages by email, to the address you sign in with."),
    ],
)
def test_each_is_told_where_to_change_how_we_reach_them(
    world: World, client_for: ClientFor, persona: str, told: str
) -> None:
    page = client_for(persona).get(URL).content.decode()

    assert told in page
    change_link = f'href="/people/{world.alex_record.pk}/communication/"'
    assert (change_link in page) == (persona == "alex"), "only Alex changes his own, on his record"
