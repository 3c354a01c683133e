"""Who may move the plan: every lifecycle step x every persona, on the web and over the API.

The cases are generated from `lifecycle.TRANSITIONS`, so a step added to the table is tested
here without anyone remembering to. What each persona *is* to Alex's plan is stated here, by
hand: Alex is the person, Priya his coordinator, Jo his attorney (once Alex is assessed as
unable to agree his plan or choose who sees it), Sam his circle, Dr Jones his care team.
"""

from typing import Any

import pytest
from django.test import Client

from livingplan.accounts.models import User
from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.people import services as people
from livingplan.people.models import DecisionKind
from livingplan.plans import lifecycle, services
from livingplan.plans.lifecycle import Actor
from livingplan.plans.models import Plan, PlanStatus, PlanStatusChange
from tests.api.helpers import Api
from tests.capacity import alex_is_assessed, give_authority
from tests.personas import World, make_user

ACTORS = {
    "alex": {Actor.PERSON},
    "priya": {Actor.COORDINATOR},
    "jo": {Actor.ATTORNEY},
    "sam": set(),
    "dr.jones": set(),
}
STARTS_FROM = {
    "propose": PlanStatus.DRAFT,
    "withdraw": PlanStatus.PROPOSED,
    "agree": PlanStatus.PROPOSED,
    "activate": PlanStatus.AGREED,
    "start_review": PlanStatus.ACTIVE,
}
WISHES = "Alex told me he wants to keep going to bowls; the plan keeps Thursdays free."
CASES = [(step, who) for step in lifecycle.TRANSITIONS for who in ACTORS]


def test_the_table_says_who_may_take_each_step_as_the_issue_asks() -> None:
    who = {name: t.who for name, t in lifecycle.TRANSITIONS.items()}
    person_or_coordinator = {Actor.PERSON, Actor.COORDINATOR}
    assert who == {
        "propose": person_or_coordinator,
        "withdraw": person_or_coordinator,
        "agree": {Actor.PERSON, Actor.ATTORNEY},
        "activate": person_or_coordinator,
        "start_review": person_or_coordinator,
    }
    assert set(STARTS_FROM) == set(lifecycle.TRANSITIONS), "a new step needs a starting status here"


def jo_is_alexs_attorney(world: World) -> User:
    """Jo, Alex's son, holds a health and welfare LPA; Alex is assessed as unable to agree his plan
    or choose who sees it, so Jo sees the plan and agrees it for him."""
    jo = make_user("jo", "Jo", "Carter")
    people.add_circle_member(
        world.alex_record, by=world.alex, name="Jo Carter", relationship="Son", user=jo, has_access=False
    )
    give_authority(world, jo)
    alex_is_assessed(world, DecisionKind.AGREE_PLAN)
    alex_is_assessed(world, DecisionKind.SHARING)
    return jo


def plan_at(plan: Plan, status: str, world: World, *, agreed_by: User | None = None) -> Plan:
    """The plan at `status`; agreed by Alex, or for him by his attorney once he cannot agree it."""
    if status != PlanStatus.DRAFT:
        services.propose_plan(plan, by=world.priya)
    if status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        services.agree_plan(plan, by=agreed_by or world.alex, best_interests_note=WISHES)
    if status == PlanStatus.AGREED:
        # A plan agreed before agreeing put it in force: still waiting to be started.
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.AGREED)
    plan.refresh_from_db()
    assert plan.status == status
    return plan


def user_for(world: World, who: str) -> User:
    """Set up the world for `who` (the attorney needs Alex assessed) before moving the plan."""
    return jo_is_alexs_attorney(world) if who == "jo" else world.persona(who)


def expected(step: str, who: str) -> bool:
    return bool(lifecycle.TRANSITIONS[step].who & ACTORS[who])


def after(step: str) -> str:
    transition = lifecycle.TRANSITIONS[step]
    return transition.then or transition.target


def moves(plan: Plan) -> int:
    return PlanStatusChange.objects.filter(plan=plan).count()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def web_step(client: Client, world: World, step: str, who: str, revision: int) -> Any:
    base = f"/people/{world.alex_record.pk}/plan/"
    if step == "agree" and who == "jo":
        return client.post(base + "agree-on-behalf/", {"revision": revision, "best_interests_note": WISHES})
    return client.post(base + f"status/{step}/", {"revision": revision})


