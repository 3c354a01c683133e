"""Alex agrees his plan; it is posted to him as a large-print letter through Notify (the loopback
stub), and the versions page shows when it was sent and, after Notify's callback, posted."""

import json
from collections.abc import Iterator

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, InformationFormat
from livingplan.plans import services as plans
from livingplan.plans.sections import Section
from tests.notifications.conftest import TEMPLATE_IDS
from tests.notifications.notify_stub import NotifyStub
from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_see,
    then_the_accessibility_baseline_is_met,
    visit,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TOKEN = "callback-token-for-the-journey"
OUTCOME = "I want to walk to the corner shop on my own again."


@pytest.fixture
def notify(settings: SettingsWrapper) -> Iterator[NotifyStub]:
    """GOV.UK Notify on a loopback port, and its callback token."""
    stub = NotifyStub().start()
    settings.NOTIFY_API_KEY = stub.api_key
    settings.NOTIFY_BASE_URL = stub.url
    settings.NOTIFY_TEMPLATE_IDS = TEMPLATE_IDS
    settings.NOTIFICATIONS_PROVIDER = ""
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    yield stub
    stub.stop()


def alex_wants_large_print_letters_and_his_plan_is_ready(world: World) -> None:
    people.update_person_details(
        world.alex_record, by=world.priya, address="14 Mill Lane\nNorthbridge", postcode="NB1 4QT"
    )
    people.set_communication_needs(
        world.alex_record,
        by=world.alex,
        preferred_channel=ContactChannel.LETTER,
        information_format=InformationFormat.LARGE_PRINT,
    )
    plan = plans.start_plan(world.alex_record, by=world.alex)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="Staying in my own home.")
    plans.add_outcome(plan, by=world.alex, text=OUTCOME, why_it_matters="Milk and a paper.", importance=5)
    plans.propose_plan(plan, by=world.priya)


def test_alex_agrees_and_the_versions_page_shows_his_large_print_letter_posted(
    page: Page,
    world: World,
    live_server,
    notify: NotifyStub,
) -> None:
    alex_wants_large_print_letters_and_his_plan_is_ready(world)
    today = timezone.localdate()
    day = f"{today.day} {today:%B %Y}"

    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    visit(page, f"/people/{world.alex_record.pk}/plan/", heading="Your plan")
    when_i_press(page, "I agree to this plan", to="Your plan")
    when_i_follow(page, "Versions and what changed", to="Versions of your plan")
    then_i_see(page, f"Sent to you as a large-print letter on {day}.")
    [letter] = [a for a in notify.accepted if a.pdf is not None]  # the plan-ready letter is words on a template
    assert letter.pdf is not None
    assert letter.pdf.startswith(b"%PDF")

    message = OutboxMessage.objects.get(idempotency_key=letter.reference)
    callback = {"id": message.provider_id, "reference": message.idempotency_key, "status": "received"}
    Client().post(
        "/messages/notify-callback/", json.dumps(callback), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )  # fmt: skip

    page.reload()
    expect(main_content(page)).to_contain_text(f"Sent to you as a large-print letter on {day}. Posted on {day}.")
    then_the_accessibility_baseline_is_met(page)
