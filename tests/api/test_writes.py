"""Writes go through the plan services: each names the revision it started from, is refused with
409 when the plan has moved on, and is audited like the same change made on the web."""

import datetime as dt

from django.utils import timezone

from livingplan.core.models import AuditEvent
from livingplan.plans import services
from livingplan.plans.models import Action, Plan, StatementStatus
from tests.api.helpers import url
from tests.personas import World


def test_adding_an_outcome_returns_it_with_the_new_revision(world: World, plan: Plan, api_as) -> None:
    response = api_as("priya").post(
        url(world, "/plan/outcomes"),
        {"expected_revision": plan.revision, "text": "  Go swimming  ", "why_it_matters": "I used to", "importance": 4},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["revision"] == plan.revision + 1
    assert body["outcome"]["text"] == "Go swimming"
    assert body["outcome"]["contribution"] == {
        **body["outcome"]["contribution"],
        "by": "Priya Shah",
        "kind": "PRACTITIONER",
    }
    assert body["outcome"]["actions"] == []
    assert body["outcome"]["latest_progress"] is None
    assert AuditEvent.objects.filter(action="plans.outcome.added", actor=world.priya).exists()


def test_a_stale_write_is_409_with_the_current_revision_and_writes_nothing(world: World, plan: Plan, api_as) -> None:
    stale = plan.revision
    services.add_statement(plan, by=world.priya, section="NEEDS", text="Someone else's edit")  # the plan moves on
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": stale, "text": "Swim"})
    assert response.status_code == 409
    assert response.json() == {
        "detail": "The plan has changed since you read it. Read it again, then send your change again.",
        "code": "stale_revision",
        "current_revision": stale + 1,
        "expected_revision": stale,
    }
    assert not plan.outcomes.filter(text="Swim").exists()


def test_the_revision_from_one_write_is_good_for_the_next(world: World, plan: Plan, api_as) -> None:
    alex = api_as("alex")
    first = alex.post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision, "text": "Swim"}).json()
    outcome_id = first["outcome"]["id"]
    second = alex.post(
        url(world, f"/plan/outcomes/{outcome_id}/actions"),
        {"expected_revision": first["revision"], "what": "Find a pool", "owner_name": "me", "layer": "1_SELF_CARE"},
    )
    assert second.status_code == 201
    assert second.json()["action"]["outcome_id"] == outcome_id
    assert second.json()["revision"] == first["revision"] + 1
    assert (
        alex.post(url(world, "/plan/outcomes"), {"expected_revision": first["revision"], "text": "x"}).status_code
        == 409
    )


def test_adding_an_action_with_a_due_date(world: World, plan: Plan, api_as) -> None:
    outcome = plan.outcomes.get()
    response = api_as("sam").post(
        url(world, f"/plan/outcomes/{outcome.pk}/actions"),
        {
            "expected_revision": plan.revision,
            "what": "Walk with Dad on Sundays",
            "owner_name": "Sam",
            "layer": "2_FAMILY_FRIENDS",
            "due_on": "2020-01-31",
        },
    )
    assert response.status_code == 201
    action = response.json()["action"]
    assert (action["due_on"], action["layer_label"], action["is_overdue"]) == ("2020-01-31", "Family and friends", True)
    assert action["contribution"]["kind"] == "CIRCLE"


def test_an_action_on_an_outcome_of_another_plan_is_404(world: World, plan: Plan, api_as) -> None:
    body = {"expected_revision": plan.revision, "what": "x", "owner_name": "me", "layer": "1_SELF_CARE"}
    assert api_as("alex").post(url(world, "/plan/outcomes/999999/actions"), body).status_code == 404


def test_changing_an_actions_status_needs_the_current_revision(world: World, plan: Plan, api_as) -> None:
    action = plan.actions.get()
    path = url(world, f"/plan/actions/{action.pk}")
    stale = api_as("priya").patch(path, {"expected_revision": plan.revision - 1, "status": "DONE"})
    assert stale.status_code == 409
    assert stale.json()["current_revision"] == plan.revision
    action.refresh_from_db()
    assert action.status == "NOT_STARTED"

    done = api_as("priya").patch(path, {"expected_revision": plan.revision, "status": "DONE"})
    assert done.status_code == 200
    assert (done.json()["action"]["status"], done.json()["revision"]) == ("DONE", plan.revision + 1)
    assert Action.objects.get(pk=action.pk).status == "DONE"
    assert AuditEvent.objects.filter(action="plans.action.status_changed").exists()


