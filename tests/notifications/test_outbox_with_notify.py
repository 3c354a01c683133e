"""The outbox sending through the real `notifications-python-client` to a loopback Notify.

Nothing of ours is mocked: messages are queued with `outbox.queue`, sent by the task (inline in
tests), and what arrives is read at the stub, which checks the JWT and each payload.
"""

import datetime as dt
import time

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications import outbox
from livingplan.notifications.channels.notify import NotifyChannel
from livingplan.notifications.models import Channel, OutboxMessage, Provider, Status
from livingplan.notifications.recipients import Recipient
from livingplan.notifications.texts import REMOVED
from tests.notifications.conftest import TEMPLATE_IDS, due_retries
from tests.notifications.notify_stub import NotifyStub

pytestmark = pytest.mark.django_db(transaction=True)

SAM = Recipient(first_name="Sam", name="Sam Carter", email="sam@example.com", phone="07700 900123")
LINK = "https://livingplan.example/invitations/abc123/"


def invite(key: str = "circle-invitation-1", to: Recipient = SAM) -> OutboxMessage:
    with transaction.atomic():
        message = outbox.queue(
            template="circle_invitation",
            to=to,
            personalisation={
                "first_name": to.first_name,
                "person_first_name": "Alex",
                "person_their": "his",
                "link": LINK,
            },
            key=key,
            person_id=None,
        )
    assert message is not None
    message.refresh_from_db()
    return message


def statuses(message: OutboxMessage) -> list[str]:
    return list(message.status_changes.values_list("to_status", flat=True))


def test_an_email_is_queued_then_sent_once_with_its_reference(notify_stub: NotifyStub) -> None:
    message = invite()

    assert message.status == Status.SENT
    [accepted] = notify_stub.accepted
    assert accepted.kind == "email"
    assert accepted.reference == "circle-invitation-1"
    assert accepted.payload["email_address"] == "sam@example.com"
    assert accepted.payload["template_id"] == TEMPLATE_IDS["EMAIL"]
    words = accepted.payload["personalisation"]
    assert words["subject"] == "Alex has invited you to his circle of support"
    assert words["body"].startswith("Hello Sam,")
    assert LINK in words["body"]
    assert message.provider == Provider.NOTIFY
    assert message.provider_id == accepted.id
    assert statuses(message) == [Status.CREATED, Status.SENDING, Status.SENT]


def test_the_one_time_link_is_not_kept_once_sent(notify_stub: NotifyStub) -> None:
    message = invite()
    assert message.personalisation["link"] == REMOVED
    assert LINK not in str(OutboxMessage.objects.values_list("personalisation", flat=True).get(pk=message.pk))


def test_a_text_carries_only_the_first_name_and_the_link(notify_stub: NotifyStub) -> None:
    by_text = Recipient(first_name="Sam", name="Sam Carter", phone="+44 7700 900123")
    message = invite(to=by_text)

    [accepted] = notify_stub.accepted
    assert accepted.kind == "sms"
    assert accepted.payload["phone_number"] == "07700900123"
    body = accepted.payload["personalisation"]["body"]
    assert body.startswith("Hello Sam.")
    assert LINK in body
    assert "Alex" not in body
    assert "Carter" not in body
    assert set(message.personalisation) == {"first_name", "link"}, "the outbox keeps only what the text uses"


def test_a_letter_goes_with_its_address_lines(notify_stub: NotifyStub) -> None:
    alex = Recipient(
        first_name="Alex",
        name="Alex Morgan",
        postal_address=("Alex Morgan", "4 Mill Lane", "Northbridge", "NB1 2AB"),
        preferred=Channel.LETTER,
    )
    with transaction.atomic():
        message = outbox.queue(
            template="plan_agreed",
            to=alex,
            personalisation={"first_name": "Alex", "agreed_on": "2 March 2026", "link": "https://x.example/p/"},
            key="plan-agreed-1",
        )
    assert message is not None
    message.refresh_from_db()
    assert message.status == Status.SENT
    [accepted] = notify_stub.accepted
    assert accepted.kind == "letter"
    assert accepted.payload["personalisation"]["address_line_1"] == "Alex Morgan"
    assert accepted.payload["personalisation"]["address_line_4"] == "NB1 2AB"


@pytest.mark.parametrize("answers", [(429,), (500,), (429, 500, 503)])
def test_transient_failures_are_retried_until_sent_without_a_duplicate(
    notify_stub: NotifyStub, answers: tuple[int, ...]
) -> None:
    notify_stub.answer_next(*answers)
    message = invite()
    assert message.status == Status.CREATED, "waiting for its next try"
    assert f"GOV.UK Notify answered {answers[0]}" in message.last_error

    for _ in answers:
        due_retries()
    message.refresh_from_db()

    assert message.status == Status.SENT
    assert message.attempts == len(answers) + 1
    assert notify_stub.references() == {"circle-invitation-1": 1}
    assert [code for code, _ in notify_stub.refused] == list(answers)
    assert statuses(message).count(Status.SENDING) == len(answers) + 1


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (400, "Can't send to this recipient using a team-only API key"),
        (403, "Invalid token: API key not found"),
    ],
)
def test_a_permanent_failure_stops_with_the_reason_for_staff(notify_stub: NotifyStub, answer: int, reason: str) -> None:
    notify_stub.answer_next(answer)
    message = invite()

    assert message.status == Status.PERMANENT_FAILURE
    assert message.last_error == f"GOV.UK Notify answered {answer}: {reason}"
    assert due_retries() == 0
    assert notify_stub.accepted == []
    assert message.personalisation["link"] == REMOVED


