"""Every API request counts against its token's allowance (or the signed-in user's), in the database
every server process shares: over it is a 429 with Retry-After and a body that says what to do."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.test import override_settings

from livingplan.api import ratelimit
from livingplan.api.models import RequestCount
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World

LIMIT = override_settings(LIVINGPLAN_API_RATE_LIMIT=3, LIVINGPLAN_API_RATE_WINDOW=60)
START = dt.datetime(2027, 1, 4, 10, 0, 10, tzinfo=dt.UTC)  # 10 seconds into a window


@LIMIT
def test_over_the_allowance_is_429_with_retry_after(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    api = api_as("alex")
    with time_machine.travel(START, tick=False):
        assert [api.get(url(world, "/plan")).status_code for _ in range(3)] == [200, 200, 200]
        refused = api.get(url(world, "/plan"))
    body = refused.json()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    assert (body["code"], body["limit"], body["window_seconds"], body["retry_after"]) == ("rate_limited", 3, 60, 50)
    assert "Wait 50 seconds" in body["detail"]


@LIMIT
def test_the_next_window_starts_afresh(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    api = api_as("alex")
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            api.get(url(world, "/plan"))
    with time_machine.travel(START + dt.timedelta(seconds=50), tick=False):
        assert api.get(url(world, "/plan")).status_code == 200
    assert RequestCount.objects.count() == 1  # the finished window's row was pruned


@LIMIT
def test_one_token_does_not_use_up_anothers_allowance(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    first, second = api_as("alex"), api_as("alex")
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            first.get(url(world, "/plan"))
        assert first.get(url(world, "/plan")).status_code == 429
        assert second.get(url(world, "/plan")).status_code == 200


@LIMIT
def test_writes_count_too(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    api = api_as("alex")
    body = {"expected_revision": plan.revision, "text": "Swim"}
    with time_machine.travel(START, tick=False):
        for _ in range(3):
            api.get(url(world, "/plan"))
        assert api.post(url(world, "/plan/outcomes"), body).status_code == 429
    assert not plan.outcomes.filter(text="Swim").exists()


@LIMIT
def test_a_signed_in_session_is_counted_per_user(world: World, plan: Plan, client_for: Callable) -> None:
    with time_machine.travel(START, tick=False):
        one, two = Api(client_for("alex")), Api(client_for("alex"))
        for _ in range(3):
            one.get(url(world, "/plan"))
        assert two.get(url(world, "/plan")).status_code == 429
        assert Api(client_for("sam")).get(url(world, "/plan")).status_code == 200


@LIMIT
def test_prune_deletes_windows_nobody_is_using(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    with time_machine.travel(START, tick=False):
        api_as("alex").get(url(world, "/plan"))
    with time_machine.travel(START + dt.timedelta(minutes=5), tick=False):
        assert ratelimit.prune() == 1
    assert not RequestCount.objects.exists()


def test_the_default_allowance_is_in_settings() -> None:
    rule = ratelimit.allowance()
    assert (rule.limit, rule.window_seconds) == (300, 60)
