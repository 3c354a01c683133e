import time
from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications import outbox
from tests.notifications.notify_stub import NotifyStub

TEMPLATE_IDS = {
    "EMAIL": "f33517ff-2a88-4f6e-b855-c550268ce08a",
    "SMS": "2f9a3c4e-1b7d-4c8e-9a0f-5d6e7f8a9b0c",
    "LETTER": "7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f",
}


@pytest.fixture
def notify_stub(settings: SettingsWrapper) -> Iterator[NotifyStub]:
    """GOV.UK Notify on a free loopback port, and the settings that send to it."""
    stub = NotifyStub(hang_seconds=1.5).start()
    settings.NOTIFY_API_KEY = stub.api_key
    settings.NOTIFY_BASE_URL = stub.url
    settings.NOTIFY_TEMPLATE_IDS = TEMPLATE_IDS
    settings.NOTIFY_REQUEST_TIMEOUT = 0.5
    settings.NOTIFICATIONS_PROVIDER = ""
    # Retries come round within a quarter second (`due_retries`); the back-off's shape has its own test.
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 0.05
    yield stub
    stub.stop()


def due_retries() -> int:
    """What the worker's pass does once a retry's (short) back-off has passed."""
    time.sleep(0.25)
    return outbox.deliver_due()
