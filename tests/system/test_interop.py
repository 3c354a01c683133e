"""A FHIR bulk export started in a real browser without JavaScript (ADR-045): the progress page
says where it is in plain words, offers its files once the worker has written them, and passes axe.

The test plays the worker by running `db_worker --batch` on the queue the export waits in."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page
from pytest_django.fixtures import Settings

from tests.interop.conftest import build_plan
from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_see,
    visit,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXPORTS = "Export plans for another system"


def test_priya_follows_her_export_and_downloads_its_files(
    page_without_javascript: Page, world: World, live_server, settings: Settings, tmp_path: Path
) -> None:
    settings.LIVINGPLAN_FHIR_EXPORT_DIR = str(tmp_path)
    page = page_without_javascript
    build_plan(world)
    given_i_am_already_signed_in_as(page, world.priya, server=live_server.url)
    visit(page, "/fhir/exports/", heading=EXPORTS)
    then_i_see(page, "You have not asked for an export yet.")
    when_i_press(page, "Start an export", to="Your export of every plan you can see")
    then_i_see(page, "Waiting to start")

    call_command("db_worker", "--batch", "--backend", "later", "--no-startup-delay", "--interval", "0.01", "-v0")
    when_i_follow(page, "Check progress again", to="Your export of every plan you can see")
    then_i_see(page, "Ready: 1 plan in 11 files", "Goal: 2 resources")
    with page.expect_download() as download:
        main_content(page).get_by_role("link", name="Goal: 2 resources").click()
    assert download.value.suggested_filename == "Goal.ndjson"

    when_i_press(page, "Cancel this export and delete its files", to=EXPORTS)
    then_i_see(page, "You have not asked for an export yet.")
