"""The pages an attorney uses to agree Alex's plan and choose who sees it, over HTTP."""

import pytest

from livingplan.core.models import AuditEvent
from livingplan.people.models import DecisionKind
from livingplan.plans import services
from livingplan.plans.models import AgreedAs, Plan, PlanStatus
from livingplan.plans.sections import SharingGroup
from tests.capacity import alex_is_assessed, give_authority, sam_is_alexs_attorney_and_alex_cannot_agree
from tests.personas import World
from tests.plans.test_views import _count_queries, _url

WISHES = "Alex told me the garden and the walk to the shop matter most; both stay as Alex said them."
AGREED_BY_SAM = "by Sam Carter, attorney for health and welfare, on Alex's behalf"
MISSING = "Enter what Alex's wishes and feelings are and how you took them into account"


@pytest.fixture
def proposed(world: World, plan: Plan) -> Plan:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    services.propose_plan(plan, by=world.priya)
    plan.refresh_from_db()
    return plan


def test_the_attorney_is_asked_to_agree_on_alexs_behalf_and_for_the_best_interests_note(
    world: World, proposed: Plan, client_for
) -> None:
    body = client_for("sam").get(_url(world)).content.decode()
    assert "Agree on Alex&#39;s behalf" in body
    assert "Alex&#39;s wishes and feelings about this plan" in body
    assert "As their attorney for health and welfare, you can agree it on their behalf." in body
    assert "I agree to this plan" not in body


def test_alex_is_told_who_can_agree_and_is_not_offered_the_button(world: World, proposed: Plan, client_for) -> None:
    body = client_for("alex").get(_url(world)).content.decode()
    assert "You have been assessed as not able to make the decision to agree this plan" in body
    assert "I agree to this plan" not in body
    assert "on Alex&#39;s behalf" not in body


def test_without_the_best_interests_note_the_error_summary_shows_and_nothing_is_saved(
    world: World, proposed: Plan, client_for
) -> None:
    response = client_for("sam").post(
        _url(world, "plan/agree-on-behalf/"), {"revision": proposed.revision, "best_interests_note": " "}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert MISSING.replace("'", "&#39;") in body
    assert "<title>Error: " in body
    proposed.refresh_from_db()
    assert proposed.status == PlanStatus.PROPOSED
    assert not proposed.versions.exists()
    assert not AuditEvent.objects.filter(action="plans.plan.agreed").exists()


def test_the_attorney_agrees_and_the_plan_and_versions_say_it_was_on_alexs_behalf(
    world: World, proposed: Plan, client_for
) -> None:
    sam = client_for("sam")
    response = sam.post(
        _url(world, "plan/agree-on-behalf/"),
        {"revision": proposed.revision, "best_interests_note": WISHES, "summary": "First plan"},
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "You agreed Alex&#39;s plan on their behalf. It is saved as version 1." in body
    assert AGREED_BY_SAM in body
    version = proposed.versions.get()
    assert (version.agreed_by, version.agreed_as, version.best_interests_note) == (world.sam, AgreedAs.ATTORNEY, WISHES)

    versions = client_for("priya").get(_url(world, "plan/versions/")).content.decode()
    assert AGREED_BY_SAM in versions
    assert "Alex told me the garden" in versions


def test_a_stale_agreement_is_refused_and_says_so(world: World, proposed: Plan, client_for) -> None:
    response = client_for("sam").post(
        _url(world, "plan/agree-on-behalf/"),
        {"revision": proposed.revision - 1, "best_interests_note": WISHES},
        follow=True,
    )
    assert "The plan changed while you were reading it" in response.content.decode()
    assert not proposed.versions.exists()


@pytest.mark.parametrize(("username", "status"), [("omar", 404), ("priya", 403), ("alex", 403), ("dr.jones", 403)])
def test_only_the_attorney_may_open_the_agree_on_behalf_page(
    world: World, proposed: Plan, client_for, username: str, status: int
) -> None:
    assert client_for(username).get(_url(world, "plan/agree-on-behalf/")).status_code == status
    assert client_for("sam").get(_url(world, "plan/agree-on-behalf/")).status_code == 200


def test_the_attorneys_plan_page_costs_no_more_queries_than_an_ordinary_circle_members(
    world: World, proposed: Plan, client_for
) -> None:
    as_attorney = _count_queries(client_for("sam"), _url(world))
    world.alex_record.legal_authorities.update(held_by=None)  # Sam is now only in the circle
    as_circle_member = _count_queries(client_for("sam"), _url(world))
    assert as_attorney == as_circle_member


def test_alexs_plan_page_costs_no_more_queries_once_assessed(world: World, plan: Plan, client_for) -> None:
    services.propose_plan(plan, by=world.priya)
    alex = client_for("alex")
    before = _count_queries(alex, _url(world))
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    assert _count_queries(alex, _url(world)) == before


def test_the_attorney_chooses_who_sees_alexs_plan_and_the_audit_says_on_alexs_behalf(
    world: World, plan: Plan, client_for
) -> None:
    give_authority(world)
    sam = client_for("sam")
    assert sam.get(_url(world, "sharing/")).status_code == 404  # Alex can decide this: capacity is assumed

    alex_is_assessed(world, DecisionKind.SHARING)
    page = sam.get(_url(world, "plan/")).content.decode()
    assert "Who can see Alex&#39;s plan" in page
    assert client_for("alex").get(_url(world, "sharing/")).status_code == 404
    sharing = sam.get(_url(world, "sharing/"))
    assert sharing.status_code == 200
    assert "<h1>Who can see Alex&#39;s plan</h1>" in sharing.content.decode()

    everything = [g.value for g in SharingGroup]
    choices = {f"org_{world.council_a.pk}": everything, f"org_{world.gp_practice.pk}": ["CRISIS", "OUTCOMES"]}
    sam_row = world.alex_record.circle.get(user=world.sam)
    choices[f"circle_{sam_row.pk}"] = ["ABOUT_ME", "WHAT_MATTERS", "OUTCOMES", "REVIEW"]
    response = sam.post(_url(world, "sharing/"), choices, follow=True)
    assert "The sharing choices you made for Alex are saved." in response.content.decode()
    events = AuditEvent.objects.filter(action="plans.sharing.changed")
    assert events.exists()
    assert all(e.actor == world.sam and e.detail["on_behalf"] is True for e in events)
