"""The plan as people use it through the pages: the issue's journey, end to end, over HTTP."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from livingplan.core.models import AuditEvent
from livingplan.core.render_cache import ALIAS
from livingplan.plans import services
from livingplan.plans.models import Layer, Plan, PlanStatus
from livingplan.plans.sections import Section, SharingGroup
from tests.personas import World


def _url(world: World, path: str = "plan/") -> str:
    return f"/people/{world.alex_record.pk}/{path}"


def test_alex_writes_a_plan_priya_adds_an_action_alex_agrees_and_sam_sees_only_what_is_shared(
    world: World, client_for
) -> None:
    alex, priya, sam = client_for("alex"), client_for("priya"), client_for("sam")
    assert alex.post(_url(world, "plan/start/")).status_code == 302
    plan = Plan.objects.get(person=world.alex_record)

    response = alex.post(_url(world, "plan/add/WHAT_MATTERS/"), {"revision": plan.revision, "text": "My garden"})
    assert response.status_code == 302
    plan.refresh_from_db()
    alex.post(
        _url(world, "plan/outcomes/add/"),
        {"revision": plan.revision, "text": "Walk to the shop", "importance": "5", "why_it_matters": "Freedom"},
    )
    plan.refresh_from_db()
    alex.post(_url(world, "plan/add/CRISIS_WHAT_HELPS/"), {"revision": plan.revision, "text": "A call from Sam"})
    outcome = plan.outcomes.get()
    plan.refresh_from_db()
    alex.post(
        _url(world, f"plan/outcomes/{outcome.pk}/actions/add/"),
        {"revision": plan.revision, "what": "Leg exercises", "owner_name": "Me", "layer": Layer.SELF_CARE},
    )

    sam_row = world.alex_record.circle.get(user=world.sam)
    sharing = alex.get(_url(world, "sharing/"))
    assert sharing.status_code == 200
    key = f"circle_{sam_row.pk}"
    shared_with_sam = ["ABOUT_ME", "WHAT_MATTERS", "OUTCOMES", "REVIEW", "CRISIS"]  # not BUDGET
    org_keys = {
        f"org_{world.council_a.pk}": [g.value for g in SharingGroup],
        f"org_{world.gp_practice.pk}": [g.value for g in SharingGroup],
    }
    assert alex.post(_url(world, "sharing/"), {key: shared_with_sam, **org_keys}).status_code == 302

    plan.refresh_from_db()
    assert alex.post(_url(world, "plan/status/propose/"), {"revision": plan.revision}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PROPOSED

    plan.refresh_from_db()
    response = priya.post(
        _url(world, f"plan/outcomes/{outcome.pk}/actions/add/"),
        {
            "revision": plan.revision,
            "what": "Refer to physiotherapy",
            "owner_name": "Priya",
            "layer": Layer.SPECIALIST,
            "due_on_day": "1",
            "due_on_month": "2",
            "due_on_year": "2027",
        },
    )
    assert response.status_code == 302

    plan.refresh_from_db()
    page = alex.get(_url(world))
    assert "Refer to physiotherapy" in page.content.decode()
    assert alex.post(_url(world, "plan/status/agree/"), {"revision": plan.revision}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    first = plan.versions.get()
    assert any(a["what"] == "Refer to physiotherapy" for a in first.snapshot["outcomes"][0]["actions"])

    # Life changes: a review, a new outcome, a second agreed version, and the diff shows it.
    alex.post(_url(world, "plan/status/start_review/"), {"revision": plan.revision})
    plan.refresh_from_db()
    alex.post(
        _url(world, "plan/outcomes/add/"), {"revision": plan.revision, "text": "Grow tomatoes", "importance": "4"}
    )
    plan.refresh_from_db()
    alex.post(_url(world, "plan/status/propose/"), {"revision": plan.revision})
    plan.refresh_from_db()
    alex.post(_url(world, "plan/status/agree/"), {"revision": plan.revision})
    compare = alex.get(_url(world, "plan/versions/compare/?from=1&to=2"))
    assert compare.status_code == 200
    assert "Grow tomatoes" in compare.content.decode()

    sams_view = sam.get(_url(world)).content.decode()
    assert "A call from Sam" in sams_view  # crisis plan shared with Sam
    assert "Walk to the shop" in sams_view
    assert "Risks and what we agreed" not in sams_view


def test_a_stale_form_returns_409_keeps_the_words_and_shows_what_changed(world: World, plan: Plan, client_for) -> None:
    alex = client_for("alex")
    opened = plan.revision
    five_minutes_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)).isoformat()
    services.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Priya's note", expected_revision=opened)
    response = alex.post(
        _url(world, "plan/add/NEEDS/"),
        {"revision": opened, "text": "My own words", "opened_at": five_minutes_ago},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "The plan changed while you were writing" in body
    assert "My own words" in body
    assert "Priya&#39;s note" in body or "Priya's note" in body
    assert not plan.statements.filter(text="My own words").exists()


def test_empty_outcome_form_shows_nhs_style_errors_and_saves_nothing(world: World, plan: Plan, client_for) -> None:
    response = client_for("alex").post(_url(world, "plan/outcomes/add/"), {"revision": plan.revision, "text": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter what you want to achieve" in body
    assert plan.outcomes.count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "plan/",
        "plan/versions/",
        "plan/versions/compare/?from=1&to=current",
        "about-me/",
        "sharing/",
        "plan/add/NEEDS/",
        "plan/outcomes/add/",
        "plan/risks/add/",
        "plan/review-arrangements/",
    ],
)
def test_an_outsider_gets_404_on_every_plan_page(world: World, plan: Plan, client_for, path: str) -> None:
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex)
    assert client_for("omar").get(_url(world, path)).status_code == 404


def test_a_part_not_shared_with_sam_is_404_for_sam(world: World, plan: Plan, client_for) -> None:
    assert client_for("sam").get(_url(world, "plan/risks/add/")).status_code == 404
    assert client_for("sam").get(_url(world, "plan/add/CRISIS_AVOID/")).status_code == 404


def test_every_view_of_the_plan_is_audited_with_who_looked(world: World, plan: Plan, client_for) -> None:
    client_for("dr.jones").get(_url(world))
    event = AuditEvent.objects.filter(action="plans.plan.viewed").latest("occurred_at")
    assert event.actor == world.dr_jones
    assert event.person_id == world.alex_record.pk


def _grow(plan: Plan, world: World, outcomes: int, actions_each: int, versions: int) -> None:
    plan.refresh_from_db()
    if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        services.start_review(plan, by=world.alex)
        plan.refresh_from_db()
    for n in range(outcomes):
        outcome = services.add_outcome(plan, by=world.alex, text=f"Outcome {n}")
        for m in range(actions_each):
            services.add_action(
                outcome, by=world.priya, what=f"Action {n}.{m}", owner_name="Priya", layer=Layer.COMMUNITY
            )
        services.add_statement(plan, by=world.sam, section=Section.ABOUT_PLEASE_DO, text=f"Suggestion {n}")
    for _ in range(versions):
        plan.refresh_from_db()
        if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
            services.start_review(plan, by=world.alex)
        services.propose_plan(plan, by=world.alex)
        services.agree_plan(plan, by=world.alex)


def _count_queries(client: Client, url: str) -> int:
    """Queries for a first read, as after a change: the reused page content (ADR-013) is dropped first."""
    caches[ALIAS].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_plan_page_uses_the_same_small_number_of_queries_whatever_its_size(
    world: World, plan: Plan, client_for
) -> None:
    alex = client_for("alex")
    _grow(plan, world, outcomes=1, actions_each=1, versions=1)
    small = _count_queries(alex, _url(world))
    _grow(plan, world, outcomes=10, actions_each=4, versions=3)
    large = _count_queries(alex, _url(world))
    assert small == large
    # 16th: the auditor looks up the organisation the viewer acts for (none, for Alex): ADR-020.
    # 17th: who provides the service, for the header's NHS logo rule. Both could come from one
    # per-request context (issue 10's audit context).
    # 18th: whether the viewer is the person's coordinator, for the steps they may take (ADR-021).
    # 19th: the newest notes between reviews, outside the reused content (ADR-024).
    # 20th-22nd: whose words are whose (ADR-025): the care team and circle by role, whether the
    # viewer decides suggestions (capacity) or writes for the person, and each item's last change.
    assert large <= 22


def test_after_saving_the_person_is_told_what_happened(world: World, plan: Plan, client_for) -> None:
    response = client_for("alex").post(
        _url(world, "plan/outcomes/add/"),
        {"revision": plan.revision, "text": "See the sea this summer", "importance": "4"},
        follow=True,
    )
    body = response.content.decode()
    assert "Outcome added." in body
    assert 'role="alert"' in body


def test_another_plan_can_be_linked_and_shows_on_the_plan(world: World, plan: Plan, client_for) -> None:
    priya = client_for("priya")
    response = priya.post(
        _url(world, "plan/other-plans/add/"),
        {
            "revision": plan.revision,
            "kind": "ADVANCE_CARE",
            "description": "Wishes for the end of life",
            "held_by": "Northbridge Hospice",
        },
    )
    assert response.status_code == 302
    page = priya.get(_url(world)).content.decode()
    assert "Advance care plan: Wishes for the end of life (held by Northbridge Hospice)" in page
    empty = priya.post(_url(world, "plan/other-plans/add/"), {"kind": "", "description": ""})
    assert empty.status_code == 400
    assert "Select what kind of plan it is" in empty.content.decode()
    assert plan.linked_plans.count() == 1


def test_how_important_an_outcome_is_is_asked_not_assumed_and_shows_on_the_plan(world: World, client_for) -> None:
    alex = client_for("alex")
    alex.post(_url(world, "plan/start/"))
    plan = Plan.objects.get(person=world.alex_record)

    form = alex.get(_url(world, "plan/outcomes/add/")).content.decode()
    assert "checked" not in form  # no answer chosen for the person (NHS pattern)
    unanswered = alex.post(_url(world, "plan/outcomes/add/"), {"revision": plan.revision, "text": "Walk to the shop"})
    assert "Select how important this is" in unanswered.content.decode()
    assert not plan.outcomes.exists()

    alex.post(
        _url(world, "plan/outcomes/add/"), {"revision": plan.revision, "text": "Walk to the shop", "importance": "5"}
    )

    assert "<strong>How important:</strong> Very important" in alex.get(_url(world)).content.decode()


def test_screen_reader_link_names_give_the_whole_action_not_its_first_40_letters(world: World, client_for) -> None:
    alex = client_for("alex")
    alex.post(_url(world, "plan/start/"))
    plan = Plan.objects.get(person=world.alex_record)
    outcome = services.add_outcome(plan, by=world.alex, text="Garden again", expected_revision=plan.revision)
    plan.refresh_from_db()
    what = "Put in raised beds so I can garden sitting down, by the back door"
    services.add_action(
        outcome, by=world.alex, what=what, owner_name="Sam", layer=Layer.FAMILY_FRIENDS, expected_revision=plan.revision
    )

    page = alex.get(_url(world)).content.decode()

    assert f'Update<span class="nhsuk-u-visually-hidden"> how it is going: {what}</span>' in page
