"""The plan read costs the same small number of queries however big the plan is."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from livingplan.plans.models import (
    Action,
    ActionStatus,
    ContributorKind,
    Layer,
    LinkedPlan,
    Outcome,
    Plan,
    PlanVersion,
    ProgressScore,
    Risk,
    Statement,
)
from livingplan.plans.sections import Section
from livingplan.plans.snapshot import snapshot
from tests.api.helpers import Api, url
from tests.personas import World

LAYERS = list(Layer)


def grow(plan: Plan, world: World, *, outcomes: int, actions: int, versions: int) -> None:
    """Add content in bulk (fast): `actions` spread over `outcomes`, scores, statements, risks and versions."""
    common = {"person_id": plan.person_id, "plan": plan, "contributed_by": world.priya}
    kind = ContributorKind.PRACTITIONER
    made = Outcome.objects.bulk_create(
        Outcome(text=f"Outcome {n}", contributor_kind=kind, position=100 + n, **common) for n in range(outcomes)
    )
    Action.objects.bulk_create(
        Action(
            outcome=made[n % outcomes],
            what=f"Action {n}",
            owner_name="Priya",
            layer=LAYERS[n % len(LAYERS)],
            status=ActionStatus.IN_PROGRESS,
            due_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
            contributor_kind=kind,
            **common,
        )
        for n in range(actions)
    )
    ProgressScore.objects.bulk_create(
        ProgressScore(
            person_id=plan.person_id,
            outcome=o,
            score=day % 11,
            recorded_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            recorded_by=world.alex,
        )
        for o in made
        for day in range(3)
    )
    Statement.objects.bulk_create(
        Statement(section=section, text=f"{section} {n}", contributor_kind=kind, position=100 + n, **common)
        for n in range(3)
        for section in Section
    )
    Risk.objects.bulk_create(
        Risk(
            what_could_go_wrong=f"Risk {n}", what_we_agree="Agreed", decided_by="Alex", contributor_kind=kind, **common
        )
        for n in range(outcomes // 4 or 1)
    )
    LinkedPlan.objects.bulk_create(
        LinkedPlan(person_id=plan.person_id, plan=plan, kind=LinkedPlan.Kind.OTHER, description=f"Plan {n}")
        for n in range(outcomes // 10 or 1)
    )
    # Bulk inserts skip the services; move the revision on as every service does when it changes a plan.
    Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1)
    frozen = snapshot(plan)
    first = (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    PlanVersion.objects.bulk_create(
        PlanVersion(person_id=plan.person_id, plan=plan, number=n, agreed_by=world.alex, snapshot=frozen)
        for n in range(first, first + versions)
    )


def count_queries(api: Api, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries)


# An hour's window: a request that starts a window costs one query more, and a test crossing
# a minute's end would see it (ADR-052).
ONE_WINDOW = override_settings(LIVINGPLAN_API_RATE_WINDOW=3600)


@ONE_WINDOW
@pytest.mark.parametrize(
    ("username", "by"), [("alex", "token"), ("sam", "token"), ("dr.jones", "token"), ("dr.jones", "session")]
)
def test_the_plan_read_uses_the_same_few_queries_whatever_the_plan_size(
    world: World,
    plan: Plan,
    api_as: Callable[..., Api],
    session_api: Callable[[str], Api],
    django_assert_max_num_queries,
    username: str,
    by: str,
) -> None:
    """Whole requests, sign-in included: a GP on the care team (the most sharing checks) by token and session."""
    api = api_as(username) if by == "token" else session_api(username)
    api.get(url(world))  # the rate limit's first request of a window costs one query more (ADR-052)
    grow(plan, world, outcomes=1, actions=1, versions=1)
    with django_assert_max_num_queries(15):
        small = count_queries(api, url(world, "/plan"))

    grow(plan, world, outcomes=40, actions=150, versions=25)
    assert plan.outcomes.count() >= 40
    assert plan.actions.count() >= 150
    assert plan.versions.count() >= 25
    with django_assert_max_num_queries(15):
        large = count_queries(api, url(world, "/plan"))

    assert small == large
    with CaptureQueriesContext(connection) as again:
        body = api.get(url(world, "/plan")).json()
    assert len(again.captured_queries) < large, "an unchanged plan is read again without rebuilding it"
    assert len(body["outcomes"]) == 42  # the fixture's one, then 1 and 40
    # Sam is in Alex's circle, who do not see the budget: nor the actions paid from it (issue 8 #9).
    budget = plan.actions.filter(layer=Layer.PERSONAL_BUDGET).count() if username == "sam" else 0
    assert budget != 0 or username != "sam"
    assert sum(len(o["actions"]) for o in body["outcomes"]) == 152 - budget
    assert all(o["latest_progress"] is not None for o in body["outcomes"])


@ONE_WINDOW
def test_the_versions_list_and_outcomes_list_do_not_grow_with_the_plan(
    world: World, plan: Plan, api_as: Callable[..., Api]
) -> None:
    api = api_as("dr.jones")
    api.get(url(world))  # the rate limit's first request of a window costs one query more (ADR-052)
    grow(plan, world, outcomes=1, actions=1, versions=1)
    small = [count_queries(api, url(world, p)) for p in ("/plan/versions", "/plan/outcomes", "/about-me")]
    grow(plan, world, outcomes=40, actions=150, versions=25)
    large = [count_queries(api, url(world, p)) for p in ("/plan/versions", "/plan/outcomes", "/about-me")]
    assert small == large
