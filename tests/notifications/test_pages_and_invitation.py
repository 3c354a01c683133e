"""The first real message: a circle invitation, told to the invitee through the outbox, and the pages showing it."""

import re
from collections.abc import Callable
from typing import Any

from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.notifications.models import Channel, OutboxMessage, Provider, Status
from livingplan.notifications.texts import REMOVED
from livingplan.people import services
from livingplan.people.models import CircleMember
from tests.notifications.notify_stub import NotifyStub
from tests.personas import World

ClientFor = Callable[[str], Client]


def _bev(world: World, *, email: str = "bev@example.com", phone: str = "") -> CircleMember:
    return services.add_circle_member(
        world.alex_record, by=world.alex, name="Bev Okoro", relationship="Neighbour", email=email, phone=phone
    )


def _invite(client_for: ClientFor, world: World, member: CircleMember, capture: Any) -> None:
    with capture(execute=True):  # the invitation commits, then its message is sent (inline in tests)
        response = client_for("alex").post(f"/people/{world.alex_record.pk}/circle/{member.pk}/invite/")
    assert response.status_code == 200


def test_alex_invites_bev_and_her_invitation_arrives_at_notify(
    world: World, client_for: ClientFor, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any
) -> None:
    bev = _bev(world)
    _invite(client_for, world, bev, django_capture_on_commit_callbacks)

    [accepted] = notify_stub.accepted
    assert accepted.kind == "email"
    assert accepted.payload["email_address"] == "bev@example.com"
    assert accepted.payload["personalisation"]["subject"] == "Alex has invited you to their circle of support"
    link = re.search(
        r"http://127\.0\.0\.1:8000(/invitations/[A-Za-z0-9_-]+/)", accepted.payload["personalisation"]["body"]
    )
    assert link, "the message carries the invitation link"
    opened = Client().get(link.group(1))
    assert opened.status_code == 302, "and the link works"
    assert opened["Location"] == "/invitations/accept/"

    message = OutboxMessage.objects.get()
    assert message.person_id == world.alex_record.pk
    assert message.recipient_user_id == CircleMember.objects.get(pk=bev.pk).user_id
    assert message.status == Status.SENT
    assert message.provider == Provider.NOTIFY


def test_an_invitee_with_only_a_mobile_gets_a_text(
    world: World, client_for: ClientFor, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any
) -> None:
    bev = _bev(world, email="", phone="07700 900123")
    _invite(client_for, world, bev, django_capture_on_commit_callbacks)

    [accepted] = notify_stub.accepted
    assert accepted.kind == "sms"
    assert accepted.payload["phone_number"] == "07700900123"
    body = accepted.payload["personalisation"]["body"]
    assert body.startswith("Hello Bev.")
    assert "/invitations/" in body
    assert "Alex" not in body, "no personal detail in a text beyond the first name"
    assert OutboxMessage.objects.get().channel == Channel.SMS


def test_an_invitee_with_email_and_mobile_gets_an_email(
    world: World, client_for: ClientFor, notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(
        client_for,
        world,
        _bev(world, email="bev@example.com", phone="07700 900123"),
        django_capture_on_commit_callbacks,
    )
    assert [a.kind for a in notify_stub.accepted] == ["email"]


def test_the_coordinator_sees_what_was_sent_without_the_link(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(client_for, world, _bev(world), django_capture_on_commit_callbacks)

    response = client_for("priya").get("/messages/sent/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "To Bev Okoro. Email to bev@example.com." in page
    assert "Not sent: demo" in page, "the demo's log channel never claims a message was sent"
    assert ">Sent<" not in page
    assert "Alex has invited you to their circle of support" in page
    assert REMOVED in page
    assert "/invitations/" not in page, "the one-time link is not kept once sent"
    assert AuditEvent.objects.filter(
        action="notifications.messages.viewed", actor=world.priya, person_id=world.alex_record.pk
    ).exists()


def test_staff_who_may_not_see_alex_see_none_of_his_messages(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(client_for, world, _bev(world), django_capture_on_commit_callbacks)
    page = client_for("omar").get("/messages/sent/").content.decode()
    assert "Bev Okoro" not in page
    assert "No messages have been sent about the people you support." in page


def test_messages_sent_is_for_staff_only(world: World, client_for: ClientFor) -> None:
    assert client_for("alex").get("/messages/sent/").status_code == 404
    assert Client().get("/messages/sent/").status_code == 302


def test_bev_reads_her_invitation_in_messages_to_you_once_she_has_signed_in(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    bev = _bev(world)
    _invite(client_for, world, bev, django_capture_on_commit_callbacks)
    bev.refresh_from_db()
    assert bev.user is not None
    visitor = Client()
    visitor.force_login(bev.user)

    page = visitor.get("/messages/").content.decode()
    assert "Alex has invited you to their circle of support" in page
    assert "Hello Bev," in page
    assert "What went wrong" not in page
    assert "Every step" not in page

    assert "We have not sent you any messages yet." in client_for("sam").get("/messages/").content.decode()


def test_a_text_is_headed_by_who_it_went_to_not_only_its_number(
    world: World, client_for: ClientFor, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(client_for, world, _bev(world, email="", phone="07700 900123"), django_capture_on_commit_callbacks)

    page = client_for("priya").get("/messages/sent/").content.decode()
    heading = re.search(r"<h2[^>]*>([^<]+)</h2>", page)
    assert heading is not None
    assert heading.group(1).strip() == "Text message to Bev Okoro"