@pytest.mark.parametrize(("step", "who"), CASES)
def test_on_the_web_only_those_the_table_names_move_the_plan(world: World, plan: Plan, step: str, who: str) -> None:
    user = user_for(world, who)
    plan = plan_at(plan, STARTS_FROM[step], world, agreed_by=user if who == "jo" else None)
    before = (plan.status, plan.revision, moves(plan))

    response = web_step(signed_in(user), world, step, who, plan.revision)

    plan.refresh_from_db()
    if expected(step, who):
        assert response.status_code == 302
        assert plan.status == after(step)
    else:
        assert response.status_code == 403
        assert (plan.status, plan.revision, moves(plan)) == before, "a refused step changed the plan"


@pytest.mark.parametrize(("step", "who"), CASES)
def test_over_the_api_only_those_the_table_names_move_the_plan(world: World, plan: Plan, step: str, who: str) -> None:
    user = user_for(world, who)
    plan = plan_at(plan, STARTS_FROM[step], world, agreed_by=user if who == "jo" else None)
    before = (plan.status, plan.revision, moves(plan))
    api = Api(Client(), tokens.issue(user, name="test", scope=TokenScope.WRITE)[1])

    body = {"expected_revision": plan.revision, "best_interests_note": WISHES if who == "jo" else ""}
    response = api.post(f"/api/v1/people/{world.alex_record.pk}/plan/status/{step}", body)

    plan.refresh_from_db()
    if expected(step, who):
        assert response.status_code == 200, response.content
        assert response.json()["status"] == after(step)
        assert response.json()["revision"] == plan.revision
    else:
        assert response.status_code == 403, response.content
        assert response.json()["detail"] == lifecycle.refusal(lifecycle.TRANSITIONS[step])
        assert (plan.status, plan.revision, moves(plan)) == before, "a refused step changed the plan"


STEP_BUTTONS = {t.label: name for name, t in lifecycle.TRANSITIONS.items() if name != "agree"}


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.PROPOSED, PlanStatus.AGREED, PlanStatus.ACTIVE])
@pytest.mark.parametrize("who", ["alex", "priya", "sam", "dr.jones"])
def test_the_plan_page_offers_only_the_steps_the_viewer_may_take(
    world: World, plan: Plan, status: str, who: str
) -> None:
    plan = plan_at(plan, status, world)
    page = signed_in(world.persona(who)).get(f"/people/{world.alex_record.pk}/plan/").content.decode()

    offered = {name for label, name in STEP_BUTTONS.items() if label in page}
    allowed = {t.name for t in lifecycle.TRANSITIONS.values() if status in t.sources and expected(t.name, who)}
    assert offered == allowed - {"agree"}
    assert ("I agree to this plan" in page) == (status == PlanStatus.PROPOSED and who == "alex")


def test_sam_is_told_what_the_plan_waits_for_and_offered_no_step(world: World, plan: Plan) -> None:
    plan_at(plan, PlanStatus.PROPOSED, world)
    page = signed_in(world.sam).get(f"/people/{world.alex_record.pk}/plan/").content.decode()
    assert "Waiting for Alex to agree the plan." in page
    assert "Take back to make changes" not in page


def test_an_api_caller_is_told_the_steps_they_may_take_next(world: World, plan: Plan) -> None:
    api = Api(Client(), tokens.issue(world.alex, name="test", scope=TokenScope.WRITE)[1])
    response = api.post(f"/api/v1/people/{world.alex_record.pk}/plan/status/propose", {"expected_revision": 999})
    assert response.status_code == 409  # stale: the revision is checked like any other write
    plan.refresh_from_db()
    response = api.post(
        f"/api/v1/people/{world.alex_record.pk}/plan/status/propose", {"expected_revision": plan.revision}
    )
    assert response.json()["steps"] == ["withdraw", "agree"]


def test_starting_a_review_asks_first_in_plain_words_and_changes_nothing_until_confirmed(
    world: World, plan: Plan
) -> None:
    plan = plan_at(plan, PlanStatus.ACTIVE, world)
    alex = signed_in(world.alex)
    plan_page = alex.get(f"/people/{world.alex_record.pk}/plan/").content.decode()
    assert f'href="/people/{world.alex_record.pk}/plan/review/start/"' in plan_page  # a link, not a direct step

    page = alex.get(f"/people/{world.alex_record.pk}/plan/review/start/")
    text = page.content.decode()
    assert page.status_code == 200
    for words in ("What a review is", "Who will see it is being reviewed", "Sam Carter", "Priya Shah"):
        assert words in text
    assert "everyone keeps to the plan you agreed" in text
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    assert signed_in(world.sam).get(f"/people/{world.alex_record.pk}/plan/review/start/").status_code == 403
