"""A PDF being made in the background, in a real browser: the page says so, then offers the file.

The task backend here only queues (Dummy); the test plays the worker by running the task itself.
"""

from collections.abc import Iterator

import pytest
from django.test import override_settings
from playwright.sync_api import Page, expect

from livingplan.documents.models import MadeDocument
from livingplan.documents.tasks import make_document
from livingplan.plans import services
from livingplan.plans.models import Plan
from livingplan.plans.sections import Section
from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_the_accessibility_baseline_is_met,
    visit,
)
from tests.system.timeouts import scaled

pytestmark = pytest.mark.django_db(transaction=True)
BEING_MADE = "Your PDF of the plan is being made"


@pytest.fixture(autouse=True)
def worker_busy() -> Iterator[None]:
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        yield


def _plan(world: World) -> Plan:
    plan = services.start_plan(world.alex_record, by=world.alex)
    services.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden")
    services.add_outcome(plan, by=world.alex, text="Walk to the shop on my own")
    return plan


def _the_worker_makes_it() -> None:
    for made in MadeDocument.objects.filter(status=MadeDocument.Status.WAITING):
        make_document.call(made.pk)


def test_with_javascript_the_page_announces_the_pdf_when_it_is_made(page: Page, world: World, live_server) -> None:
    plan = _plan(world)
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    url = f"/people/{plan.person_id}/plan.pdf"

    visit(page, url, heading=BEING_MADE, status=202)
    status = page.get_by_role("status")
    expect(status).to_contain_text("This takes a few seconds")

    _the_worker_makes_it()

    expect(status).to_contain_text("Your PDF of the plan is ready.", timeout=scaled(10_000))  # htmx asks every 3 s
    then_the_accessibility_baseline_is_met(page)
    with page.expect_download() as download:
        status.get_by_role("link", name="Download your PDF of the plan").click()
    assert download.value.suggested_filename.startswith("alex-carter-plan-")


def test_without_javascript_the_check_link_gives_the_pdf_once_made(
    page_without_javascript: Page, world: World, live_server
) -> None:
    page = page_without_javascript
    plan = _plan(world)
    given_i_am_already_signed_in_as(page, world.alex, server=live_server.url)
    url = f"/people/{plan.person_id}/plan.pdf"

    visit(page, url, heading=BEING_MADE, status=202)
    main_content(page).get_by_role("link", name="Check if it is ready").click()
    expect(page.locator("h1")).to_have_text(BEING_MADE)  # still being made: the same page again

    _the_worker_makes_it()

    with page.expect_download() as download:
        main_content(page).get_by_role("link", name="Check if it is ready").click()
    assert download.value.suggested_filename.endswith(".pdf")