def test_a_wrong_secret_is_refused_by_the_stub(notify_stub: NotifyStub, settings: SettingsWrapper) -> None:
    settings.NOTIFY_API_KEY = f"livingplan_test-{notify_stub.service_id}-{'0' * 8}-0000-0000-0000-{'0' * 12}"
    message = invite()
    assert message.status == Status.PERMANENT_FAILURE
    assert "Invalid token" in message.last_error
    assert notify_stub.accepted == []


def test_a_row_another_worker_has_claimed_is_not_sent_again(notify_stub: NotifyStub) -> None:
    notify_stub.answer_next(503)
    message = invite()  # the first try failed: waiting again
    time.sleep(0.25)  # its retry is due
    claimed = outbox.claim(message.pk)  # worker A
    assert claimed is not None
    assert claimed.status == Status.SENDING

    assert outbox.send_message(message.pk) == "not waiting"  # worker B, or the same task run twice
    assert notify_stub.accepted == []


def test_sending_a_message_twice_sends_it_once(notify_stub: NotifyStub) -> None:
    message = invite()
    assert outbox.send_message(message.pk) == "not waiting"
    assert notify_stub.references() == {"circle-invitation-1": 1}


def test_the_sweep_frees_a_row_a_dead_worker_left_sending_and_notify_is_asked_first(
    notify_stub: NotifyStub, settings: SettingsWrapper
) -> None:
    notify_stub.answer_next(503)  # keep it waiting after queueing
    message = invite()
    time.sleep(0.25)  # its retry is due
    outbox_row = outbox.claim(message.pk)
    assert outbox_row is not None
    # The worker reaches Notify, which takes the message; then the worker is killed before recording it.
    NotifyChannel().send(outbox.outgoing(outbox_row))
    assert notify_stub.references() == {"circle-invitation-1": 1}

    settings.NOTIFICATIONS_SENDING_TIMEOUT = 0
    assert outbox.sweep() == 1
    assert due_retries() == 1

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert notify_stub.references() == {"circle-invitation-1": 1}, "asked for the reference, not sent again"
    # Every try after the first asks first: the killed worker's (nothing there yet), then the sweep's retry.
    assert notify_stub.lookups == ["circle-invitation-1", "circle-invitation-1"]
    assert message.provider_id == notify_stub.accepted[0].id
    assert Status.SENDING in statuses(message)


def test_a_timeout_after_notify_took_it_is_not_sent_again(notify_stub: NotifyStub) -> None:
    notify_stub.answer_next("hang")
    message = invite()
    assert message.status == Status.CREATED
    assert "503" in message.last_error, "the client reports a timeout as 503"

    due_retries()
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert notify_stub.references() == {"circle-invitation-1": 1}


def test_it_gives_up_after_the_last_try_and_says_so(notify_stub: NotifyStub, settings: SettingsWrapper) -> None:
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    notify_stub.answer_next(500, 500, 500)
    message = invite()
    due_retries()
    due_retries()
    message.refresh_from_db()
    assert message.status == Status.TECHNICAL_FAILURE
    assert message.last_error == "GOV.UK Notify answered 500: Internal server error"
    assert due_retries() == 0


def test_the_same_key_never_makes_a_second_message(notify_stub: NotifyStub) -> None:
    first = invite()
    second = invite()
    assert first.pk == second.pk
    assert OutboxMessage.objects.count() == 1
    assert notify_stub.references() == {"circle-invitation-1": 1}


def test_without_a_notify_key_the_log_channel_records_what_would_have_gone(
    notify_stub: NotifyStub, settings: SettingsWrapper
) -> None:
    settings.NOTIFY_API_KEY = ""
    message = invite()
    assert message.status == Status.SENT
    assert message.provider == Provider.LOG
    assert notify_stub.accepted == []


def test_someone_with_no_usable_contact_is_flagged_not_skipped(notify_stub: NotifyStub) -> None:
    landline_only = Recipient(first_name="Bev", name="Bev Okoro", phone="01632 960123")
    message = invite(to=landline_only)
    assert message.channel == Channel.NONE
    assert message.status == Status.PERMANENT_FAILURE
    assert message.last_error == "Nothing is recorded to reach Bev by: tell them another way."
    assert notify_stub.accepted == []


def test_a_text_is_held_until_the_times_to_avoid_have_passed(notify_stub: NotifyStub) -> None:
    quiet = Recipient(first_name="Sam", phone="07700900123", times_to_avoid="Before 10am, when the carers are in")
    with time_machine.travel(dt.datetime(2026, 3, 2, 8, 15, tzinfo=dt.UTC), tick=False):  # 8:15 in London
        message = invite(to=quiet)
        assert outbox.deliver_due() == 0
    assert message.status == Status.CREATED
    assert timezone.localtime(message.next_attempt_at).strftime("%H:%M") == "10:00"
    assert message.held_because == "Times to avoid: Before 10am, when the carers are in"
    assert notify_stub.accepted == []

    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, 5, tzinfo=dt.UTC), tick=False):
        assert outbox.deliver_due() == 1
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert notify_stub.references() == {"circle-invitation-1": 1}