def test_action_status_and_progress_can_change_on_an_agreed_plan(world: World, agreed: Plan, api_as) -> None:
    action, outcome = agreed.actions.get(), agreed.outcomes.get()
    alex = api_as("alex")
    done = alex.patch(
        url(world, f"/plan/actions/{action.pk}"), {"expected_revision": agreed.revision, "status": "IN_PROGRESS"}
    )
    assert done.status_code == 200
    scored = alex.post(
        url(world, f"/plan/outcomes/{outcome.pk}/progress"),
        {"expected_revision": done.json()["revision"], "score": 8, "note": "Made it to the shop"},
    )
    assert scored.status_code == 201
    assert scored.json()["progress"] == {
        "score": 8,
        "recorded_on": timezone.localdate().isoformat(),
        "note": "Made it to the shop",
    }
    latest = alex.get(url(world, "/plan/outcomes")).json()["outcomes"][0]["latest_progress"]
    assert latest["score"] == 8
    assert AuditEvent.objects.filter(action="plans.outcome.progress_recorded", actor=world.alex).exists()


def test_progress_with_a_stale_revision_is_409(world: World, plan: Plan, api_as) -> None:
    outcome = plan.outcomes.get()
    response = api_as("alex").post(
        url(world, f"/plan/outcomes/{outcome.pk}/progress"), {"expected_revision": 1, "score": 2}
    )
    assert response.status_code == 409
    assert outcome.scores.count() == 2


def test_progress_can_be_backdated_but_not_future_dated(world: World, plan: Plan, api_as) -> None:
    outcome = plan.outcomes.get()
    path = url(world, f"/plan/outcomes/{outcome.pk}/progress")
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    future = api_as("alex").post(path, {"expected_revision": plan.revision, "score": 2, "recorded_on": tomorrow})
    assert future.status_code == 422
    assert future.json()["detail"][0]["loc"] == ["body", "payload", "recorded_on"]
    past = api_as("alex").post(path, {"expected_revision": plan.revision, "score": 2, "recorded_on": "2026-03-01"})
    assert past.json()["progress"]["recorded_on"] == "2026-03-01"


def test_new_content_on_an_agreed_plan_is_409_not_allowed(world: World, agreed: Plan, api_as) -> None:
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": agreed.revision, "text": "Swim"})
    assert response.status_code == 409
    assert response.json()["code"] == "not_allowed"
    assert "review" in response.json()["detail"]


def test_alex_adds_to_his_profile_directly(world: World, plan: Plan, api_as) -> None:
    response = api_as("alex").post(
        url(world, "/about-me"), {"expected_revision": plan.revision, "section": "ABOUT_PLEASE_DONT", "text": "Rush me"}
    )
    assert response.status_code == 201
    statement = response.json()["statement"]
    assert (statement["status"], statement["contribution"]["in_own_words"]) == ("ACCEPTED", True)


def test_others_additions_to_the_profile_are_proposed_to_alex(world: World, plan: Plan, api_as) -> None:
    for username in ("sam", "dr.jones"):
        plan.refresh_from_db()
        response = api_as(username).post(
            url(world, "/about-me"),
            {"expected_revision": plan.revision, "section": "ABOUT_ALSO_KNOW", "text": f"From {username}"},
        )
        assert response.status_code == 201
        assert response.json()["statement"]["status"] == "PROPOSED"
    assert plan.statements.filter(section="ABOUT_ALSO_KNOW", status=StatementStatus.PROPOSED).count() == 2


def test_only_profile_sections_can_be_added_through_about_me(world: World, plan: Plan, api_as) -> None:
    response = api_as("alex").post(
        url(world, "/about-me"), {"expected_revision": plan.revision, "section": "NEEDS", "text": "x"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "section"]
