"""A note that asks for a review is a request on the coordinator's caseload (issue 9, ADR-024):
tagged, filtered and counted, in the same number of queries whatever the caseload's size."""

from django.test import Client

from livingplan.plans import notes
from livingplan.plans import services as plans
from livingplan.plans.sections import SharingGroup
from tests.factories import active_plan_for_alex
from tests.home.test_caseload import ClientFor, _more_people, _queries, _row, text_of
from tests.personas import World


def test_priya_sees_alexs_request_on_her_caseload_until_she_starts_a_review(
    world: World, client_for: ClientFor
) -> None:
    plan = active_plan_for_alex(world)
    _more_people(world, 2)
    notes.add_note(plan, by=world.alex, text="Nothing much", asks_for_review=False)
    priya = client_for("priya")
    assert "Asked for a review" not in _row(text_of(priya.get("/")), "Alex Carter")

    notes.add_note(plan, by=world.alex, text="My plan needs looking at", asks_for_review=True)
    page = text_of(priya.get("/"))
    assert "Asked for a review" in _row(page, "Alex Carter")
    assert "Asked for a review (1)" in page  # the filter with its count
    only = text_of(priya.get("/?show=review-requests"))
    assert "Alex Carter" in only
    assert "Person0 Ives" not in only

    plans.start_review(plan, by=world.priya)
    assert "Asked for a review" not in _row(text_of(priya.get("/")), "Alex Carter")


def test_a_request_is_not_counted_for_an_organisation_refused_the_review_group(
    world: World, client_for: ClientFor
) -> None:
    plan = active_plan_for_alex(world)
    notes.add_note(plan, by=world.alex, text="Look again please", asks_for_review=True)
    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.REVIEW, is_shared=False, organisation=world.gp_practice
    )
    assert "Asked for a review" not in _row(text_of(client_for("dr.jones").get("/")), "Alex Carter")
    assert "Asked for a review" in _row(text_of(client_for("priya").get("/")), "Alex Carter")


def test_review_requests_keep_the_caseloads_query_count(world: World, client_for: ClientFor) -> None:
    priya: Client = client_for("priya")
    plan = active_plan_for_alex(world)
    notes.add_note(plan, by=world.alex, text="Please look", asks_for_review=True)
    small = _queries(priya)
    for person in _more_people(world, 20):
        other = plans.start_plan(person, by=world.priya)
        notes.add_note(other, by=world.priya, text="Asked on the phone for a review", asks_for_review=True)
    assert _queries(priya) == small
