"""Choosing the channel and the time: pure rules, read from what is recorded about the recipient."""

import datetime as dt

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications import outbox, quiet_hours
from livingplan.notifications.checks import check_settings
from livingplan.notifications.models import Channel
from livingplan.notifications.recipients import Recipient, choose, uk_mobile


@pytest.mark.parametrize(
    ("number", "mobile"),
    [
        ("07700 900123", "07700900123"),
        ("+44 7700 900123", "07700900123"),
        ("0044 (0)7700-900-123".replace("(0)", ""), "07700900123"),
        ("01632 960123", None),
        ("0770090012", None),
        ("", None),
    ],
)
def test_only_uk_mobiles_can_take_a_text(number: str, mobile: str | None) -> None:
    assert uk_mobile(number) == mobile


def test_the_recorded_preference_wins_when_it_can_be_used() -> None:
    sam = Recipient(first_name="Sam", email="sam@example.com", phone="07700900123", preferred=Channel.SMS)
    assert choose(sam, (Channel.EMAIL, Channel.SMS)) == (Channel.SMS, "07700900123")


def test_without_a_usable_preference_email_then_text_then_letter() -> None:
    landline = Recipient(first_name="Sam", email="sam@example.com", phone="01632 960123", preferred=Channel.SMS)
    assert choose(landline, (Channel.EMAIL, Channel.SMS)) == (Channel.EMAIL, "sam@example.com")
    text_only = Recipient(first_name="Sam", phone="07700900123", preferred=Channel.LETTER)
    assert choose(text_only, (Channel.EMAIL, Channel.SMS)) == (Channel.SMS, "07700900123")
    short_address = Recipient(first_name="Sam", postal_address=("Sam", "NB1 2AB"))
    assert choose(short_address, (Channel.LETTER,)) is None


@pytest.mark.parametrize(
    ("words", "windows"),
    [
        ("Before 10am, when the carers are in", [(dt.time(0), dt.time(10))]),
        ("after 8pm", [(dt.time(20), dt.time(0))]),
        ("9pm to 8am", [(dt.time(21), dt.time(8))]),
        ("between 21:00 and 07:30", [(dt.time(21), dt.time(7, 30))]),
        ("mornings before 10am", [(dt.time(0), dt.time(10))]),
        ("evenings", [(dt.time(18), dt.time(0))]),
        ("Tuesdays when I am at the day centre", []),
        ("before 25pm", []),
    ],
)
def test_times_to_avoid_are_read_only_when_clear(words: str, windows: list[quiet_hours.Window]) -> None:
    assert quiet_hours.windows(words) == windows


def _at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, 2, hour, minute, tzinfo=dt.UTC)


def test_a_text_waits_until_the_window_ends_even_past_midnight() -> None:
    assert quiet_hours.held_until(_at(8, 15), "before 10am") == _at(10)
    assert quiet_hours.held_until(_at(11), "before 10am") is None
    assert quiet_hours.held_until(_at(22), "9pm to 8am") == _at(8) + dt.timedelta(days=1)
    assert quiet_hours.held_until(_at(23), "after 8pm") == _at(0) + dt.timedelta(days=1)
    # Two windows that meet are both waited out.
    assert quiet_hours.held_until(_at(7), "before 9am, 9am to 11am") == _at(11)


def test_back_off_grows_exponentially_with_jitter_and_a_cap(settings: SettingsWrapper) -> None:
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 30
    settings.NOTIFICATIONS_RETRY_CAP_SECONDS = 3600
    for attempt, full in [(1, 30), (2, 60), (3, 120), (9, 3600)]:
        delays = {outbox.backoff(attempt).total_seconds() for _ in range(50)}
        assert all(full / 2 <= d <= full for d in delays)
        assert len(delays) > 1, "jittered"


def test_start_up_refuses_a_sweep_that_could_free_a_send_still_under_way(settings: SettingsWrapper) -> None:
    settings.NOTIFY_REQUEST_TIMEOUT = 10
    settings.NOTIFICATIONS_SENDING_TIMEOUT = 15
    assert [problem.id for problem in check_settings()] == ["notifications.E001"]
    settings.NOTIFICATIONS_SENDING_TIMEOUT = 300
    assert check_settings() == []


def test_start_up_says_which_notify_templates_are_missing(settings: SettingsWrapper) -> None:
    settings.NOTIFY_API_KEY = "livingplan_test-" + "a" * 36 + "-" + "b" * 36
    settings.NOTIFY_TEMPLATE_IDS = {"EMAIL": "f33517ff-2a88-4f6e-b855-c550268ce08a", "SMS": "", "LETTER": ""}
    [problem] = check_settings()
    assert problem.msg == "No GOV.UK Notify template id for: SMS, LETTER"
