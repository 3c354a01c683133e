"""GOV.UK Notify calls back with what became of each message; staff see it delivered, or why not."""

import json

import pytest
from django.db import transaction
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications import outbox
from livingplan.notifications.models import OutboxMessage, Status
from livingplan.notifications.recipients import Recipient
from tests.notifications.notify_stub import NotifyStub

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = "callback-token-for-tests"
URL = "/messages/notify-callback/"


@pytest.fixture
def sent(notify_stub: NotifyStub, settings: SettingsWrapper) -> OutboxMessage:
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    with transaction.atomic():
        message = outbox.queue(
            template="circle_invitation",
            to=Recipient(first_name="Sam", email="sam@example.com"),
            personalisation={
                "first_name": "Sam",
                "person_first_name": "Alex",
                "person_their": "his",
                "link": "https://x.example/i/",
            },
            key="circle-invitation-9",
        )
    assert message is not None
    message.refresh_from_db()
    assert message.status == Status.SENT
    return message


def call_back(message: OutboxMessage, status: str, token: str = TOKEN) -> tuple[int, dict[str, object]]:
    body = {"id": message.provider_id, "reference": message.idempotency_key, "status": status}
    response = Client().post(
        URL, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    return response.status_code, response.json()


def test_a_delivered_callback_marks_the_message_delivered_once(sent: OutboxMessage) -> None:
    assert call_back(sent, "delivered") == (200, {"changed": True})
    assert call_back(sent, "delivered") == (200, {"changed": False}), "Notify may call twice"
    sent.refresh_from_db()
    assert sent.status == Status.DELIVERED
    assert list(sent.status_changes.values_list("to_status", flat=True))[-1] == Status.DELIVERED


def test_a_permanent_failure_is_shown_to_staff_with_a_reason(sent: OutboxMessage) -> None:
    assert call_back(sent, "permanent-failure") == (200, {"changed": True})
    sent.refresh_from_db()
    assert sent.status == Status.PERMANENT_FAILURE
    assert sent.last_error == "GOV.UK Notify could not deliver it: the address or number is wrong"


def test_a_temporary_failure_can_still_end_delivered(sent: OutboxMessage) -> None:
    call_back(sent, "temporary-failure")
    call_back(sent, "delivered")
    sent.refresh_from_db()
    assert sent.status == Status.DELIVERED


def test_a_callback_without_the_token_changes_nothing(sent: OutboxMessage, settings: SettingsWrapper) -> None:
    assert call_back(sent, "delivered", token="guess")[0] == 401
    settings.NOTIFY_CALLBACK_TOKEN = ""
    assert call_back(sent, "delivered", token="")[0] == 401, "no token set: every callback is refused"
    sent.refresh_from_db()
    assert sent.status == Status.SENT


def test_a_callback_about_a_message_we_never_sent_is_404(sent: OutboxMessage) -> None:
    sent.provider_id = "not-ours"
    assert call_back(sent, "delivered")[0] == 404
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = Client().post(URL, "not json", content_type="application/json", headers=headers)
    assert response.status_code == 400
