"""What is available locally (issue 12), in a browser without JavaScript, axe on every page: the admin
imports the directory (a bad file first, refused with its report), Priya links Alex's action to the
walking group from it, Alex finds things near him, says whether the group helped, and prints his pack."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.demo.community import DIRECTORY, WALKERS
from livingplan.people import services as people
from livingplan.plans import services as plans
from livingplan.plans.models import Layer
from tests.personas import World
from tests.system.journeys import (
    given_i_am_already_signed_in_as,
    main_content,
    then_i_am_told,
    then_i_see,
    then_there_is_a_problem,
    visit,
    when_i_choose,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTION = "Try a walking group"


@pytest.fixture
def alexs_walk(world: World, settings: SettingsWrapper) -> None:
    settings.COMMUNITY_ASK_AFTER_WEEKS = 0  # asked at once, so the journey can answer
    people.update_person_details(world.alex_record, by=world.priya, postcode="NB1 4QT")
    plan = plans.start_plan(world.alex_record, by=world.priya)
    outcome = plans.add_outcome(plan, by=world.alex, text="Get out of the house and meet people")
    plans.add_action(outcome, by=world.priya, what=ACTION, owner_name="Alex", layer=Layer.COMMUNITY)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "northbridge.json"
    good.write_text(json.dumps({"contents": DIRECTORY}))
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps({"contents": [{**DIRECTORY[0], "status": "open"}]}))
    return good, bad


@pytest.mark.usefixtures("alexs_walk")
def test_the_directory_is_imported_linked_answered_and_printed(
    page_without_javascript: Page, world: World, live_server, tmp_path: Path
) -> None:
    page, server = page_without_javascript, live_server.url
    good, bad = _files(tmp_path)

    # The admin imports: a broken file is refused with what is wrong, then the good one goes in.
    given_i_am_already_signed_in_as(page, world.admin, server=server)
    visit(page, "/community/manage/", heading="Keep the community directory")
    when_i_follow(page, "Import an Open Referral UK file", to="Import an Open Referral UK file")
    main_content(page).get_by_label("Open Referral UK file (JSON)").set_input_files(bad)
    when_i_press(page, "Import", to="Import an Open Referral UK file")
    expect(page.locator("#import-report")).to_contain_text("status must be one of active, inactive")
    main_content(page).get_by_label("Open Referral UK file (JSON)").set_input_files(good)
    when_i_press(page, "Import", to="Import an Open Referral UK file")
    expect(page.locator("#import-result")).to_contain_text("Imported: 5 resources added, 0 resources updated.")
    visit(page, "/community/manage/add/", heading="Add to the directory")
    when_i_press(page, "Save", to="Add to the directory")
    then_there_is_a_problem(page, "Enter name")

    # Priya links Alex's action to the walking group near him.
    given_i_am_already_signed_in_as(page, world.priya, server=server)
    visit(page, f"/community/people/{world.alex_record.pk}/", heading="Local activities in this plan")
    when_i_follow(page, f"Link something local to “{ACTION}”", to=f"Link something local to “{ACTION}”")
    then_i_see(page, "found in NB1")
    when_i_choose(page, "Which one", WALKERS)
    when_i_press(page, "Link it", to="Local activities in this plan")
    then_i_am_told(page, "Linked. We will ask whether it helped in a few weeks.")

    # Alex looks for something near him, then says whether the group helped.
    given_i_am_already_signed_in_as(page, world.alex, server=server)
    visit(page, "/community/?area=nowhere", heading="What is available locally", status=400)
    then_there_is_a_problem(page, "Enter a postcode or the first part of one, like LS6")
    visit(page, "/community/", heading="What is available locally")
    when_i_fill_in(page, "What are you looking for", "walking")
    when_i_fill_in(page, "Area", "NB1")
    when_i_press(page, "Search", to="What is available locally")
    then_i_see(page, "for “walking” in NB1", WALKERS)
    when_i_follow(page, WALKERS, to=WALKERS)
    then_i_see(page, "We show what people said once 5 or more have answered")
    visit(page, f"/community/people/{world.alex_record.pk}/", heading="Local activities in your plan")
    when_i_follow(page, f"Did {WALKERS} help? Tell us", to=f"Did {WALKERS} help?")
    when_i_choose(page, "Did it help?", "A bit")
    when_i_fill_in(page, "Anything you want to say about it (optional)", "Friendly, but the hill is hard")
    when_i_press(page, "Send my answer", to="Local activities in your plan")
    then_i_am_told(page, "Thank you. Your answer is saved.")
    then_i_see(page, "Did it help? A bit")

    # His pack: the printable page in his format, and the PDF.
    when_i_follow(page, "see it as a printable page", to="What is on near you")
    then_i_see(page, WALKERS, "Already in the plan")
    pdf = page.request.get(f"{server}/people/{world.alex_record.pk}/what-is-on-near-you.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert re.search(r"what-is-on-near-you-\d{4}-\d{2}-\d{2}\.pdf", pdf.headers["content-disposition"])
